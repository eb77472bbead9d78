export {
  createDictionary,
  dictionaryKey,
  translateValue,
  translateWithDictionary,
  type Dictionary,
  type DictionaryEntry,
  type FormLanguage,
  type Translation,
  type TranslationMode,
} from './translate';
