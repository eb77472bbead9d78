import { firstNamesByKey, lookupFirstName } from './dictionary';
import { nameKey } from './key';
import { hasCyrillic } from './script';

export type Gender = 'M' | 'F';

// Surname endings in both scripts (Latin as ICAO, GOST, MVD-310 and informal spellings give them).
const SURNAME_F_CYR = /(ова|ева|ёва|ина|ына|ская|цкая|ая|яя)$/;
const SURNAME_M_CYR = /(ов|ев|ёв|ин|ын|ский|цкий|ой|ый|ий)$/;
const SURNAME_F_LAT = /(OVA|EVA|INA|YNA|SKAIA|SKAYA|SKAJA|AIA|AYA|IAIA|YAYA)$/;
const SURNAME_M_LAT = /(OV|EV|IN|YN|SKII|SKIY|SKY|SKOI|SKOY|YI|II|OI|OY|IY)$/;
// Neither: -ЕНКО, -УК, -ИЧ, -ДЗЕ, -ШВИЛИ, -ЯН, -ИХ/-ЫХ and foreign surnames.
const SURNAME_EITHER_CYR = /(енко|ко|ук|юк|ич|дзе|швили|ян|их|ых|аго|ово|ец)$/;
const SURNAME_EITHER_LAT = /(ENKO|KO|UK|IUK|YUK|ICH|DZE|SHVILI|IAN|YAN|IKH|YKH|AGO|OVO|ETS)$/;

const PATRONYMIC_M = /(ич|оглы|улы|уулу)$/;
const PATRONYMIC_F = /(на|кызы|гызы)$/;
const PATRONYMIC_M_LAT = /(OVICH|EVICH|ICH|OGLY|ULY)$/;
const PATRONYMIC_F_LAT = /(OVNA|EVNA|ICHNA|INICHNA|KYZY|GYZY)$/;

// First names ending in -a/-я that are male, and consonant-ending names that are female.
const MALE_IN_A = new Set([
  'никита',
  'илья',
  'фома',
  'кузьма',
  'савва',
  'лука',
  'данила',
  'гаврила',
  'муса',
  'иона',
]);
const FEMALE_CONSONANT = new Set(['любовь', 'нинель', 'ассоль', 'адель', 'рахиль', 'юдифь', 'эсфирь']);

export function surnameGender(surname: string): Gender | undefined {
  const s = surname.trim();
  if (s === '') return undefined;
  if (hasCyrillic(s)) {
    const lower = s.toLowerCase();
    if (SURNAME_EITHER_CYR.test(lower) && !SURNAME_F_CYR.test(lower)) return undefined;
    if (SURNAME_F_CYR.test(lower)) return 'F';
    if (SURNAME_M_CYR.test(lower)) return 'M';
    return undefined;
  }
  const upper = s.toUpperCase().replace(/[^A-Z]/g, '');
  if (SURNAME_EITHER_LAT.test(upper) && !SURNAME_F_LAT.test(upper)) return undefined;
  if (SURNAME_F_LAT.test(upper)) return 'F';
  if (SURNAME_M_LAT.test(upper)) return 'M';
  return undefined;
}

export function patronymicGender(patronymic: string): Gender | undefined {
  const s = patronymic.trim();
  if (s === '') return undefined;
  if (hasCyrillic(s)) {
    const lower = s.toLowerCase();
    return PATRONYMIC_M.test(lower) ? 'M' : PATRONYMIC_F.test(lower) ? 'F' : undefined;
  }
  const upper = s.toUpperCase();
  return PATRONYMIC_M_LAT.test(upper) ? 'M' : PATRONYMIC_F_LAT.test(upper) ? 'F' : undefined;
}

/** By the dictionary in either script (IULIIA, YULIYA and Юлия alike), else by the ending. */
export function firstNameGender(firstName: string): Gender | undefined {
  const s = firstName.trim();
  if (s === '') return undefined;
  if (hasCyrillic(s)) {
    const entry = lookupFirstName(s);
    if (entry) return entry.gender;
    const lower = s.toLowerCase();
    if (MALE_IN_A.has(lower)) return 'M';
    if (FEMALE_CONSONANT.has(lower)) return 'F';
    if (/[ая]$/.test(lower)) return 'F';
    if (/[бвгджзйклмнпрстфхцчшщ]$/.test(lower)) return 'M';
    return undefined;
  }
  const entries = firstNamesByKey(nameKey(s));
  if (entries.length > 0) {
    // ILIA is Илья (common) or Иля (rare): the most common spelling decides.
    const best = Math.max(...entries.map((e) => e.frequency));
    const genders = new Set(entries.filter((e) => e.frequency === best).map((e) => e.gender));
    return genders.size === 1 ? [...genders][0] : undefined;
  }
  const upper = s.toUpperCase();
  if (/(A|IA|YA)$/.test(upper))
    return ['NIKITA', 'ILIA', 'ILYA', 'FOMA', 'KUZMA', 'SAVVA', 'LUKA', 'DANILA'].includes(upper) ? 'M' : 'F';
  if (/[BVGDZKLMNPRSTFHC]$/.test(upper)) return 'M';
  return undefined;
}

export const TITLE_GENDER: Readonly<Record<string, Gender>> = {
  MR: 'M',
  MSTR: 'M',
  MRS: 'F',
  MS: 'F',
  MISS: 'F',
};
