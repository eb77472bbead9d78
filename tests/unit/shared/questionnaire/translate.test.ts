import { describe, expect, it } from 'vitest';
import { createDictionary, translateValue } from '../../../../shared/questionnaire';

const dictionary = createDictionary([
  { ru: 'врач', en: 'doctor', fr: 'médecin' },
  { ru: 'главный врач', en: 'chief physician', fr: 'médecin-chef' },
  { ru: 'замужем', en: 'married', fr: 'mariée' },
  { ru: 'туризм', en: 'tourism', fr: 'tourisme' },
  { ru: 'ООО', en: 'LLC', fr: 'SARL' },
  { ru: 'больница', en: 'hospital', fr: 'hôpital' },
  { ru: 'городская больница', en: 'city hospital', fr: 'hôpital municipal' },
  { ru: 'Москва', en: 'Moscow', fr: 'Moscou' },
  { ru: 'ёлка', en: 'fir tree', fr: 'sapin' },
]);

const dict = (value: string, language: 'en' | 'fr' = 'en') =>
  translateValue(value, 'dictionary', language, dictionary);

describe('questionnaire translation (R12)', () => {
  it('translates the whole phrase first, keeping case and surrounding punctuation', () => {
    expect(dict('Главный врач')).toEqual({ text: 'Chief physician', unknownWords: [] });
    expect(dict('ГЛАВНЫЙ ВРАЧ', 'fr')).toEqual({ text: 'MÉDECIN-CHEF', unknownWords: [] });
    expect(dict(' замужем. ')).toEqual({ text: ' married. ', unknownWords: [] });
    expect(dict('елка')).toEqual({ text: 'fir tree', unknownWords: [] });
  });

  it('goes word by word, longest phrase first, keeping digits, Latin and punctuation', () => {
    expect(dict('Врач, городская больница №5, Москва', 'fr')).toEqual({
      text: 'Médecin, hôpital municipal №5, Moscou',
      unknownWords: [],
    });
    expect(dict('ООО «Ромашка», врач')).toEqual({ text: 'LLC «Ромашка», doctor', unknownWords: ['ромашка'] });
    expect(dict('врач IT-отдела')).toEqual({ text: 'doctor IT-отдела', unknownWords: ['it-отдела'] });
  });

  it('lists unknown words once, in lower case, and leaves them as typed', () => {
    expect(dict('Стоматолог и врач, стоматолог')).toEqual({
      text: 'Стоматолог и doctor, стоматолог',
      unknownWords: ['стоматолог', 'и'],
    });
  });

  it('transliterates, copies or leaves alone by mode', () => {
    expect(translateValue('Щукина', 'transliterate', 'en', dictionary).text).toBe('Shchukina');
    expect(translateValue('ул. Ленина, 5', 'copy', 'fr', dictionary).text).toBe('ул. Ленина, 5');
    expect(translateValue('врач', 'none', 'en', dictionary).text).toBe('врач');
  });
});
