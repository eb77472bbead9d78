import { describe, expect, it } from 'vitest';
import { nameKey, toLatin, toLatinInformal, TRANSLIT_SCHEMES, allFirstNames } from '../../../../shared/names';

describe('nameKey', () => {
  it.each([
    ['IULIA', ['Юлия', 'IULIIA', 'YULIYA', 'Yulia', 'Julia', 'Iuliia', 'Julija', 'JULIA']],
    ['TSVETKOV', ['Цветков', 'TSVETKOV', 'TCVETKOV', 'Tsvetkov', 'tsvetkov']],
    ['PODIACHEV', ['Подъячев', 'PODIEIACHEV', 'PODIACHEV', 'POD"YACHEV', 'PODYACHEV', 'Podjachev']],
    ['OBEDKOV', ['Объедков', 'OBIEEDKOV', 'OBEDKOV', 'OBYEDKOV', 'Obyedkov', 'Objedkov']],
    ['NATALIA', ['Наталья', 'NATALIA', "NATAL'YA", 'NATALYA', 'Natalya', 'Natalja', 'Nataliya']],
    ['TATIANA', ['Татьяна', 'TATIANA', 'Tatyana', 'Tatjana']],
    ['DMITRI', ['Дмитрий', 'DMITRII', 'DMITRIY', 'DMITRY', 'Dmitry', 'Dmitrij']],
    ['EVGENI', ['Евгений', 'EVGENII', 'EVGENIY', 'YEVGENY', 'Yevgeniy', 'Jewgenij']],
    ['ARTEM', ['Артём', 'ARTEM', 'ARTYOM', 'Artyom', 'artem', 'Artjom']],
    ['SOLOVEV', ['Соловьёв', 'SOLOVEV', "SOLOV'EV", 'SOLOVYOV', 'Solovyov', 'Solowjow']],
    ['ILIN', ['Ильин', 'ILIN', "IL'IN", 'ILYIN', 'Ilyin', 'Iljin']],
    ['ALEKSANDR', ['Александр', 'ALEKSANDR', 'ALEXANDR', 'Alexandr', 'aleksandr', 'Alexander', 'ALEXANDER']],
    ['ALEKSANDRA', ['Александра', 'ALEKSANDRA', 'Alexandra']],
    ['MARIA', ['Мария', 'MARIIA', 'MARIYA', 'Maria', 'Marija']],
    ['SERGEI', ['Сергей', 'SERGEI', 'SERGEY', 'Sergej']],
    ['IURI', ['Юрий', 'IURII', 'YURIY', 'Yuri', 'Yury', 'Juri', 'Jurij']],
    ['IANA', ['Яна', 'IANA', 'YANA', 'Yana', 'Jana']],
    ['IAKOV', ['Яков', 'IAKOV', 'YAKOV', 'Jakov', 'Jakow']],
    ['ELENA', ['Елена', 'ELENA', 'YELENA', 'Jelena']],
    ['EGOR', ['Егор', 'EGOR', 'YEGOR', 'Jegor']],
    ['FEDOR', ['Фёдор', 'FEDOR', 'FYODOR', 'Fjodor']],
    ['PETR', ['Пётр', 'PETR', 'PYOTR', 'Pjotr']],
    ['VLADIMIR', ['Владимир', 'VLADIMIR', 'Wladimir']],
    ['IVAN', ['Иван', 'IVAN', 'Iwan']],
    ['MIKHAIL', ['Михаил', 'MIKHAIL', 'Mikhail', 'Mihail']],
    ['SOFIA', ['София', 'SOFIIA', 'SOFIYA', 'Sofia', 'Sophia']],
    ['LIUDMILA', ['Людмила', 'LIUDMILA', 'LYUDMILA', 'Ludmila', 'Ljudmila']],
    ['LIUBOV', ['Любовь', 'LIUBOV', "LYUBOV'", 'Lubov', 'Ljubov']],
    ['KSENIA', ['Ксения', 'KSENIIA', 'KSENIYA', 'Xenia', 'Ksenia']],
    ['SHCHUKIN', ['Щукин', 'SHCHUKIN', 'SCHUKIN', 'Shchukin', 'shchukin']],
  ] as const)('is %s for %j', (key, spellings) => {
    expect(spellings.map((s) => [s, nameKey(s)])).toEqual(spellings.map((s) => [s, key]));
  });

  it('does not merge different names by a spelling rule', () => {
    expect(nameKey('Лукин')).toBe('LUKIN');
    expect(nameKey('Люкин')).toBe('LIUKIN');
    expect(nameKey('Шнайдер')).toBe('SHNAIDER');
    expect(nameKey('Анна')).toBe('ANNA');
    expect(nameKey('Ана')).toBe('ANA');
  });

  it('is the same for every scheme of every dictionary first name', () => {
    for (const { name } of allFirstNames()) {
      const key = nameKey(name);
      for (const scheme of TRANSLIT_SCHEMES)
        expect(nameKey(toLatin(name, scheme)), `${name} ${scheme}`).toBe(key);
      expect(nameKey(toLatinInformal(name)), `${name} informal`).toBe(key);
    }
  });

  it('keeps a typed prefix a prefix of the full key', () => {
    for (const [typed, typedKey, full, fullKey] of [
      ['YU', 'IU', 'Юлия', 'IULIA'],
      ['Ju', 'IU', 'Юлия', 'IULIA'],
      ['Юл', 'IUL', 'Юлия', 'IULIA'],
      ['sh', 'SH', 'Щукин', 'SHCHUKIN'],
      ['SHCH', 'SHCH', 'Щукин', 'SHCHUKIN'],
      ['tc', 'TS', 'Цветков', 'TSVETKOV'],
      ['ivan', 'IVAN', 'Иванова', 'IVANOVA'],
      ['ALEX', 'ALEKS', 'Александров', 'ALEKSANDROV'],
      ['Alexand', 'ALEKSAND', 'Александр', 'ALEKSANDR'],
      ['Mih', 'MIKH', 'Михаил', 'MIKHAIL'],
      ['Wla', 'VLA', 'Владимир', 'VLADIMIR'],
    ]) {
      expect([nameKey(typed!), nameKey(full!)], `${typed} ~ ${full}`).toEqual([typedKey, fullKey]);
      expect(fullKey!.startsWith(typedKey!), `${typed} ~ ${full}`).toBe(true);
    }
  });

  it('ignores case, spaces, hyphens, apostrophes and accents', () => {
    expect(nameKey('Rimskii-Korsakov')).toBe('RIMSKIKORSAKOV');
    expect(nameKey('RIMSKII KORSAKOV')).toBe('RIMSKIKORSAKOV');
    expect(nameKey("D'Artagnan")).toBe('DARTAGNAN');
    expect(nameKey('Éléonore')).toBe('ELEONORE');
    expect(nameKey('')).toBe('');
  });
});
