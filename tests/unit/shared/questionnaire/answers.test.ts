import { describe, expect, it } from 'vitest';
import {
  answerValue,
  missingRequired,
  resolveAnswers,
  surnameWithInitials,
  type PrefillContext,
} from '../../../../shared/questionnaire/answers';
import type { FormField } from '../../../../shared/questionnaire/model';
import { createDictionary } from '../../../../shared/questionnaire/translate';

const dictionary = createDictionary([
  { ru: 'врач', en: 'doctor', fr: 'médecin' },
  { ru: 'Россия', en: 'Russia', fr: 'Russie' },
]);

let nextId = 1;
function field(key: string, extra: Partial<FormField> = {}): FormField {
  return {
    id: nextId++,
    position: nextId,
    number: String(nextId),
    key,
    label: { ru: key, en: key, fr: key },
    type: 'text',
    translation: 'dictionary',
    binding: null,
    required: false,
    familyExempt: false,
    wording: 'unverified',
    options: [],
    ...extra,
  };
}

const ctx: PrefillContext = {
  person: {
    lastNameLat: 'SHCHUKINA',
    firstNameLat: 'IULIIA',
    lastNameRu: 'Щукина',
    firstNameRu: 'Юлия',
    middleNameRu: 'Петровна',
    gender: 'F',
    birthDate: '1985-03-12',
    birthPlace: 'Москва',
    citizenship: 'Россия',
    phone: '+7 900 000-00-00',
    email: '',
    address: '',
  },
  passport: {
    number: '751234567',
    issueDate: '2021-02-01',
    expiry: '2031-02-01',
    issuingCountry: 'Россия',
    issuedBy: 'МВД 77001',
  },
  tour: {
    country: 'Франция',
    arrivalDate: '2027-05-01',
    departureDate: null,
    hotel: 'Hôtel Lutetia',
    resort: 'Paris',
  },
};

describe('answerValue', () => {
  const sex = field('sex', {
    type: 'choice',
    translation: 'none',
    options: [
      { code: 'M', label: { ru: 'Мужской', en: 'Male', fr: 'Masculin' }, isDefault: false },
      { code: 'F', label: { ru: 'Женский', en: 'Female', fr: 'Féminin' }, isDefault: false },
    ],
  });

  it('translates text by the field mode and keeps Russian for a Russian form', () => {
    expect(answerValue(field('job'), 'Врач', 'fr', dictionary)).toEqual({
      value: 'Médecin',
      unknownWords: [],
    });
    expect(answerValue(field('job'), 'Врач-стоматолог', 'en', dictionary).unknownWords).toEqual([
      'врач-стоматолог',
    ]);
    expect(
      answerValue(field('place', { translation: 'transliterate' }), 'Щёлково', 'en', dictionary).value,
    ).toBe('Shchelkovo');
    expect(answerValue(field('phone', { translation: 'copy' }), ' +7 900 ', 'fr', dictionary).value).toBe(
      '+7 900',
    );
    expect(answerValue(field('job'), 'Врач', 'ru', dictionary).value).toBe('Врач');
  });

  it('prints dates day first, options and yes/no in the form language', () => {
    expect(answerValue(field('d', { type: 'date' }), '1985-03-12', 'fr', dictionary).value).toBe(
      '12.03.1985',
    );
    expect(answerValue(sex, 'F', 'fr', dictionary).value).toBe('Féminin');
    expect(answerValue(field('p', { ...sex, type: 'multichoice' }), 'M,F', 'en', dictionary).value).toBe(
      'Male; Female',
    );
    expect(answerValue(field('y', { type: 'yesno' }), 'no', 'fr', dictionary).value).toBe('Non');
    expect(answerValue(sex, '', 'fr', dictionary).value).toBe('');
  });
});

describe('resolveAnswers', () => {
  const surname = field('surname', { binding: 'lastNameLat', translation: 'transliterate', required: true });
  const nationality = field('nationality', { binding: 'citizenship' });
  const occupation = field('occupation', { required: true });
  const arrival = field('arrival', { type: 'date', translation: 'copy', binding: 'tourArrival' });
  const departure = field('departure', {
    type: 'date',
    translation: 'copy',
    binding: 'tourDeparture',
    required: true,
  });
  const documentType = field('document', {
    type: 'choice',
    translation: 'none',
    options: [
      {
        code: 'ordinary',
        label: { ru: 'Обычный', en: 'Ordinary passport', fr: 'Passeport ordinaire' },
        isDefault: true,
      },
      { code: 'other', label: { ru: 'Иной', en: 'Other', fr: 'Autre' }, isDefault: false },
    ],
  });
  const fields = [surname, nationality, occupation, arrival, departure, documentType];

  it('takes the own answer, then the client’s earlier one, then the binding, then the default option', () => {
    const own = new Map([['nationality', { source: 'Беларусь', value: 'Biélorussie' }]]);
    const fromClient = new Map([
      ['occupation', { source: 'врач', value: 'médecin' }],
      ['surname', { source: 'Иванова', value: 'IVANOVA' }],
    ]);
    const answers = resolveAnswers(fields, own, fromClient, ctx, 'fr', dictionary);
    expect(answers.map((a) => [a.fieldKey, a.value, a.origin])).toEqual([
      ['surname', 'SHCHUKINA', 'binding'],
      ['nationality', 'Biélorussie', 'answer'],
      ['occupation', 'médecin', 'client'],
      ['arrival', '01.05.2027', 'binding'],
      ['departure', '', 'empty'],
      ['document', 'Passeport ordinaire', 'default'],
    ]);
    expect(missingRequired(fields, answers).map((f) => f.key)).toEqual(['departure']);
  });

  it('translates a bound country name into the form language', () => {
    const [, nationalityAnswer] = resolveAnswers(fields, new Map(), new Map(), ctx, 'fr', dictionary);
    expect(nationalityAnswer).toMatchObject({ source: 'Россия', value: 'Russie' });
  });
});

describe('surnameWithInitials', () => {
  it('gives the questionnaire header: surname and initials', () => {
    expect(surnameWithInitials('Щукина', 'Юлия', 'Петровна')).toBe('ЩУКИНА Ю. П.');
    expect(surnameWithInitials('IVANOV', 'IVAN', '')).toBe('IVANOV I.');
    expect(surnameWithInitials('', '', '')).toBe('');
  });
});
