import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { emptyTourInput, emptyTouristFields, type TouristFields } from '../../shared/domain/tour';
import type { Answer, QuestionnaireForm, Subject } from '../../shared/questionnaire/model';
import { ivanov } from '../helpers/fixtures';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

let t: TempBackend;
beforeEach(async () => {
  t = await createTempBackend({ today: '2026-11-24' });
});
afterEach(async () => {
  await t.dispose();
});

async function frenchTour(voucher = 'FR-100') {
  return t.call('tours.save', {
    ...emptyTourInput(),
    voucher,
    country: 'FRA',
    arrivalDate: '2027-05-01',
    departureDate: '2027-05-10',
    hotel: 'Hôtel du Louvre',
  });
}

async function addTourist(tourId: number, fields: Partial<TouristFields>, clientId: number | null = null) {
  const { tourist } = await t.call('tourists.save', {
    tourId,
    tourist: { ...emptyTouristFields(), ...fields, clientId, serviceIds: [] },
  });
  return tourist;
}

const byKey = (answers: Answer[], key: string) => {
  const answer = answers.find((a) => a.fieldKey === key);
  if (!answer) throw new Error(`no answer ${key}`);
  return answer;
};

describe('questionnaire reference books', () => {
  it('ship the Schengen and Japan forms, the countries’ languages and a dictionary of 300+ words', async () => {
    const countries = await t.call('countries.list', {});
    const fra = countries.find((c) => c.code === 'FRA')!;
    expect(fra).toMatchObject({ nameFr: 'France', questionnaireLanguage: 'fr', formKey: 'schengen_2019' });
    for (const code of ['ESP', 'GRC', 'DEU', 'FIN', 'HUN'])
      expect(countries.find((c) => c.code === code)).toMatchObject({
        questionnaireLanguage: 'en',
        formKey: 'schengen_2019',
      });
    for (const code of ['ITA', 'CZE'])
      expect(countries.find((c) => c.code === code)).toMatchObject({
        questionnaireLanguage: 'en',
        formKey: 'schengen_2023',
      });
    expect(countries.find((c) => c.code === 'BEL')).toMatchObject({ questionnaireLanguage: 'fr' });
    expect(countries.find((c) => c.code === 'JPN')).toMatchObject({
      questionnaireLanguage: 'en',
      formKey: 'japan',
    });

    const forms = await t.call('forms.list', {});
    const schengen = forms.find((f) => f.key === 'schengen_2019')!;
    expect(schengen.countries).toEqual(expect.arrayContaining(['FRA', 'BEL', 'DEU', 'HUN']));
    const form = await t.call('forms.get', { id: schengen.id });
    const numbers = new Set(form.fields.map((f) => f.number));
    for (let n = 1; n <= 33; n++) expect(numbers.has(String(n)), `field ${n}`).toBe(true);
    expect(numbers.has('34')).toBe(false);
    const newer = await t.call('forms.get', { id: forms.find((f) => f.key === 'schengen_2023')!.id });
    expect(newer.layout).toBe('schengen_2023');
    expect(new Set(newer.fields.map((f) => f.number)).has('34')).toBe(true);
    expect(form.fields.find((f) => f.key === 'civil_status')?.options.map((o) => o.label.fr)).toContain(
      'Célibataire',
    );

    const dictionary = await t.call('dictionary.list', { limit: 1 });
    expect(dictionary.total).toBeGreaterThanOrEqual(300);
  });

  it('keep the Russian word unique (case and ё ignored) and refuse a stale edit', async () => {
    const entry = await t.call('dictionary.save', { ru: 'Дегустатор', en: 'taster', fr: 'goûteur' });
    const clash = await t.callError('dictionary.save', {
      ru: 'дегустатор ',
      en: 'taster',
      fr: 'dégustateur',
    });
    expect(clash).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'ru', code: 'dictionaryDuplicate' }],
    });
    const edited = await t.call('dictionary.save', { ...entry, fr: 'dégustateur' });
    expect(edited.version).toBe(entry.version + 1);
    expect((await t.callError('dictionary.save', { ...entry, fr: 'x' })).code).toBe('STALE_VERSION');
    const found = await t.call('dictionary.list', { search: 'ДЕГУСТАТ' });
    expect(found.rows.map((r) => r.fr)).toEqual(['dégustateur']);
    expect((await t.call('dictionary.list', { search: 'dégustateur' })).rows).toHaveLength(1);
  });

  it('do not overwrite the clerk’s edits when the app starts again', async () => {
    const row = (await t.call('dictionary.list', { search: 'врач' })).rows.find((r) => r.ru === 'врач')!;
    await t.call('dictionary.save', { ...row, en: 'physician' });
    await t.backend.close();
    const again = await createBackend({ ...t.openOptions, logger: { error: () => undefined } });
    const envelope = await again.dispatch('dictionary.list', { search: 'врач' });
    expect(envelope.ok && (envelope.value as { rows: { ru: string; en: string }[] }).rows).toContainEqual(
      expect.objectContaining({ ru: 'врач', en: 'physician' }),
    );
    t.backend = again;
  });

  it('edit a form’s fields and options; a choice field needs options and keys stay unique', async () => {
    const form = await t.call('forms.save', {
      key: 'test_form',
      name: { ru: 'Тест', en: 'Test', fr: 'Test' },
    });
    const field = {
      position: 1,
      number: '1',
      key: 'purpose',
      label: { ru: 'Цель', en: 'Purpose', fr: 'Objet' },
      type: 'choice' as const,
      translation: 'none' as const,
      binding: null,
      required: true,
      options: [],
    };
    expect(await t.callError('forms.saveField', { formId: form.id, field })).toMatchObject({
      issues: [{ code: 'optionsRequired' }],
    });
    const withOptions = {
      ...field,
      options: [{ code: 'tourism', label: { ru: 'Туризм', en: 'Tourism', fr: 'Tourisme' }, isDefault: true }],
    };
    const saved = await t.call('forms.saveField', { formId: form.id, field: withOptions });
    expect(saved.fields[0]!.options[0]!.label.fr).toBe('Tourisme');
    expect(
      await t.callError('forms.saveField', {
        formId: form.id,
        field: { ...withOptions, label: withOptions.label },
      }),
    ).toMatchObject({ issues: [{ path: 'key', code: 'keyTaken' }] });
    const afterDelete = await t.call('forms.deleteField', { id: saved.fields[0]!.id });
    expect(afterDelete.fields).toHaveLength(0);
  });

  it('save a country: the language and form of its questionnaire, its French name, its passport margin', async () => {
    const ita = (await t.call('countries.list', {})).find((c) => c.code === 'ITA')!;
    expect(ita).toMatchObject({ nameRu: 'Италия', questionnaireLanguage: 'en', formKey: 'schengen_2023' });
    const saved = await t.call('countries.save', {
      ...ita,
      nameFr: ' Italie ',
      questionnaireLanguage: 'fr',
      passportMarginMonths: 5,
    });
    expect(saved).toEqual({ ...ita, nameFr: 'Italie', questionnaireLanguage: 'fr', passportMarginMonths: 5 });
    expect((await t.call('countries.list', {})).find((c) => c.code === 'ITA')).toEqual(saved);

    const tour = await t.call('tours.save', {
      ...emptyTourInput(),
      voucher: 'IT-1',
      country: 'ITA',
      arrivalDate: '2027-06-01',
      departureDate: '2027-06-08',
    });
    const subject = {
      kind: 'tourist' as const,
      id: (await addTourist(tour.id, { lastNameRu: 'Петрова' })).id,
    };
    const italian = await t.call('questionnaire.open', { subject, country: 'ITA' });
    expect(italian.country).toEqual({ code: 'ITA', name: 'Италия', language: 'fr', appliesOnline: false });
    expect(italian.form.key).toBe('schengen_2023');
    expect(byKey(italian.answers, 'main_destination').value).toBe('Italie');
    const occupation = await t.call('questionnaire.save', {
      subject,
      country: 'ITA',
      fieldKey: 'occupation',
      source: 'врач',
    });
    expect(occupation.answer.value).toBe('médecin');

    await t.call('countries.save', { ...saved, formKey: 'japan' });
    expect((await t.call('questionnaire.open', { subject, country: 'ITA' })).form.key).toBe('japan');
    await t.call('countries.save', { ...saved, formKey: null });
    expect(await t.callError('questionnaire.open', { subject, country: 'ITA' })).toMatchObject({
      code: 'VALIDATION',
      issues: [{ code: 'noForm' }],
    });

    expect(await t.callError('countries.save', { ...saved, formKey: 'no_such_form' })).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'formKey', code: 'formUnknown' }],
    });
    expect(await t.callError('countries.save', { ...saved, nameRu: ' ' })).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'nameRu', code: 'labelRequired' }],
    });
    expect((await t.call('countries.list', {})).find((c) => c.code === 'ITA')).toMatchObject({
      nameRu: 'Италия',
      formKey: null,
    });

    const added = await t.call('countries.save', {
      code: 'XKX',
      nameRu: 'Косово',
      nameEn: 'Kosovo',
      passportMarginMonths: 3,
      questionnaireLanguage: 'en',
      formKey: 'schengen_2019',
    });
    expect((await t.call('countries.list', {})).find((c) => c.code === 'XKX')).toEqual(added);
    expect((await t.call('forms.list', {})).find((f) => f.key === 'schengen_2019')!.countries).toContain(
      'XKX',
    );
  });

  it('delete a form with its fields, leaving the countries that used it without a form', async () => {
    const form = await t.call('forms.save', {
      key: 'test_form',
      name: { ru: 'Тест', en: 'Test', fr: 'Test' },
    });
    await t.call('forms.saveField', {
      formId: form.id,
      field: {
        position: 1,
        number: '1',
        key: 'purpose',
        label: { ru: 'Цель', en: 'Purpose', fr: 'Objet' },
        type: 'text',
        translation: 'dictionary',
        binding: null,
        required: false,
        options: [],
      },
    });
    const bel = (await t.call('countries.list', {})).find((c) => c.code === 'BEL')!;
    await t.call('countries.save', { ...bel, formKey: 'test_form' });
    expect((await t.call('forms.list', {})).find((f) => f.id === form.id)).toMatchObject({
      fieldCount: 1,
      countries: ['BEL'],
    });

    expect(await t.call('forms.delete', { id: form.id })).toEqual({ id: form.id });
    expect((await t.call('forms.list', {})).map((f) => f.key)).toEqual([
      'japan',
      'schengen_2019',
      'schengen_2023',
    ]);
    expect((await t.callError('forms.get', { id: form.id })).code).toBe('NOT_FOUND');
    expect((await t.call('countries.list', {})).find((c) => c.code === 'BEL')!.formKey).toBeNull();
    const fields = await t.backend.db
      .selectFrom('questionnaire_fields')
      .select('id')
      .where('form_id', '=', form.id)
      .execute();
    expect(fields).toEqual([]);
    expect((await t.callError('forms.delete', { id: form.id })).code).toBe('NOT_FOUND');
  });

  it('delete a dictionary word: no longer listed, no longer used to translate', async () => {
    const tour = await frenchTour();
    const subject = {
      kind: 'tourist' as const,
      id: (await addTourist(tour.id, { lastNameRu: 'Петрова' })).id,
    };
    const occupation = { subject, country: 'FRA', fieldKey: 'occupation', source: 'врач' };
    expect(await t.call('questionnaire.save', occupation)).toMatchObject({
      answer: { value: 'médecin' },
      unknownWords: [],
    });
    const total = (await t.call('dictionary.list', { limit: 1 })).total ?? Number.NaN;
    const row = (await t.call('dictionary.list', { search: 'врач' })).rows.find((r) => r.ru === 'врач')!;

    expect(await t.call('dictionary.delete', { id: row.id })).toMatchObject(row);
    expect((await t.call('dictionary.list', { search: 'врач' })).rows.map((r) => r.ru)).not.toContain('врач');
    expect((await t.call('dictionary.list', { limit: 1 })).total).toBe(total - 1);
    expect(await t.call('questionnaire.save', occupation)).toMatchObject({
      answer: { value: 'врач' },
      unknownWords: ['врач'],
    });
    expect((await t.callError('dictionary.delete', { id: row.id })).code).toBe('NOT_FOUND');
  });

  it('export a form and import it back over later edits, restoring it exactly', async () => {
    const schengenId = (await t.call('forms.list', {})).find((f) => f.key === 'schengen_2019')!.id;
    const original = await t.call('forms.get', { id: schengenId });
    const withoutIds = (form: QuestionnaireForm) => ({
      key: form.key,
      name: form.name,
      fields: form.fields.map(({ id: _id, ...field }) => field),
    });
    for (const format of ['xlsx', 'json'] as const) {
      const file = await t.call('forms.exportBook', { id: schengenId, format });
      expect(file.fileName.endsWith(`.${format}`)).toBe(true);

      // After the export the clerk renames the form, drops a field, rewords another and cuts its
      // options, and adds a field of their own: the import must undo all four.
      const current = await t.call('forms.get', { id: schengenId });
      const field = (key: string) => current.fields.find((f) => f.key === key)!;
      await t.call('forms.save', {
        id: schengenId,
        key: 'schengen_2019',
        name: { ru: 'Шенген (черновик)', en: 'Draft', fr: 'Brouillon' },
      });
      await t.call('forms.deleteField', { id: field('occupation').id });
      const civil = field('civil_status');
      await t.call('forms.saveField', {
        formId: schengenId,
        field: { ...civil, label: { ...civil.label, fr: 'Situation' }, options: civil.options.slice(0, 1) },
      });
      await t.call('forms.saveField', {
        formId: schengenId,
        field: {
          position: 500,
          number: '99',
          key: 'clerk_note',
          label: { ru: 'Заметка', en: 'Note', fr: 'Note' },
          type: 'text',
          translation: 'copy',
          binding: null,
          required: false,
          options: [],
        },
      });
      const edited = await t.call('forms.get', { id: schengenId });
      expect(edited.name.en).toBe('Draft');
      expect(edited.fields.map((f) => f.key)).not.toContain('occupation');
      expect(edited.fields.map((f) => f.key)).toContain('clerk_note');
      expect(edited.fields.find((f) => f.key === 'civil_status')!.options).toHaveLength(1);

      const imported = await t.call('forms.importBook', { fileName: `copy.${format}`, base64: file.base64 });
      expect(imported, format).toEqual({ forms: 1, fields: original.fields.length });
      const restored = await t.call('forms.get', { id: schengenId });
      expect(withoutIds(restored), format).toEqual(withoutIds(original));
      expect(
        (await t.call('forms.list', {})).filter((f) => f.key === 'schengen_2019'),
        format,
      ).toHaveLength(1);
    }
  });

  it('import the dictionary and the countries from edited files, and name the row of a bad file', async () => {
    const dictionary = await t.call('dictionary.exportBook', { format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(dictionary.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('dictionary')!;
    sheet.addRow(['стюард', 'steward', 'steward de bord']);
    sheet.addRow(['врач', 'physician', '']);
    const edited = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const result = await t.call('dictionary.importBook', { fileName: 'dictionary.xlsx', base64: edited });
    expect(result).toMatchObject({ added: 1, updated: 1 });
    const doctor = (await t.call('dictionary.list', { search: 'врач' })).rows.find((r) => r.ru === 'врач');
    expect(doctor).toMatchObject({ en: 'physician', fr: 'médecin' });

    sheet.addRow(['', 'orphan', 'orphelin']);
    const broken = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const before = (await t.call('dictionary.list', { limit: 1 })).total;
    const error = await t.callError('dictionary.importBook', { fileName: 'dictionary.xlsx', base64: broken });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      issues: [{ code: 'rowInvalid', params: { sheet: 'dictionary', row: sheet.rowCount, column: 'ru' } }],
    });
    expect((await t.call('dictionary.list', { limit: 1 })).total).toBe(before);

    const countries = await t.call('countries.exportBook', { format: 'json' });
    const list = JSON.parse(Buffer.from(countries.base64, 'base64').toString('utf8')) as {
      code: string;
      nameFr: string;
    }[];
    list.find((c) => c.code === 'ITA')!.nameFr = 'Italie (modifié)';
    await t.call('countries.importBook', {
      fileName: 'countries.json',
      base64: Buffer.from(JSON.stringify(list)).toString('base64'),
    });
    expect((await t.call('countries.list', {})).find((c) => c.code === 'ITA')?.nameFr).toBe(
      'Italie (modifié)',
    );
  });
});

describe('questionnaires', () => {
  it('pre-fill bound fields from the passport, the client and the tour, in the form language', async () => {
    const client = await t.call(
      'clients.save',
      ivanov({
        birthPlace: 'Москва',
        address: 'Москва, ул. Ленина, 5',
        email: 'ivanov@example.com',
        citizenship: 'RUS',
      }),
    );
    const tour = await frenchTour();
    const tourist = await addTourist(
      tour.id,
      {
        lastNameRu: 'Иванов',
        firstNameRu: 'Иван',
        middleNameRu: 'Петрович',
        lastNameLat: 'IVANOFF',
        firstNameLat: 'IVAN',
        passportLastNameLat: 'IVANOV',
        passportFirstNameLat: 'IVAN',
        gender: 'M',
        birthDate: '1980-05-14',
        citizenship: 'RUS',
        passportSeries: '75',
        passportNumber: '1234567',
        passportIssueDate: '2020-01-10',
        passportExpiry: '2030-01-10',
      },
      client.id,
    );
    const q = await t.call('questionnaire.open', {
      subject: { kind: 'tourist', id: tourist.id },
      country: 'FRA',
    });
    expect(q.header).toBe('ИВАНОВ И. П.');
    expect(q.country.language).toBe('fr');
    const a = q.answers;
    expect(byKey(a, 'surname')).toMatchObject({ value: 'IVANOV', origin: 'binding' });
    expect(byKey(a, 'first_names').value).toBe('IVAN');
    expect(byKey(a, 'birth_date').value).toBe('14.05.1980');
    expect(byKey(a, 'birth_place').value).toBe('Moskva');
    expect(byKey(a, 'nationality').value).toBe('Russie');
    expect(byKey(a, 'sex').value).toBe('Masculin');
    expect(byKey(a, 'travel_document_number').value).toBe('751234567');
    expect(byKey(a, 'travel_document_valid_until').value).toBe('10.01.2030');
    expect(byKey(a, 'travel_document_type')).toMatchObject({ source: 'ordinary', origin: 'default' });
    expect(byKey(a, 'main_destination').value).toBe('France');
    expect(byKey(a, 'arrival_date').value).toBe('01.05.2027');
    expect(byKey(a, 'host_name').value).toBe('Hôtel du Louvre');
    expect(byKey(a, 'email').value).toBe('ivanov@example.com');
    expect(byKey(a, 'occupation')).toMatchObject({ value: '', origin: 'empty' });
  });

  it('translate on save by the field mode, list unknown words, and use a new dictionary word at once', async () => {
    const tour = await frenchTour();
    const tourist = await addTourist(tour.id, {
      lastNameRu: 'Петрова',
      firstNameRu: 'Анна',
      lastNameLat: 'PETROVA',
      gender: 'F',
    });
    const subject: Subject = { kind: 'tourist', id: tourist.id };
    const occupation = await t.call('questionnaire.save', {
      subject,
      country: 'FRA',
      fieldKey: 'occupation',
      source: 'Главный бухгалтер',
    });
    expect(occupation).toEqual({
      answer: {
        fieldKey: 'occupation',
        source: 'Главный бухгалтер',
        value: 'Chef comptable',
        origin: 'answer',
        untranslated: [],
      },
      unknownWords: [],
    });
    const italian = await t.call('questionnaire.save', {
      subject,
      country: 'ITA',
      fieldKey: 'occupation',
      source: 'главный бухгалтер',
    });
    expect(italian.answer.value).toBe('chief accountant');

    const unknown = await t.call('questionnaire.save', {
      subject,
      country: 'FRA',
      fieldKey: 'purpose_details',
      source: 'Туризм, дегустация вин',
    });
    expect(unknown.unknownWords).toEqual(['дегустация', 'вин']);
    expect(unknown.answer.value).toBe('Tourisme, дегустация вин');
    await t.call('dictionary.save', { ru: 'дегустация вин', en: 'wine tasting', fr: 'dégustation de vins' });
    const again = await t.call('questionnaire.save', {
      subject,
      country: 'FRA',
      fieldKey: 'purpose_details',
      source: 'Туризм, дегустация вин',
    });
    expect(again).toMatchObject({ answer: { value: 'Tourisme, dégustation de vins' }, unknownWords: [] });

    const surname = await t.call('questionnaire.save', {
      subject,
      country: 'FRA',
      fieldKey: 'surname',
      source: 'Щукина',
    });
    expect(surname.answer.value).toBe('Shchukina');
    const purpose = await t.call('questionnaire.save', {
      subject,
      country: 'FRA',
      fieldKey: 'purpose',
      source: 'tourism,cultural',
    });
    expect(purpose.answer.value).toBe('Tourisme; Culture');
    const fingerprints = await t.call('questionnaire.save', {
      subject,
      country: 'FRA',
      fieldKey: 'fingerprints',
      source: 'no',
    });
    expect(fingerprints.answer.value).toBe('Non');
    const manual = await t.call('questionnaire.save', {
      subject,
      country: 'FRA',
      fieldKey: 'occupation',
      source: 'Главный бухгалтер',
      value: 'Comptable principale',
    });
    expect(manual.answer).toMatchObject({ source: 'Главный бухгалтер', value: 'Comptable principale' });

    const cleared = await t.call('questionnaire.save', {
      subject,
      country: 'FRA',
      fieldKey: 'surname',
      source: '',
    });
    // Without an answer of its own the field shows the tourist's Latin name again.
    expect(cleared.answer).toEqual({
      fieldKey: 'surname',
      source: 'PETROVA',
      value: 'PETROVA',
      origin: 'binding',
      untranslated: [],
    });
  });

  it('keep a tourist’s answers as the regular client’s, offered on the next tour', async () => {
    const client = await t.call('clients.save', ivanov());
    const first = await frenchTour('FR-1');
    const second = await frenchTour('FR-2');
    const fields = { lastNameRu: 'Иванов', firstNameRu: 'Иван', lastNameLat: 'IVANOV', firstNameLat: 'IVAN' };
    const a = await addTourist(first.id, fields, client.id);
    const b = await addTourist(second.id, fields, client.id);
    await t.call('questionnaire.save', {
      subject: { kind: 'tourist', id: a.id },
      country: 'FRA',
      fieldKey: 'occupation',
      source: 'инженер',
    });
    const next = await t.call('questionnaire.open', {
      subject: { kind: 'tourist', id: b.id },
      country: 'FRA',
    });
    expect(byKey(next.answers, 'occupation')).toMatchObject({ value: 'ingénieur', origin: 'client' });
    const own = await t.call('questionnaire.open', {
      subject: { kind: 'client', id: client.id },
      country: 'FRA',
    });
    expect(byKey(own.answers, 'occupation')).toMatchObject({ value: 'ingénieur', origin: 'answer' });
  });

  it('copy answers to another tourist (not personal data) and to another country’s form, translated again', async () => {
    const tour = await frenchTour();
    const anna = await addTourist(tour.id, {
      lastNameRu: 'Петрова',
      firstNameRu: 'Анна',
      lastNameLat: 'PETROVA',
      firstNameLat: 'ANNA',
      gender: 'F',
      birthDate: '1985-03-12',
      passportNumber: '751234567',
    });
    const oleg = await addTourist(tour.id, {
      lastNameRu: 'Петров',
      firstNameRu: 'Олег',
      lastNameLat: 'PETROV',
      gender: 'M',
    });
    const from = { subject: { kind: 'tourist' as const, id: anna.id }, country: 'FRA' };
    const olegSubject = { kind: 'tourist' as const, id: oleg.id };
    for (const [fieldKey, source] of [
      ['occupation', 'врач'],
      ['birth_country', 'Россия'],
      ['host_address', 'Париж, ул. Риволи, 1'],
      ['surname', 'Петрова'],
      ['first_names', 'Анна'],
      ['birth_date', '1986-04-13'],
      ['sex', 'F'],
      ['email', 'anna@example.ru'],
      ['travel_document_number', '759999999'],
    ] as const)
      await t.call('questionnaire.save', { ...from, fieldKey, source });

    const toOleg = await t.call('questionnaire.copy', {
      from,
      to: [{ subject: olegSubject, country: 'FRA' }],
    });
    expect(toOleg.copied).toBe(3);
    const olegFra = await t.call('questionnaire.open', { subject: olegSubject, country: 'FRA' });
    expect(byKey(olegFra.answers, 'occupation').value).toBe('médecin');
    expect(byKey(olegFra.answers, 'host_address').value).toBe('Parizh, ul. Rivoli, 1');
    expect(byKey(olegFra.answers, 'surname').value).toBe('PETROV');

    await t.call('questionnaire.copy', { from, to: [{ subject: from.subject, country: 'ITA' }] });
    const annaIta = await t.call('questionnaire.open', { subject: from.subject, country: 'ITA' });
    expect(byKey(annaIta.answers, 'occupation').value).toBe('doctor');
    expect(byKey(annaIta.answers, 'surname').value).toBe('Petrova');

    // Japan has a form of its own, in English: the keys both forms share land there translated
    // again from the Russian source; Schengen-only fields have nowhere to go; another person's
    // names, birth date, sex, e-mail and passport stay their own.
    const toOlegJpn = await t.call('questionnaire.copy', {
      from,
      to: [{ subject: olegSubject, country: 'JPN' }],
    });
    expect(toOlegJpn.copied).toBe(2);
    const olegJpn = await t.call('questionnaire.open', { subject: olegSubject, country: 'JPN' });
    expect(olegJpn.form.key).toBe('japan');
    expect(olegJpn.country.language).toBe('en');
    const shown = (answers: Answer[], keys: string[]) =>
      keys.map((key) => {
        const { value, origin } = byKey(answers, key);
        return [key, value, origin];
      });
    expect(
      shown(olegJpn.answers, [
        'occupation',
        'birth_country',
        'surname',
        'given_names',
        'birth_date',
        'sex',
        'email',
        'passport_number',
      ]),
    ).toEqual([
      ['occupation', 'doctor', 'answer'],
      ['birth_country', 'Russia', 'answer'],
      ['surname', 'PETROV', 'binding'],
      ['given_names', '', 'empty'],
      ['birth_date', '', 'empty'],
      ['sex', 'Male', 'binding'],
      ['email', '', 'empty'],
      ['passport_number', '', 'empty'],
    ]);
    expect(olegJpn.answers.map((a) => a.value)).not.toContain('Parizh, ul. Rivoli, 1');

    // Her own Japanese questionnaire takes her personal answers too, by the same keys only: the
    // Schengen first_names and travel_document_number are given_names and passport_number there.
    const toAnnaJpn = await t.call('questionnaire.copy', {
      from,
      to: [{ subject: from.subject, country: 'JPN' }],
    });
    expect(toAnnaJpn.copied).toBe(6);
    const annaJpn = await t.call('questionnaire.open', { subject: from.subject, country: 'JPN' });
    expect(
      shown(annaJpn.answers, [
        'occupation',
        'surname',
        'given_names',
        'birth_date',
        'sex',
        'email',
        'passport_number',
      ]),
    ).toEqual([
      ['occupation', 'doctor', 'answer'],
      ['surname', 'Petrova', 'answer'],
      ['given_names', 'ANNA', 'binding'],
      ['birth_date', '13.04.1986', 'answer'],
      ['sex', 'Female', 'answer'],
      ['email', 'anna@example.ru', 'answer'],
      ['passport_number', '751234567', 'binding'],
    ]);
  });

  it('build a print job for the whole tour, listing the empty required fields per tourist', async () => {
    const tour = await frenchTour();
    const anna = await addTourist(tour.id, {
      lastNameRu: 'Петрова',
      firstNameRu: 'Анна',
      passportLastNameLat: 'PETROVA',
      passportFirstNameLat: 'ANNA',
    });
    const oleg = await addTourist(tour.id, {
      lastNameRu: 'Петров',
      firstNameRu: 'Олег',
      lastNameLat: 'PETROV',
    });
    await t.call('questionnaire.save', {
      subject: { kind: 'tourist', id: anna.id },
      country: 'FRA',
      fieldKey: 'occupation',
      source: 'врач',
    });
    const job = await t.call('questionnaire.print', {
      subjects: [anna, oleg].map((x) => ({ kind: 'tourist' as const, id: x.id })),
      country: 'FRA',
    });
    expect(job.sheets.map((s) => s.fullNameLat)).toEqual(['PETROVA ANNA', 'PETROV']);
    // Both leave the same required fields empty, but for Oleg also his first name and occupation.
    const emptyForBoth = [
      'birth_date',
      'birth_place',
      'birth_country',
      'sex',
      'civil_status',
      'travel_document_number',
      'travel_document_issue_date',
      'travel_document_valid_until',
      'travel_document_issued_by',
      'home_address',
      'phone',
      'other_residence',
      'employer',
      'purpose',
      'entries',
      'fingerprints',
      'host_address',
      'cost_applicant_means',
      'place',
      'date',
    ];
    expect(job.sheets[0]!.missing.map((m) => m.key)).toEqual(emptyForBoth);
    expect(job.sheets[1]!.missing.map((m) => m.key).sort()).toEqual(
      [...emptyForBoth, 'first_names', 'occupation'].sort(),
    );

    const noForm = await t.callError('questionnaire.open', {
      subject: { kind: 'tourist', id: anna.id },
      country: 'EGY',
    });
    expect(noForm).toMatchObject({ code: 'VALIDATION', issues: [{ code: 'noForm' }] });

    await t.call('tourists.delete', { id: anna.id });
    const left = await t.backend.db.selectFrom('questionnaire_answers').selectAll().execute();
    expect(left.filter((r) => r.tourist_id === anna.id)).toHaveLength(0);
  });
});
