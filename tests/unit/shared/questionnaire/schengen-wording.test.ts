import { describe, expect, it } from 'vitest';
import { formDefinitionSchema, type FormDefinition } from '../../../../shared/questionnaire/reference';
import { SCHENGEN_TEXT, type Wording } from '../../../../shared/questionnaire/schengen-wording';
import schengen2019 from '../../../../resources/questionnaires/schengen-2019.json';
import schengen2023 from '../../../../resources/questionnaires/schengen-2023.json';

/**
 * Issue 16: the printed official form (the wording module) and the questionnaire screen and worksheet
 * (the reference book) must say the same thing, and the book may call a field checked only where the
 * module's text was seen in both languages (docs/forms/wording.md). Fields the book splits into parts
 * of its own ("Family member (…): Nationality") have labels of our own, so they are not compared.
 */

type TextKey = keyof typeof SCHENGEN_TEXT;

const SAME_IN_BOTH: Record<string, TextKey> = {
  surname: 'surname',
  surname_at_birth: 'surnameAtBirth',
  first_names: 'firstNames',
  birth_date: 'birthDate',
  birth_place: 'birthPlace',
  birth_country: 'birthCountry',
  nationality: 'nationality',
  nationality_at_birth: 'nationalityAtBirth',
  other_nationalities: 'otherNationalities',
  sex: 'sex',
  civil_status: 'civilStatus',
  national_id_number: 'nationalId',
  travel_document_type: 'documentType',
  travel_document_number: 'documentNumber',
  travel_document_issue_date: 'issueDate',
  travel_document_valid_until: 'validUntil',
  travel_document_issued_by: 'issuedBy',
  eu_family_relationship: 'relationship',
  other_residence: 'residence',
  occupation: 'occupation',
  employer: 'employer',
  purpose: 'purpose',
  purpose_details: 'purposeDetails',
  main_destination: 'mainDestination',
  first_entry: 'firstEntry',
  entries: 'entries',
  arrival_date: 'arrival',
  departure_date: 'departure',
  fingerprints: 'fingerprints',
  fingerprints_date: 'dateIfKnown',
  host_name: 'host',
  host_address: 'hostAddress',
  company_name_address: 'company',
  company_phone: 'companyPhone',
  company_contact: 'contact',
  filler_name: 'filler',
  filler_address: 'fillerAddress',
};

const BOOKS: readonly { form: FormDefinition; pairs: Record<string, TextKey> }[] = [
  {
    form: formDefinitionSchema().parse(schengen2019),
    pairs: { ...SAME_IN_BOTH, fingerprints_sticker: 'stickerIfKnown' },
  },
  {
    form: formDefinitionSchema().parse(schengen2023),
    // 2023/2667 gives the visa number a box of its own (28); the book keeps the field's key.
    pairs: { ...SAME_IN_BOTH, fingerprints_sticker: 'visaNumber' },
  },
];

/** The shape of an apostrophe is typography, not wording: the consulate copies print both. */
const plain = (text: string) => text.replace(/’/g, "'");

function* paired(): Generator<{
  book: string;
  key: string;
  label: Wording;
  text: Wording;
  checked: boolean;
}> {
  for (const { form, pairs } of BOOKS) {
    for (const field of form.fields) {
      const textKey = pairs[field.key];
      if (!textKey) continue;
      yield {
        book: form.key,
        key: field.key,
        label: { en: field.label.en, fr: field.label.fr, checked: { en: false, fr: false } },
        text: SCHENGEN_TEXT[textKey],
        checked: field.wording === 'checked',
      };
    }
  }
}

describe('Schengen wording: the printed form and the reference book', () => {
  it('pair every field they share (a renamed key would drop out unseen)', () => {
    const seen = [...paired()].map((p) => `${p.book}.${p.key}`);
    for (const { form, pairs } of BOOKS) {
      for (const key of Object.keys(pairs)) expect(seen).toContain(`${form.key}.${key}`);
    }
  });

  it('say the same in English and in French', () => {
    const differ = [...paired()]
      .filter((p) => plain(p.label.en) !== plain(p.text.en) || plain(p.label.fr) !== plain(p.text.fr))
      .map((p) => ({ field: `${p.book}.${p.key}`, book: p.label, form: { en: p.text.en, fr: p.text.fr } }));
    expect(differ).toEqual([]);
  });

  it('call a field checked only where its printed text was checked in both languages', () => {
    const overclaimed = [...paired()]
      .filter((p) => p.checked && !(p.text.checked.en && p.text.checked.fr))
      .map((p) => `${p.book}.${p.key}`);
    expect(overclaimed).toEqual([]);
  });

  it('call a choice field checked only where every option was seen in both languages', () => {
    // docs/forms/wording.md: 8's Male/Female in the 2019 copies; 9's French "Divorcé(e)" and
    // "Autre (veuillez préciser)" were not seen, and 2023's Sex "Other" was not either.
    const optionsSeen: Record<string, readonly string[]> = { schengen_2019: ['sex'], schengen_2023: [] };
    const overclaimed = BOOKS.flatMap(({ form }) =>
      form.fields
        .filter((f) => f.options.length > 0 && f.wording === 'checked')
        .filter((f) => !(optionsSeen[form.key] ?? []).includes(f.key))
        .map((f) => `${form.key}.${f.key}`),
    );
    expect(overclaimed).toEqual([]);
  });

  it('leave no field unverified whose label and options were all checked (2019/1155)', () => {
    const [book2019] = BOOKS;
    const forgotten = [...paired()]
      .filter((p) => p.book === book2019!.form.key && !p.checked && p.text.checked.en && p.text.checked.fr)
      .filter((p) => book2019!.form.fields.find((f) => f.key === p.key)!.options.length === 0)
      .map((p) => `${p.book}.${p.key}`);
    expect(forgotten).toEqual([]);
  });
});
