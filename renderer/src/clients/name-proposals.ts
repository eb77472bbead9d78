import { cyrillicCandidates, reproduces, titleCase, toLatin } from '../../../shared/names';

/** The passport-style Latin of a Cyrillic name: ICAO, upper case. */
export function icaoLatin(cyrillic: string): string {
  return toLatin(cyrillic.trim(), 'icao').toUpperCase();
}

/** True when the Latin is some scheme's spelling of the Cyrillic, word by word (or either is empty). */
export function latinMatchesCyrillic(cyrillic: string, latin: string): boolean {
  const cyrWords = cyrillic
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean);
  const latWords = latin
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean);
  if (cyrWords.length === 0 || latWords.length === 0) return true;
  if (cyrWords.length !== latWords.length) return false;
  return cyrWords.every((word, i) => reproduces(word.toLowerCase(), latWords[i] as string));
}

/** Up to three Cyrillic spellings of a Latin name, as a clerk writes them (Юлия, not ЮЛИЯ). */
export function cyrillicProposals(latin: string): string[] {
  return cyrillicCandidates(latin.trim(), 3).map(titleCase);
}
