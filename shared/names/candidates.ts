import { knownNameWords, lookupFirstName, lookupSurname } from './dictionary';
import { surnameGender, patronymicGender } from './gender-rules';
import { cyrillicSkeleton, informalMatch, latinSkeletons, type InformalMatch } from './informal';
import { spellsAs, TRANSLIT_SCHEMES } from './translit';

/**
 * Latin back to Cyrillic as a constrained inverse: Cyrillic spellings are generated from a reverse
 * table of Latin chunks, and a spelling is kept only if some scheme turns it back into exactly the
 * Latin given: a passport scheme (ICAO, GOST 52535, MVD-310) or the informal Y-spellings, or else,
 * at a lower prior, one of the informal spellings bookings carry (informal.ts: MARIA, ALEXANDER,
 * YEVGENIY). Known names (the first-name dictionary and the surname list, found by their consonant
 * skeleton) come first, ranked by frequency; then other words, by endings and spelling shape.
 */

interface Option {
  cyr: string;
  cost: number;
}

/** Latin chunk -> Cyrillic options with a prior cost (lower is likelier). */
const REVERSE: Readonly<Record<string, readonly Option[]>> = {
  A: [{ cyr: 'а', cost: 0 }],
  B: [{ cyr: 'б', cost: 0 }],
  V: [{ cyr: 'в', cost: 0 }],
  G: [{ cyr: 'г', cost: 0 }],
  D: [{ cyr: 'д', cost: 0 }],
  E: [
    { cyr: 'е', cost: 0 },
    { cyr: 'ё', cost: 1.5 },
    { cyr: 'э', cost: 2 },
  ],
  ZH: [{ cyr: 'ж', cost: 0 }],
  Z: [{ cyr: 'з', cost: 0 }],
  I: [
    { cyr: 'и', cost: 0 },
    { cyr: 'й', cost: 0.3 },
    { cyr: 'ий', cost: 1 },
  ],
  K: [{ cyr: 'к', cost: 0 }],
  KH: [{ cyr: 'х', cost: 0 }],
  L: [{ cyr: 'л', cost: 0 }],
  M: [{ cyr: 'м', cost: 0 }],
  N: [{ cyr: 'н', cost: 0 }],
  O: [{ cyr: 'о', cost: 0 }],
  P: [{ cyr: 'п', cost: 0 }],
  R: [{ cyr: 'р', cost: 0 }],
  S: [{ cyr: 'с', cost: 0 }],
  T: [{ cyr: 'т', cost: 0 }],
  U: [{ cyr: 'у', cost: 0 }],
  F: [{ cyr: 'ф', cost: 0 }],
  TS: [{ cyr: 'ц', cost: 0 }],
  TC: [{ cyr: 'ц', cost: 0.5 }],
  CH: [{ cyr: 'ч', cost: 0 }],
  SH: [
    { cyr: 'ш', cost: 0 },
    { cyr: 'щ', cost: 1.5 },
  ],
  SHCH: [{ cyr: 'щ', cost: 0 }],
  Y: [
    { cyr: 'ы', cost: 0.5 },
    { cyr: 'й', cost: 0.5 },
    { cyr: 'ий', cost: 0.3 },
    { cyr: 'ый', cost: 0.6 },
    { cyr: 'ь', cost: 2 },
  ],
  IU: [{ cyr: 'ю', cost: 0 }],
  IA: [
    { cyr: 'я', cost: 0 },
    { cyr: 'ия', cost: 1 },
  ],
  IE: [
    { cyr: 'ъ', cost: 0.5 },
    { cyr: 'е', cost: 0.8 },
  ],
  IO: [{ cyr: 'ё', cost: 0.8 }],
  YU: [{ cyr: 'ю', cost: 0.2 }],
  YA: [{ cyr: 'я', cost: 0.2 }],
  YE: [{ cyr: 'е', cost: 0.3 }],
  YO: [{ cyr: 'ё', cost: 0.3 }],
  "'": [{ cyr: 'ь', cost: 0 }],
  '"': [{ cyr: 'ъ', cost: 0 }],
  // Informal habits (informal.ts decides which of them explain a word). The foreign habits (W, PH,
  // C, J for Ж, -ER) and a double letter written once explain only known names, which are found
  // by their skeleton instead: generating them here would only slow every word down.
  X: [{ cyr: 'кс', cost: 0.3 }],
  H: [{ cyr: 'х', cost: 0.5 }],
  J: [{ cyr: 'й', cost: 0.5 }],
  JA: [{ cyr: 'я', cost: 0.3 }],
  JU: [{ cyr: 'ю', cost: 0.3 }],
  JE: [{ cyr: 'е', cost: 0.5 }],
  JO: [{ cyr: 'ё', cost: 0.5 }],
  SCH: [{ cyr: 'щ', cost: 0.3 }],
  SS: [{ cyr: 'с', cost: 1 }],
};
const CHUNK_LENGTHS = [4, 3, 2, 1];

const VOWELS = 'аеёиоуыэюя';
const SIGNS = 'ьъ';
const isVowel = (ch: string | undefined) => ch !== undefined && VOWELS.includes(ch);
const isSign = (ch: string | undefined) => ch !== undefined && SIGNS.includes(ch);
const isConsonant = (ch: string | undefined) => ch !== undefined && !isVowel(ch) && !isSign(ch);

interface State {
  cyr: string;
  cost: number;
}

const BEAM = 160;

/** Whether Cyrillic `next` may follow `cyr` (cheap spelling rules that prune most garbage). */
function allowed(cyr: string, next: string): boolean {
  const last = cyr.at(-1);
  const first = next[0] as string;
  if (last === 'ъ' && !'еёюя'.includes(first)) return false;
  if (isSign(first) && (last === undefined || !isConsonant(last))) return false;
  if (first === 'й' && !isVowel(last)) return false;
  if (first === 'ы' && last === undefined) return false;
  return true;
}

function expandWord(upper: string): Map<string, number> {
  const statesAt: Map<string, number>[] = Array.from({ length: upper.length + 1 }, () => new Map());
  statesAt[0]!.set('', 0);
  for (let pos = 0; pos < upper.length; pos++) {
    const moves = CHUNK_LENGTHS.flatMap((length) =>
      pos + length <= upper.length
        ? (REVERSE[upper.slice(pos, pos + length)] ?? []).map((option) => ({
            option,
            target: statesAt[pos + length]!,
          }))
        : [],
    );
    if (moves.length === 0) continue;
    let here = [...statesAt[pos]!.entries()];
    if (here.length > BEAM) here = here.sort((a, b) => a[1] - b[1]).slice(0, BEAM);
    for (const [cyr, cost] of here) {
      // A soft sign the ICAO and GOST schemes leave unwritten (Ольга = OLGA, Наталья = NATALIA).
      const bases: State[] = isConsonant(cyr.at(-1))
        ? [
            { cyr, cost },
            { cyr: `${cyr}ь`, cost: cost + 1.2 },
          ]
        : [{ cyr, cost }];
      for (const base of bases) {
        for (const { option, target } of moves) {
          if (!allowed(base.cyr, option.cyr)) continue;
          const next = base.cyr + option.cyr;
          const nextCost = base.cost + option.cost;
          const known = target.get(next);
          if (known === undefined || nextCost < known) target.set(next, nextCost);
        }
      }
    }
  }
  const final = statesAt[upper.length]!;
  for (const [cyr, cost] of [...final.entries()]) {
    // A final Ъ is pre-reform spelling (Иванъ): kept, but last.
    if (cyr.endsWith('ъ')) final.set(cyr, cost + 3);
    else if (isConsonant(cyr.at(-1)) && !final.has(`${cyr}ь`)) final.set(`${cyr}ь`, cost + 1.2); // Игорь = IGOR
  }
  return final;
}

const stripQuotes = (s: string) => s.toUpperCase().replace(/['"’ʼ]/g, '');

/** Whether some scheme writes this Cyrillic word as exactly this Latin word. */
export function reproduces(cyr: string, latin: string): boolean {
  const word = cyr.toLowerCase();
  const target = stripQuotes(latin).toLowerCase();
  return (
    TRANSLIT_SCHEMES.some((scheme) => spellsAs(word, target, scheme)) || spellsAs(word, target, 'informal')
  );
}

const SURNAME_ENDINGS =
  /(ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ский|ская|цкий|цкая|ой|ая|ый|ий|енко|ук|юк|ян|их|ых|ич|дзе|швили)$/;
const PATRONYMIC_ENDINGS = /(ович|евич|ич|овна|евна|ична|инична)$/;
const COMMON_SOFT = /(ьев|ьёв|ьин|ья|ье|ьё|ьи|ью|льск|льц|ль$|рь$|нь$|ть$|сь$)/;

type Gender = 'M' | 'F' | undefined;

interface WordCandidate {
  cyr: string;
  /** 0 for a known name (first-name dictionary or surname list), 1 for any other word. */
  tier: number;
  /** Lower is likelier, compared within a tier. */
  score: number;
  gender: Gender;
}

/** What a surname or patronymic ending takes off an unknown word's score. */
const ENDING_BONUS = 3;
/** What an informal or foreign reading costs against a passport scheme's. */
const INFORMAL_PRIOR = 3;
const FOREIGN_PRIOR = 4;

/** Spelling cost of a known name: frequency ranks known names, this orders the rarer variants. */
function knownSpellingCost(word: string): number {
  let cost = 0;
  for (const ch of word) {
    if (ch === 'ё' || ch === 'ь' || ch === 'ъ') cost += 0.5;
    else if (ch === 'э') cost += 1;
  }
  return cost;
}

/** Spelling traits that make a Cyrillic word less likely, whatever it is. */
function shapePenalty(word: string): number {
  let score = 0;
  if (word.includes('ь') && !COMMON_SOFT.test(word)) score += 1;
  if (/лск/.test(word)) score += 2; // -льский is the Russian spelling (Добровольский, Подольский)
  if (/[сц]кь?и$/.test(word)) score += 3; // -ский written -SKI is not a Russian ending
  if (/^[ыьъй]/.test(word)) score += 5;
  if (/.э/.test(word) && !/[аеёиоуыэюя]э/.test(word)) score += 2;
  if (/тс/.test(word) && !/тск/.test(word)) score += 1.5;
  if (/^ия/.test(word)) score += 3;
  if (/[аеёиоуыэюя]{3}/.test(word)) score += 3;
  if (/[аеёиоуыэюя]ы/.test(word)) score += 2;
  return score;
}

/** What a reading costs by what explains it: a passport scheme, an informal or a foreign habit. */
const PRIOR: Readonly<Record<'strict' | InformalMatch, number>> = {
  strict: 0,
  general: INFORMAL_PRIOR,
  foreign: FOREIGN_PRIOR,
};

/** The score of a known name before its reading's prior: frequency, spelling, shape; else undefined. */
function knownScore(cyr: string): { score: number; gender: Gender } | undefined {
  const entry = lookupFirstName(cyr);
  const surname = lookupSurname(cyr);
  if (!entry && !surname) return undefined;
  const base = knownSpellingCost(cyr) + shapePenalty(cyr);
  const asFirst = entry ? base - Math.log1p(entry.frequency) : Infinity;
  const asSurname = surname
    ? base - (4 - Math.log1p(surname.rank / 20)) + (surname.match === 'yo' ? 1 : 0)
    : Infinity;
  const gender = asFirst <= asSurname ? entry?.gender : surnameGender(cyr);
  return { score: Math.min(asFirst, asSurname), gender };
}

/**
 * Scores a generated Cyrillic word as a reading of a Latin one (`plain`: upper case, no quotes),
 * or undefined when neither a scheme nor an informal spelling explains it. `beamCost` is the
 * word's generation prior from the reverse table.
 */
function judge(cyr: string, plain: string, strict: boolean, beamCost: number): WordCandidate | undefined {
  const known = knownScore(cyr);
  const patronymic = !known && PATRONYMIC_ENDINGS.test(cyr);
  const ending = patronymic || (!known && SURNAME_ENDINGS.test(cyr));
  // An unknown word has only its ending to vouch for an informal reading (ZELENSKI = Зеленский);
  // without one, the reading is a guess that the letter-by-letter fallback already makes.
  if (!strict && !known && !ending) return undefined;
  const match = strict ? 'strict' : informalMatch(cyr, plain);
  if (match === undefined) return undefined;
  if (known) return { cyr, tier: 0, score: known.score + PRIOR[match], gender: known.gender };
  if (match === 'foreign') return undefined;
  let score = beamCost + PRIOR[match] + shapePenalty(cyr) - (ending ? ENDING_BONUS : 0);
  // A vowel's I before a consonant is Й far more often than И (Старовойтов, Бойко; Заикин is rarer).
  if (/[аеоуэюя]и[бвгджзклмнпрстфхцчшщ]/.test(cyr)) score += 0.5;
  // An informal reading of an unknown word goes after the passport schemes' readings of equal cost.
  if (match !== 'strict') score += 1;
  const gender = patronymic ? patronymicGender(cyr) : ending ? surnameGender(cyr) : undefined;
  return { cyr, tier: 1, score, gender };
}

const byRank = (a: WordCandidate, b: WordCandidate) => a.tier - b.tier || a.score - b.score;

interface KnownWord {
  word: string;
  /** Its score before the prior of the reading (`knownScore`). */
  score: number;
  gender: Gender;
}

let skeletonIndex: Map<string, KnownWord[]> | null = null;

/** Known names whose consonant skeleton is one of the Latin word's skeletons. */
function knownBySkeleton(plain: string): KnownWord[] {
  if (!skeletonIndex) {
    const index = new Map<string, KnownWord[]>();
    for (const word of knownNameWords()) {
      const { score, gender } = knownScore(word) ?? { score: 0, gender: undefined };
      const known = { word, score, gender };
      const key = cyrillicSkeleton(word);
      const list = index.get(key);
      if (list) list.push(known);
      else index.set(key, [known]);
    }
    skeletonIndex = index;
  }
  const keys = latinSkeletons(plain);
  if (keys.length === 1) return skeletonIndex.get(keys[0]!) ?? [];
  return [...new Set(keys.flatMap((key) => skeletonIndex?.get(key) ?? []))];
}

const PER_WORD = 6;

/**
 * The likeliest Cyrillic readings of one Latin word, best first. Known names are looked up by
 * skeleton; the beam search runs only when fewer than `need` known names explain the word, and
 * stops once `room` readings in all are sure.
 */
function wordCandidates(latinWord: string, need = PER_WORD, room = PER_WORD): WordCandidate[] {
  const upper = latinWord.toUpperCase().replace(/’|ʼ/g, "'");
  if (!/^[A-Z'"]+$/.test(upper)) return [];
  const plain = stripQuotes(upper);
  const found = new Map<string, WordCandidate>();
  for (const known of knownBySkeleton(plain)) {
    const match = reproduces(known.word, plain) ? 'strict' : informalMatch(known.word, plain);
    if (match === undefined) continue;
    found.set(known.word, {
      cyr: known.word,
      tier: 0,
      score: known.score + PRIOR[match],
      gender: known.gender,
    });
  }
  if (found.size < need) {
    // Generated spellings in order of cost; a word's score is at least its cost less the ending
    // bonus, so once that bound is past the last unknown word that fits, the rest cannot get in.
    const free = room - found.size;
    const kept: number[] = [];
    const generated = [...expandWord(upper)].sort((a, b) => a[1] - b[1]);
    for (const [cyr, cost] of generated) {
      if (kept.length >= free && cost - ENDING_BONUS > kept[free - 1]!) break;
      if (found.has(cyr)) continue;
      const candidate = judge(cyr, plain, reproduces(cyr, upper), cost);
      if (!candidate) continue;
      found.set(cyr, candidate);
      if (candidate.tier === 1) {
        kept.push(candidate.score);
        kept.sort((a, b) => a - b);
      }
    }
  }
  return [...found.values()].sort(byRank).slice(0, PER_WORD);
}

function applyCaseOf(latin: string, cyr: string): string {
  if (latin === latin.toUpperCase()) return cyr.toUpperCase();
  if (latin[0] === latin[0]?.toUpperCase()) return cyr.charAt(0).toUpperCase() + cyr.slice(1);
  return cyr;
}

const WORD = /[A-Za-z'"’ʼ]+/g;

interface Combo {
  parts: WordCandidate[];
  tier: number;
  score: number;
}

const byComboRank = (a: Combo, b: Combo) => a.tier - b.tier || a.score - b.score;

/**
 * Cyrillic spellings of a Latin name, best first. Several words (SURNAME NAME) are converted
 * word by word and combined, preferring known names, then combinations whose words agree on gender.
 */
export function cyrillicCandidates(latin: string, limit = 10): string[] {
  const text = latin.normalize('NFC').trim();
  const words = [...text.matchAll(WORD)];
  if (words.length === 0) return [];
  const need = Math.min(Math.max(limit, 1), PER_WORD);
  // A single word needs no more readings than asked for; several need spares for gender agreement.
  const room = words.length === 1 ? need : PER_WORD;
  const perWord = words.map((m) => wordCandidates(m[0], need, room));
  if (perWord.some((list) => list.length === 0)) return [];
  let combos: Combo[] = [{ parts: [], tier: 0, score: 0 }];
  for (const list of perWord) {
    combos = combos
      .flatMap((combo) =>
        list.map((c) => ({
          parts: [...combo.parts, c],
          tier: combo.tier + c.tier,
          score: combo.score + c.score,
        })),
      )
      .sort(byComboRank)
      .slice(0, 50);
  }
  const scored = combos.map((combo) => {
    const genders = new Set(combo.parts.map((p) => p.gender).filter((g) => g !== undefined));
    return { ...combo, score: combo.score + (genders.size > 1 ? 6 : 0) };
  });
  scored.sort(byComboRank);
  const results: string[] = [];
  for (const combo of scored) {
    let out = '';
    let last = 0;
    words.forEach((m, i) => {
      out += text.slice(last, m.index) + applyCaseOf(m[0], combo.parts[i]!.cyr);
      last = (m.index ?? 0) + m[0].length;
    });
    out += text.slice(last);
    if (!results.includes(out)) results.push(out);
    if (results.length >= limit) break;
  }
  return results;
}

const FALLBACK: Readonly<Record<string, string>> = { W: 'в', C: 'к', Q: 'к', J: 'дж', X: 'кс', H: 'х' };

/** The best Cyrillic spelling; where no scheme explains the Latin (WATSON), a letter-by-letter guess. */
export function toCyrillic(latin: string): string {
  const best = cyrillicCandidates(latin, 1)[0];
  if (best !== undefined) return best;
  return latin.replace(WORD, (word) => {
    const spelled = Array.from(word.toUpperCase())
      .map((ch) => wordCandidates(ch)[0]?.cyr ?? FALLBACK[ch] ?? '')
      .join('');
    return applyCaseOf(word, spelled);
  });
}
