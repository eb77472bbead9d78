import { describe, expect, it } from 'vitest';
import { allFirstNames, cyrillicCandidates, toCyrillic, toLatin } from '../../../../shared/names';

describe('cyrillicCandidates', () => {
  it.each([
    ['IULIIA', 'Юлия'],
    ['YULIYA', 'Юлия'],
    ['ANDREY', 'Андрей'],
    ['ANDREI', 'Андрей'],
    ['DMITRY', 'Дмитрий'],
    ['DMITRII', 'Дмитрий'],
    ['NATALIA', 'Наталья'],
    ['TATIANA', 'Татьяна'],
    ['ARTEM', 'Артём'],
    ['OLGA', 'Ольга'],
    ['IGOR', 'Игорь'],
    ['KSENIIA', 'Ксения'],
    ['ALEKSANDR', 'Александр'],
    ['IVANOV', 'Иванов'],
    ['IVANOVA', 'Иванова'],
    ['TSVETKOV', 'Цветков'],
    ['TCVETKOV', 'Цветков'],
    ['SHCHUKINA', 'Щукина'],
    ['KHABAROV', 'Хабаров'],
    ['VASILEV', 'Васильев'],
    ['SOLOVEV', 'Соловьёв'],
    ['OBIEEDKOV', 'Объедков'],
    ['PODIEIACHEV', 'Подъячев'],
  ])('%s -> %s first', (latin, cyrillic) => {
    const candidates = cyrillicCandidates(latin);
    expect(candidates[0]?.toLowerCase()).toBe(cyrillic.toLowerCase());
  });

  it('keeps only spellings that some scheme turns back into the input', () => {
    // ИЙУЛИЯ and ЮЛИИЙА are generated from YULIYA too, but no scheme writes them so.
    expect(cyrillicCandidates('YULIYA')).toEqual(['ЮЛИЯ', 'ЮЛИЙА', 'ЮЛЬИЯ', 'ЮЛЬИЙА', 'ЮЛИЙЬА', 'ЮЛЬИЙЬА']);
    // A spelling that mixes MVD (YU) and ICAO (IIA) is not Юлия in any scheme.
    expect(cyrillicCandidates('YULIIA')).toEqual(['ЮЛИИА', 'ЮЛЬИИА']);
    expect(cyrillicCandidates('NATALYA')).toEqual([
      'НАТАЛЬЯ',
      'НАТАЛЯ',
      'НАТАЛЫА',
      'НАТЬАЛЯ',
      'НЬАТАЛЯ',
      'НАТЬАЛЬЯ',
    ]);
    expect(cyrillicCandidates('ILYIN')).toEqual(['ИЛЬИН', 'ИЛЫИН', 'ИЛЬЫИН', 'ИЛЫЙН', 'ИЛЫИНЬ', 'ИЛЫЙНЬ']);
    expect(cyrillicCandidates('SOLOVYOV')).toEqual([
      'СОЛОВЬЁВ',
      'СОЛОВЁВ',
      'СОЛОВЫОВ',
      'СОЛЬОВЁВ',
      'СЬОЛОВЁВ',
      'СОЛЬОВЬЁВ',
    ]);
    expect(cyrillicCandidates('ANDREY')).toEqual([
      'АНДРЕЙ',
      'АНДРЕИЙ',
      'АНДЬРЕИЙ',
      'АНЬДРЕИЙ',
      'АНДРЕЫЙ',
      'АНЬДЬРЕИЙ',
    ]);
    expect(cyrillicCandidates('WATSON')).toEqual([]);
    expect(cyrillicCandidates('')).toEqual([]);
  });

  it('offers the other spellings after the best one', () => {
    expect(cyrillicCandidates('ARTEM').slice(0, 2)).toEqual(['АРТЁМ', 'АРТЕМ']);
    // Наталия is NATALIIA in ICAO, so NATALIA is only Наталья (or a rarer spelling).
    expect(cyrillicCandidates('NATALIA')[0]).toBe('НАТАЛЬЯ');
    expect(cyrillicCandidates('NATALIIA')[0]).toBe('НАТАЛИЯ');
  });

  it('converts whole names and keeps the letter case and separators', () => {
    expect(toCyrillic('IVANOVA MARIIA')).toBe('ИВАНОВА МАРИЯ');
    expect(toCyrillic('Ivanov Ivan')).toBe('Иванов Иван');
    expect(toCyrillic('RIMSKII-KORSAKOV')).toBe('РИМСКИЙ-КОРСАКОВ');
    expect(toCyrillic('SHCHUKINA IULIIA')).toBe('ЩУКИНА ЮЛИЯ');
  });

  it('prefers combinations that agree on gender', () => {
    expect(toCyrillic('VALERIIA SOKOLOVA')).toBe('ВАЛЕРИЯ СОКОЛОВА');
  });

  it('guesses letter by letter where no scheme explains the Latin', () => {
    expect(toCyrillic('WATSON')).toBe('ВАТСОН');
  });

  it('finds every dictionary first name among the first three candidates of its ICAO form', () => {
    // Where more than three dictionary names share one ICAO form (DANIEL: Даниел, Даниель, Даниэл,
    // Даниэль), no ranking without frequencies can put each in the top three: there it must be
    // among as many candidates as there are such names.
    const names = allFirstNames().map((e) => e.name);
    const sameLatin = new Map<string, number>();
    for (const name of names) {
      const latin = toLatin(name, 'icao').toUpperCase();
      sameLatin.set(latin, (sameLatin.get(latin) ?? 0) + 1);
    }
    const misses: string[] = [];
    for (const name of names) {
      const latin = toLatin(name, 'icao').toUpperCase();
      const top = cyrillicCandidates(latin, Math.max(3, sameLatin.get(latin) ?? 0)).map((c) =>
        c.toLowerCase(),
      );
      if (!top.includes(name)) misses.push(`${name} (${latin}: ${top.join(', ')})`);
    }
    expect(misses).toEqual([]);
  });
});
