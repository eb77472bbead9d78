import { cyrillicCandidates, detectGender, reproduces, titleCase, toLatin } from '../../../shared/names';

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

interface NameFields {
  lastNameRu: string;
  firstNameRu: string;
  middleNameRu: string;
  lastNameLat: string;
  firstNameLat: string;
  gender: 'M' | 'F' | null;
}

/**
 * What leaving a Cyrillic name proposes, filling blanks only: the ICAO Latin of the surname and the
 * first name, and the sex from the name. The client card and the tourist dialog both use it.
 */
export function blankFillsFromCyrillic(form: NameFields): Partial<NameFields> {
  const patch: Partial<NameFields> = {};
  if (form.lastNameLat.trim() === '' && form.lastNameRu.trim() !== '')
    patch.lastNameLat = icaoLatin(form.lastNameRu);
  if (form.firstNameLat.trim() === '' && form.firstNameRu.trim() !== '')
    patch.firstNameLat = icaoLatin(form.firstNameRu);
  if (form.gender === null) {
    const gender = detectGender({
      lastName: form.lastNameRu,
      firstName: form.firstNameRu,
      middleName: form.middleNameRu,
    });
    if (gender) patch.gender = gender;
  }
  return patch;
}
