import { lookupFirstName, lookupSurname } from './dictionary';
import { surnameGender, patronymicGender } from './gender-rules';
import { toLatin, toLatinInformal, TRANSLIT_SCHEMES } from './translit';

/**
 * Latin back to Cyrillic as a constrained inverse: Cyrillic spellings are generated from a reverse
 * table of Latin chunks, and a spelling is kept only if some scheme (ICAO, GOST 52535, MVD-310, or
 * the informal Y-spellings) turns it back into exactly the Latin given. The survivors are ranked
 * by the first-name dictionary, surname and patronymic endings, and gender agreement.
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
  SH: [{ cyr: 'ш', cost: 0 }],
  SHCH: [{ cyr: 'щ', cost: 0 }],
  Y: [
    { cyr: 'ы', cost: 0.5 },
    { cyr: 'й', cost: 0.5 },
    { cyr: 'ий', cost: 0.3 },
    { cyr: 'ый', cost: 0.6 },
    { cyr: 'ь', cost: 2 },
  ],
  IU: [{ cyr: 'ю', cost: 0 }],
  IA: [{ cyr: 'я', cost: 0 }],
  IE: [{ cyr: 'ъ', cost: 0.5 }],
  YU: [{ cyr: 'ю', cost: 0.2 }],
  YA: [{ cyr: 'я', cost: 0.2 }],
  YE: [{ cyr: 'е', cost: 0.3 }],
  YO: [{ cyr: 'ё', cost: 0.3 }],
  "'": [{ cyr: 'ь', cost: 0 }],
  '"': [{ cyr: 'ъ', cost: 0 }],
};
const CHUNK_LENGTHS = [4, 2, 1];

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
    const here = [...statesAt[pos]!.entries()]
      .map(([cyr, cost]): State => ({ cyr, cost }))
      .sort((a, b) => a.cost - b.cost)
      .slice(0, BEAM);
    for (const state of here) {
      // A soft sign the ICAO and GOST schemes leave unwritten (Ольга = OLGA, Наталья = NATALIA).
      const withSign = isConsonant(state.cyr.at(-1))
        ? [state, { cyr: `${state.cyr}ь`, cost: state.cost + 1.2 }]
        : [state];
      for (const base of withSign) {
        for (const length of CHUNK_LENGTHS) {
          const chunk = upper.slice(pos, pos + length);
          if (chunk.length !== length) continue;
          for (const option of REVERSE[chunk] ?? []) {
            if (!allowed(base.cyr, option.cyr)) continue;
            const cyr = base.cyr + option.cyr;
            const cost = base.cost + option.cost;
            const target = statesAt[pos + length]!;
            const known = target.get(cyr);
            if (known === undefined || cost < known) target.set(cyr, cost);
          }
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
  const target = stripQuotes(latin);
  return (
    TRANSLIT_SCHEMES.some((scheme) => stripQuotes(toLatin(cyr, scheme)) === target) ||
    stripQuotes(toLatinInformal(cyr)) === target
  );
}

const SURNAME_ENDINGS =
  /(ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ский|ская|цкий|цкая|ой|ая|ый|ий|енко|ук|юк|ян|их|ых|ич|дзе|швили)$/;
const PATRONYMIC_ENDINGS = /(ович|евич|ич|овна|евна|ична|инична)$/;
const COMMON_SOFT = /(ьев|ьёв|ьин|ья|ье|ьё|ьи|ью|ль$|рь$|нь$|ть$|сь$)/;

/** How plausible a Cyrillic word is (lower is better), independent of position in the name. */
function plausibility(word: string, prior: number): { score: number; gender: 'M' | 'F' | undefined } {
  let score = prior;
  const entry = lookupFirstName(word);
  const surname = lookupSurname(word);
  let gender: 'M' | 'F' | undefined;
  if (surname) {
    score -= surname === 'exact' ? 8 : 6;
    gender = surnameGender(word);
  } else if (entry) {
    score -= 10 + (entry.rank < 1000 ? 5 - entry.rank * 0.01 : 0);
    gender = entry.gender;
  } else if (PATRONYMIC_ENDINGS.test(word)) {
    score -= 3;
    gender = patronymicGender(word);
  } else if (SURNAME_ENDINGS.test(word)) {
    score -= 3;
    gender = surnameGender(word);
  }
  if (word.includes('ь') && !COMMON_SOFT.test(word)) score += 1;
  if (/^[ыьъй]/.test(word)) score += 5;
  if (/.э/.test(word) && !/[аеёиоуыэюя]э/.test(word)) score += 2;
  if (/тс/.test(word) && !/тск/.test(word)) score += 1.5;
  if (/^ия/.test(word)) score += 3;
  if (/[аеёиоуыэюя]{3}/.test(word)) score += 3;
  if (/[аеёиоуэюя]ы/.test(word)) score += 2;
  return { score, gender };
}

function applyCaseOf(latin: string, cyr: string): string {
  if (latin === latin.toUpperCase()) return cyr.toUpperCase();
  if (latin[0] === latin[0]?.toUpperCase()) return cyr.charAt(0).toUpperCase() + cyr.slice(1);
  return cyr;
}

interface WordCandidate {
  cyr: string;
  score: number;
  gender: 'M' | 'F' | undefined;
}

const PER_WORD = 6;

function wordCandidates(latinWord: string): WordCandidate[] {
  const upper = latinWord.toUpperCase().replace(/’|ʼ/g, "'");
  if (!/^[A-Z'"]+$/.test(upper)) return [];
  const generated = expandWord(upper);
  return [...generated.entries()]
    .filter(([cyr]) => reproduces(cyr, upper))
    .map(([cyr, prior]) => ({ cyr, ...plausibility(cyr, prior) }))
    .sort((a, b) => a.score - b.score)
    .slice(0, PER_WORD);
}

const WORD = /[A-Za-z'"’ʼ]+/g;

/**
 * Cyrillic spellings of a Latin name, best first. Several words (SURNAME NAME) are converted
 * word by word and combined, preferring combinations whose words agree on gender.
 */
export function cyrillicCandidates(latin: string, limit = 10): string[] {
  const text = latin.normalize('NFC').trim();
  const words = [...text.matchAll(WORD)];
  if (words.length === 0) return [];
  const perWord = words.map((m) => wordCandidates(m[0]));
  if (perWord.some((list) => list.length === 0)) return [];
  let combos: { parts: WordCandidate[]; score: number }[] = [{ parts: [], score: 0 }];
  for (const list of perWord) {
    combos = combos
      .flatMap((combo) => list.map((c) => ({ parts: [...combo.parts, c], score: combo.score + c.score })))
      .sort((a, b) => a.score - b.score)
      .slice(0, 50);
  }
  const scored = combos.map((combo) => {
    const genders = new Set(combo.parts.map((p) => p.gender).filter((g) => g !== undefined));
    return { ...combo, score: combo.score + (genders.size > 1 ? 6 : 0) };
  });
  scored.sort((a, b) => a.score - b.score);
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
