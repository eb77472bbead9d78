/**
 * The informal spellings bookings carry, as one family of forward rules with choices: Y-, J- or
 * I-forms of Я, Ю, Й and the iotated Е/Ё (YANA, JANA, IANA), -ИЯ as IA (MARIA), -ИЙ/-ЫЙ endings as
 * Y, IY, II, I or IJ (DMITRY, YEVGENIY, ZELENSKI), KS as X, Х as H, Щ as SCH or SH, Ё as YO, IO or O
 * after a hushing consonant, Ю as U after a consonant (LUDMILA), ЬИ as YI, Ы as I (DAVIDOV), soft
 * signs dropped, a Cyrillic double letter written once (KIRIL) and С written SS (VASSILY).
 *
 * One word uses one style of iotation: YULIYA and IULIA are Юлия, YULIIA (MVD Ю with ICAO ИЯ) is
 * not. Foreign habits (W, PH, C, TZ, TCH, OU, CH for Х, J for Ж, DJ for ДЖ, -ER for -Р) are marked:
 * they explain only names the dictionaries know (WLADIMIR is Владимир; WATSON is nobody's Ватсон).
 */

export type InformalMatch = 'general' | 'foreign';

type Iot = 1 | 2 | 3; // Y, J, I
const Y: Iot = 1;
const J: Iot = 2;
const I: Iot = 3;

interface Step {
  /** Cyrillic letters consumed. */
  take: number;
  lat: string;
  iot?: Iot;
  foreign?: true;
}

const step = (lat: string, extra: Partial<Step> = {}): Step => ({ take: 1, lat, ...extra });
const foreign = (lat: string): Step => step(lat, { foreign: true });

const VOWELS = 'аеёиоуыэюя';
const SIGNS = 'ьъ';
const HUSHING = 'жчшщ';

const PLAIN: Readonly<Record<string, readonly Step[]>> = {
  а: [step('A')],
  б: [step('B')],
  в: [step('V'), foreign('W')],
  г: [step('G')],
  д: [step('D')],
  ж: [step('ZH'), foreign('J')],
  з: [step('Z')],
  и: [step('I')],
  й: [step('Y', { iot: Y }), step('J', { iot: J }), step('I', { iot: I })],
  к: [step('K'), foreign('C'), foreign('CK')],
  л: [step('L')],
  м: [step('M')],
  н: [step('N')],
  о: [step('O')],
  п: [step('P')],
  р: [step('R')],
  с: [step('S'), step('SS')],
  т: [step('T')],
  у: [step('U'), foreign('OU')],
  ф: [step('F'), foreign('PH')],
  х: [step('KH'), step('H'), foreign('CH')],
  ц: [step('TS'), step('TC'), foreign('TZ'), foreign('C')],
  ч: [step('CH'), foreign('TCH')],
  ш: [step('SH')],
  щ: [step('SHCH'), step('SCH'), step('SH')],
  ъ: [step('')],
  ы: [step('Y'), step('I')],
  э: [step('E')],
  я: [step('YA', { iot: Y }), step('JA', { iot: J }), step('IA', { iot: I })],
};

const E: readonly Step[] = [step('E')];
const E_IOTATED: readonly Step[] = [...E, step('YE', { iot: Y }), step('JE', { iot: J })];
const E_AFTER_SIGN: readonly Step[] = [...E_IOTATED, step('IE', { iot: I })];
const YO: readonly Step[] = [step('YO', { iot: Y }), step('JO', { iot: J }), step('IO', { iot: I })];
const YO_AFTER_HUSHING: readonly Step[] = [...YO, step('O')];
const IU: readonly Step[] = [step('YU', { iot: Y }), step('JU', { iot: J }), step('IU', { iot: I })];
const IU_AFTER_CONSONANT: readonly Step[] = [...IU, step('U')];
const SIGN: readonly Step[] = [step('')];
const SIGN_BEFORE_I: readonly Step[] = [...SIGN, step('Y', { iot: Y }), step('J', { iot: J })];
const R: readonly Step[] = [step('R')];
const R_FINAL: readonly Step[] = [...R, foreign('ER')];
const NO_STEPS: readonly Step[] = [];

const pairStep = (lat: string, extra: Partial<Step> = {}): Step => ({ take: 2, lat, ...extra });
const PAIRS: Readonly<Record<string, readonly Step[]>> = {
  кс: [pairStep('X')],
  ия: [pairStep('IA')],
  дж: [pairStep('J', { foreign: true }), pairStep('DJ', { foreign: true })],
  лл: [pairStep('L')],
  нн: [pairStep('N')],
  пп: [pairStep('P')],
  сс: [pairStep('S')],
  мм: [pairStep('M')],
};
const ENDINGS: Readonly<Record<string, readonly Step[]>> = {
  ий: ['Y', 'IY', 'II', 'I', 'IJ'].map((lat) => pairStep(lat)),
  ый: ['Y', 'YI', 'YY', 'IY', 'II'].map((lat) => pairStep(lat)),
};

/** The letter's own steps in its context (shared arrays, never copied). */
function letterSteps(w: string, i: number): readonly Step[] {
  const c = w[i] as string;
  const prev = w[i - 1];
  const afterSign = prev !== undefined && SIGNS.includes(prev);
  const iotated = prev === undefined || VOWELS.includes(prev) || afterSign;
  switch (c) {
    case 'е':
      return afterSign ? E_AFTER_SIGN : iotated ? E_IOTATED : E;
    case 'ю':
      return iotated ? IU : IU_AFTER_CONSONANT;
    case 'ь': {
      const next = w[i + 1];
      return next === 'и' || next === 'о' ? SIGN_BEFORE_I : SIGN;
    }
    case 'р':
      return i === w.length - 1 && (prev === 'д' || prev === 'т') ? R_FINAL : R;
    default:
      return PLAIN[c] ?? NO_STEPS;
  }
}

function stepsAt(w: string, i: number): readonly Step[] {
  const c = w[i] as string;
  const pair = w.slice(i, i + 2);
  const extra = [...(PAIRS[pair] ?? []), ...(i === w.length - 2 ? (ENDINGS[pair] ?? []) : [])];
  let own = letterSteps(w, i);
  if (c === 'ё') {
    // Ё is written as Е by many, or YO, IO, JO, or O after Ж, Ч, Ш, Щ.
    const prev = w[i - 1];
    const asE = letterSteps(`${w.slice(0, i)}е${w.slice(i + 1)}`, i);
    own = [...asE, ...(prev !== undefined && HUSHING.includes(prev) ? YO_AFTER_HUSHING : YO)];
  }
  return extra.length === 0 ? own : [...extra, ...own];
}

const NONE = 2;

function matchFrom(
  w: string,
  steps: (readonly Step[] | undefined)[],
  latin: string,
  memo: Map<number, number>,
  i: number,
  j: number,
  iot: number,
): number {
  if (i === w.length) return j === latin.length ? 0 : NONE;
  const key = (i * (latin.length + 1) + j) * 4 + iot;
  const known = memo.get(key);
  if (known !== undefined) return known;
  let best = NONE;
  for (const s of (steps[i] ??= stepsAt(w, i))) {
    if (s.iot !== undefined && iot !== 0 && s.iot !== iot) continue;
    if (!latin.startsWith(s.lat, j)) continue;
    const rest = matchFrom(w, steps, latin, memo, i + s.take, j + s.lat.length, s.iot ?? iot);
    if (rest === NONE) continue;
    best = Math.min(best, s.foreign ? 1 : rest);
    if (best === 0) break;
  }
  memo.set(key, best);
  return best;
}

/**
 * Whether some informal spelling of the Cyrillic word (lower case) is exactly this Latin word
 * (upper case, apostrophes removed): 'general' when it needs no foreign habit, 'foreign' when it
 * does, undefined when none writes it so.
 */
export function informalMatch(cyrillic: string, latin: string): InformalMatch | undefined {
  // 0 = general, 1 = needs a foreign habit, NONE = impossible; iot 0 = not chosen yet.
  const result = matchFrom(cyrillic, [], latin, new Map(), 0, 0, 0);
  return result === 0 ? 'general' : result === 1 ? 'foreign' : undefined;
}

const CYRILLIC_SKELETON: Readonly<Record<string, string>> = {
  б: 'B',
  в: 'V',
  г: 'G',
  д: 'D',
  ж: '3',
  з: 'Z',
  к: 'K',
  л: 'L',
  м: 'M',
  н: 'N',
  п: 'P',
  р: 'R',
  с: 'S',
  т: 'T',
  ф: 'F',
  х: 'H',
  ц: 'C',
  ч: '4',
  ш: '6',
  щ: '6',
};

const collapse = (s: string) => s.replace(/(.)\1+/g, '$1');

/**
 * The consonant skeleton of a Cyrillic word: what every scheme and informal spelling of it keeps
 * (vowels, Й and the signs are where they differ). Used to find known names for a Latin word fast.
 */
export function cyrillicSkeleton(cyrillic: string): string {
  const w = cyrillic.toLowerCase().replace(/тс|тц/g, 'ц').replace(/тч/g, 'ч');
  let out = '';
  for (const ch of w) out += CYRILLIC_SKELETON[ch] ?? '';
  return collapse(out);
}

const LATIN_TOKENS: readonly (readonly [string, string])[] = [
  ['TSCH', '4'],
  ['SHCH', '6'],
  ['SCH', '6'],
  ['TCH', '4'],
  ['SH', '6'],
  ['CH', '4'],
  ['ZH', '3'],
  ['KH', 'H'],
  ['PH', 'F'],
  ['TS', 'C'],
  ['TC', 'C'],
  ['TZ', 'C'],
  ['CK', 'K'],
  ['X', 'KS'],
  ['W', 'V'],
];
const LATIN_VOWELS = 'AEIOUY';

/** The skeletons a Latin word (upper case) may have: C may be Ц or К, J may be Й, Ж or ДЖ, CH may be Х. */
export function latinSkeletons(latin: string): string[] {
  let variants = [''];
  let i = 0;
  while (i < latin.length) {
    const ch = latin[i] as string;
    let out: readonly string[] = [ch];
    let take = 1;
    // TS, TC and TZ before H are T and SH, CH, ZH (ICAO ТШ, ТЧ, ТЖ).
    const token = LATIN_TOKENS.find(
      ([t]) => latin.startsWith(t, i) && !(t.length === 2 && t[0] === 'T' && latin[i + 2] === 'H'),
    );
    if (token) {
      out = token[1] === '4' ? ['4', 'H'] : [token[1]];
      take = token[0].length;
    } else if (LATIN_VOWELS.includes(ch) || ch < 'A' || ch > 'Z') out = [''];
    else if (ch === 'C') out = ['C', 'K'];
    else if (ch === 'J') out = ['', '3', 'D3'];
    i += take;
    if (out.length === 1) variants = variants.map((v) => v + out[0]);
    else variants = variants.flatMap((v) => out.map((o) => v + o)).slice(0, 64);
  }
  return variants.length === 1 ? [collapse(variants[0]!)] : [...new Set(variants.map(collapse))];
}
