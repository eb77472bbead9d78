export { toLatin, toLatinInformal, TRANSLIT_SCHEMES, type TranslitScheme } from './translit';
export { cyrillicCandidates, toCyrillic, reproduces } from './candidates';
export { parsePassengerName, type ParsedName } from './parse';
export {
  detectGender,
  explainGender,
  type GenderExplanation,
  type GenderEvidence,
  type NameForGender,
} from './gender';
export { cleanName } from './clean';
export { nameKey } from './key';
export { hasCyrillic, hasLatin } from './script';
export { lookupFirstName, allFirstNames, type FirstNameEntry } from './dictionary';
export { titleCase } from './title-case';
