/** Common Russian names for realistic demo data (male surname forms; female forms are derived). */
import surnames from '../../../resources/names/common-surnames.ru.json';

/** Common Russian surnames (male forms; female forms are derived). */
export const SURNAMES: readonly string[] = surnames.surnames;

export const MALE_NAMES = [
  'Александр',
  'Дмитрий',
  'Максим',
  'Сергей',
  'Андрей',
  'Алексей',
  'Артём',
  'Илья',
  'Кирилл',
  'Михаил',
  'Никита',
  'Матвей',
  'Роман',
  'Егор',
  'Арсений',
  'Иван',
  'Денис',
  'Евгений',
  'Даниил',
  'Тимофей',
  'Владислав',
  'Игорь',
  'Владимир',
  'Павел',
  'Руслан',
  'Марк',
  'Константин',
  'Тимур',
  'Олег',
  'Ярослав',
  'Антон',
  'Николай',
  'Глеб',
  'Данил',
  'Савелий',
  'Вадим',
  'Степан',
  'Юрий',
  'Богдан',
  'Артур',
  'Семён',
  'Виктор',
  'Фёдор',
  'Григорий',
  'Леонид',
  'Пётр',
  'Василий',
  'Анатолий',
  'Валерий',
  'Геннадий',
];

export const FEMALE_NAMES = [
  'Анастасия',
  'Мария',
  'Анна',
  'Виктория',
  'Екатерина',
  'Наталья',
  'Марина',
  'Полина',
  'София',
  'Дарья',
  'Алиса',
  'Ксения',
  'Александра',
  'Елена',
  'Юлия',
  'Ольга',
  'Татьяна',
  'Ирина',
  'Светлана',
  'Валерия',
  'Вероника',
  'Арина',
  'Елизавета',
  'Кристина',
  'Алина',
  'Людмила',
  'Галина',
  'Надежда',
  'Любовь',
  'Вера',
  'Евгения',
  'Маргарита',
  'Диана',
  'Оксана',
  'Яна',
  'Алёна',
  'Ульяна',
  'Василиса',
  'Варвара',
  'Милана',
];

/** Patronymic of a male first name, in its male and female forms. */
export function patronymics(father: string): { male: string; female: string } {
  const irregular: Record<string, [string, string]> = {
    Илья: ['Ильич', 'Ильинична'],
    Никита: ['Никитич', 'Никитична'],
    Павел: ['Павлович', 'Павловна'],
    Пётр: ['Петрович', 'Петровна'],
    Лев: ['Львович', 'Львовна'],
  };
  const known = irregular[father];
  if (known) return { male: known[0], female: known[1] };
  if (father.endsWith('ий'))
    return { male: `${father.slice(0, -2)}ьевич`, female: `${father.slice(0, -2)}ьевна` };
  if (father.endsWith('й'))
    return { male: `${father.slice(0, -1)}евич`, female: `${father.slice(0, -1)}евна` };
  return { male: `${father}ович`, female: `${father}овна` };
}
