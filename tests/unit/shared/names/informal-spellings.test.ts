import { describe, expect, it } from 'vitest';
import { cyrillicCandidates, toCyrillic } from '../../../../shared/names';

/**
 * Latin spellings as bookings, old passports, visas and foreign documents carry them, and the
 * Cyrillic a Russian clerk writes for each. About half are no passport scheme's spelling (MARIA,
 * ALEXANDER, YEVGENIY, SCHERBAKOV, WASSILJEW); the others are old MVD or informal Y-spellings that
 * a scheme explains but that only frequency ranks right (DOBROVOLSKY before ДОБРОВОЛСКИЙ, YURI).
 */
const FIRST_NAMES: readonly (readonly [string, string])[] = [
  // X for КС, -ER for -Р, Y/J/I for Й
  ['ALEXANDER', 'Александр'],
  ['ALEXANDR', 'Александр'],
  ['ALEKSANDER', 'Александр'],
  ['ALEXANDRA', 'Александра'],
  ['ALEXEY', 'Алексей'],
  ['ALEXEI', 'Алексей'],
  ['ALEKSEJ', 'Алексей'],
  ['MAXIM', 'Максим'],
  ['XENIA', 'Ксения'],
  ['OXANA', 'Оксана'],
  // YE-, JE- for a word-initial Е; -IY, -Y, -IJ, -I for -ИЙ
  ['YEVGENIY', 'Евгений'],
  ['EVGENY', 'Евгений'],
  ['EVGENIJ', 'Евгений'],
  ['JEVGENIJ', 'Евгений'],
  ['YEVGENIYA', 'Евгения'],
  ['EVGENIA', 'Евгения'],
  ['YELENA', 'Елена'],
  ['JELENA', 'Елена'],
  ['YEKATERINA', 'Екатерина'],
  ['JEKATERINA', 'Екатерина'],
  ['YEGOR', 'Егор'],
  ['DMITRI', 'Дмитрий'],
  ['DMITRIJ', 'Дмитрий'],
  ['DMITRIY', 'Дмитрий'],
  ['YURI', 'Юрий'],
  ['YURY', 'Юрий'],
  ['YURIY', 'Юрий'],
  ['JURIJ', 'Юрий'],
  ['VASILIY', 'Василий'],
  ['VASILY', 'Василий'],
  ['VASSILY', 'Василий'],
  ['VALERIY', 'Валерий'],
  ['VALERY', 'Валерий'],
  ['VITALIY', 'Виталий'],
  ['GENNADY', 'Геннадий'],
  ['GENADIY', 'Геннадий'],
  ['ANATOLY', 'Анатолий'],
  ['GRIGORY', 'Григорий'],
  ['GEORGY', 'Георгий'],
  ['ARKADY', 'Аркадий'],
  ['ARSENIY', 'Арсений'],
  ['SERGEY', 'Сергей'],
  ['SERGEJ', 'Сергей'],
  ['NIKOLAY', 'Николай'],
  ['MATVEY', 'Матвей'],
  ['TIMOFEY', 'Тимофей'],
  // -IA, -IYA for -ИЯ; Y, J, I for Я, Ю; a missing soft sign
  ['MARIA', 'Мария'],
  ['Maria', 'Мария'],
  ['NATALIA', 'Наталья'],
  ['NATALYA', 'Наталья'],
  ['NATALJA', 'Наталья'],
  ['NATALIYA', 'Наталия'],
  ['TATIANA', 'Татьяна'],
  ['TATYANA', 'Татьяна'],
  ['TATJANA', 'Татьяна'],
  ['YULIA', 'Юлия'],
  ['JULIA', 'Юлия'],
  ['IULIA', 'Юлия'],
  ['KSENIA', 'Ксения'],
  ['KSENIYA', 'Ксения'],
  ['ANASTASIA', 'Анастасия'],
  ['ANASTASIYA', 'Анастасия'],
  ['VIKTORIA', 'Виктория'],
  ['VALERIA', 'Валерия'],
  ['LIDIA', 'Лидия'],
  ['EVDOKIA', 'Евдокия'],
  ['SOFIYA', 'София'],
  ['SOFYA', 'Софья'],
  ['DARIA', 'Дарья'],
  ['DARYA', 'Дарья'],
  ['ULYANA', 'Ульяна'],
  ['ZOYA', 'Зоя'],
  ['YANA', 'Яна'],
  ['JANA', 'Яна'],
  ['YAROSLAV', 'Ярослав'],
  ['JAROSLAV', 'Ярослав'],
  ['YAKOV', 'Яков'],
  ['JAKOV', 'Яков'],
  ['VYACHESLAV', 'Вячеслав'],
  ['VJACHESLAV', 'Вячеслав'],
  ['SVYATOSLAV', 'Святослав'],
  ['LYUDMILA', 'Людмила'],
  ['LUDMILA', 'Людмила'],
  ['LJUDMILA', 'Людмила'],
  ['LYUBOV', 'Любовь'],
  ['LUBOV', 'Любовь'],
  ['ILYA', 'Илья'],
  ['ILJA', 'Илья'],
  ['OLGA', 'Ольга'],
  ['IGOR', 'Игорь'],
  ['ELVIRA', 'Эльвира'],
  ['EDUARD', 'Эдуард'],
  // YO, IO, JO for Ё
  ['PYOTR', 'Пётр'],
  ['PIOTR', 'Пётр'],
  ['FYODOR', 'Фёдор'],
  ['FJODOR', 'Фёдор'],
  ['SEMYON', 'Семён'],
  ['ARTYOM', 'Артём'],
  ['ARTIOM', 'Артём'],
  ['ALYONA', 'Алёна'],
  ['ALIONA', 'Алёна'],
  // H for Х, doubled and single letters
  ['MIHAIL', 'Михаил'],
  ['ZAHAR', 'Захар'],
  ['KHRISTINA', 'Христина'],
  ['LARISSA', 'Лариса'],
  ['ALISSA', 'Алиса'],
  ['RAISSA', 'Раиса'],
  ['KIRIL', 'Кирилл'],
  ['ZHANNA', 'Жанна'],
  // foreign habits, for known names only: W, PH, C, CH for Х, J for Ж
  ['WLADIMIR', 'Владимир'],
  ['SOPHIA', 'София'],
  ['PHILIPP', 'Филипп'],
  ['VICTOR', 'Виктор'],
  ['VICTORIA', 'Виктория'],
  ['CONSTANTIN', 'Константин'],
  ['MICHAIL', 'Михаил'],
  ['NADEJDA', 'Надежда'],
  ['JANNA', 'Жанна'],
];

const SURNAMES: readonly (readonly [string, string])[] = [
  // -SKY, -SKIY, -SKI, -SKAYA, -SKAJA and the soft sign of -ЛЬСКИЙ
  ['DOBROVOLSKY', 'Добровольский'],
  ['DOBROVOLSKAYA', 'Добровольская'],
  ['DOBROVOLSKAJA', 'Добровольская'],
  ['PODOLSKY', 'Подольский'],
  ['KOVALSKY', 'Ковальский'],
  ['BELSKAYA', 'Бельская'],
  ['ZAGORSKY', 'Загорский'],
  ['LOZINSKY', 'Лозинский'],
  ['ZELENSKY', 'Зеленский'],
  ['ZELENSKI', 'Зеленский'],
  ['OSTROVSKY', 'Островский'],
  ['OSTROVSKAYA', 'Островская'],
  ['VYSOTSKY', 'Высоцкий'],
  ['VYSOTSKAYA', 'Высоцкая'],
  ['SAVITSKIY', 'Савицкий'],
  ['CHAIKOVSKY', 'Чайковский'],
  ['TCHAIKOVSKY', 'Чайковский'],
  ['TOLSTOY', 'Толстой'],
  ['TOLSTAYA', 'Толстая'],
  // -YEV, -IEV, -JEW for -ЬЕВ; -YOV for -ЁВ, -ЬЁВ
  ['VASILYEV', 'Васильев'],
  ['VASILIEV', 'Васильев'],
  ['WASSILJEW', 'Васильев'],
  ['GRIGORYEV', 'Григорьев'],
  ['GRIGORIEV', 'Григорьев'],
  ['VOROBIEV', 'Воробьёв'],
  ['AFANASYEV', 'Афанасьев'],
  ['KONDRATYEV', 'Кондратьев'],
  ['DEMENTYEVA', 'Дементьева'],
  ['SOLOVIEV', 'Соловьёв'],
  ['SOLOVYOVA', 'Соловьёва'],
  ['MURAVYOV', 'Муравьёв'],
  ['KOVALEV', 'Ковалёв'],
  ['KOVALYOV', 'Ковалёв'],
  ['KOVALYOVA', 'Ковалёва'],
  ['KOROLYOV', 'Королёв'],
  ['KISELYOV', 'Киселёв'],
  ['PONOMARYOV', 'Пономарёв'],
  ['SELEZNYOV', 'Селезнёв'],
  ['GORBACHOV', 'Горбачёв'],
  ['CHERNYSHOV', 'Чернышёв'],
  ['FYODOROV', 'Фёдоров'],
  ['SEMYONOV', 'Семёнов'],
  ['SEMYONOVA', 'Семёнова'],
  // -AYEV, -EYEV, -YE- and Y- forms
  ['NIKOLAYEV', 'Николаев'],
  ['ALEKSEYEV', 'Алексеев'],
  ['ALEXEEV', 'Алексеев'],
  ['ANDREYEV', 'Андреев'],
  ['SERGEYEV', 'Сергеев'],
  ['MATVEYEV', 'Матвеев'],
  ['BELYAEV', 'Беляев'],
  ['BELYAYEV', 'Беляев'],
  ['YEGOROV', 'Егоров'],
  ['YERMAKOV', 'Ермаков'],
  ['YEFIMOV', 'Ефимов'],
  ['YEMELYANOV', 'Емельянов'],
  ['EMELIANOV', 'Емельянов'],
  ['YESENIN', 'Есенин'],
  ['YAKOVLEV', 'Яковлев'],
  ['JAKOVLEV', 'Яковлев'],
  ['YAKOVLEVA', 'Яковлева'],
  ['YUDIN', 'Юдин'],
  ['ILYIN', 'Ильин'],
  ['ILJIN', 'Ильин'],
  ['KUZMIN', 'Кузьмин'],
  ['MALTSEV', 'Мальцев'],
  ['RYABOV', 'Рябов'],
  ['LUKYANOV', 'Лукьянов'],
  ['RUMYANTSEV', 'Румянцев'],
  ['KUDRYAVTSEV', 'Кудрявцев'],
  ['TRETYAKOV', 'Третьяков'],
  ['PETROSYAN', 'Петросян'],
  ['PETROSIAN', 'Петросян'],
  ['MIKHAYLOV', 'Михайлов'],
  ['ZAYTSEV', 'Зайцев'],
  ['ZAYTSEVA', 'Зайцева'],
  ['TSOY', 'Цой'],
  ['STAROVOYTOV', 'Старовойтов'],
  ['STAROVOITOVA', 'Старовойтова'],
  // H for Х, SCH and SH for Щ, X for КС, I for Ы, C for Ц
  ['HOHLOV', 'Хохлов'],
  ['MIHAILOV', 'Михайлов'],
  ['TIHONOV', 'Тихонов'],
  ['PROHOROV', 'Прохоров'],
  ['ZAHAROV', 'Захаров'],
  ['HARITONOV', 'Харитонов'],
  ['HABIBULLIN', 'Хабибуллин'],
  ['CHEHOV', 'Чехов'],
  ['SCHERBAKOV', 'Щербаков'],
  ['SHERBAKOV', 'Щербаков'],
  ['SCHUKIN', 'Щукин'],
  ['MAXIMOV', 'Максимов'],
  ['ALEXANDROV', 'Александров'],
  ['DAVIDOV', 'Давыдов'],
  ['KUZNECOV', 'Кузнецов'],
  ['WOLKOWA', 'Волкова'],
];

/** Spellings that really are two names (or two spellings of one), each with the reason. */
const AMBIGUOUS: readonly (readonly [string, readonly string[], string])[] = [
  ['TAISIA', ['Таисья', 'Таисия'], 'ICAO writes Таисья as TAISIA; English-style TAISIA is Таисия'],
  ['SOFIA', ['Софья', 'София'], 'ICAO writes Софья as SOFIA; English-style SOFIA is София'],
  ['FILIP', ['Филип', 'Филипп'], 'Филип is a name of its own; Филипп written with one P'],
  [
    'SOLOVYEV',
    ['Соловьев', 'Соловьёв'],
    'YE leaves Ё unwritten: Соловьев is the same name as documents often spell it',
  ],
  ['VOROBYEV', ['Воробьев', 'Воробьёв'], 'YE leaves Ё unwritten, as in SOLOVYEV'],
];

const lower = (list: readonly string[]) => list.map((s) => s.toLowerCase());

describe('informal Latin spellings back to Cyrillic', () => {
  it('has a table of more than a hundred spellings', () => {
    expect(FIRST_NAMES.length + SURNAMES.length + AMBIGUOUS.length).toBeGreaterThan(200);
  });

  it.each([...FIRST_NAMES, ...SURNAMES])('%s -> %s first', (latin, cyrillic) => {
    expect(cyrillicCandidates(latin, 3)[0]?.toLowerCase()).toBe(cyrillic.toLowerCase());
  });

  it.each(AMBIGUOUS)('%s -> %j, in that order (%s)', (latin, expected) => {
    expect(lower(cyrillicCandidates(latin, expected.length))).toEqual(lower(expected));
  });

  it('gives the same first candidate whether one or ten are asked for', () => {
    // One candidate is read from the known names alone, ten run the full search too.
    for (const [latin] of [...FIRST_NAMES, ...SURNAMES])
      expect(cyrillicCandidates(latin, 1)[0], latin).toBe(cyrillicCandidates(latin, 10)[0]);
  });

  it('converts whole names as bookings print them', () => {
    expect(toCyrillic('DOBROVOLSKY ALEXANDER')).toBe('ДОБРОВОЛЬСКИЙ АЛЕКСАНДР');
    expect(toCyrillic('Ivanova Maria')).toBe('Иванова Мария');
    expect(toCyrillic('SOLOVYOVA NATALIA')).toBe('СОЛОВЬЁВА НАТАЛЬЯ');
    expect(toCyrillic('KUZNETSOVA YULIA')).toBe('КУЗНЕЦОВА ЮЛИЯ');
    expect(toCyrillic('ZAYTSEV YEVGENIY')).toBe('ЗАЙЦЕВ ЕВГЕНИЙ');
    expect(toCyrillic('Alexeev Dmitry')).toBe('Алексеев Дмитрий');
    expect(toCyrillic('WOLKOWA TATJANA')).toBe('ВОЛКОВА ТАТЬЯНА');
    expect(toCyrillic('HOHLOVA OXANA')).toBe('ХОХЛОВА ОКСАНА');
  });

  it('keeps a passport scheme spelling first where it names a common name', () => {
    // Strict ICAO/MVD readings stay ahead of informal ones of rarer names.
    expect(lower(cyrillicCandidates('NATALIA', 2))).toEqual(['наталья', 'наталия']);
    expect(lower(cyrillicCandidates('DARIA', 1))).toEqual(['дарья']);
    expect(lower(cyrillicCandidates('ILIA', 1))).toEqual(['илья']);
  });

  it('reads foreign habits only as names it knows', () => {
    expect(cyrillicCandidates('WILLIAMS')).toEqual([]);
    expect(cyrillicCandidates('JOHNSON')).toEqual([]);
  });
});
