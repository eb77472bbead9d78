import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/api/contract';
import { emptyTourInput, emptyTouristFields } from '../../shared/domain/tour';
import type { Answer, Subject } from '../../shared/questionnaire/model';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

/** Issue 16 (form versions, the family-member asterisk) and issue 12 item 7 (untranslated words). */

let t: TempBackend;
beforeEach(async () => {
  t = await createTempBackend({ today: '2026-11-24', plain: true });
});
afterEach(async () => {
  await t.dispose();
});

async function touristIn(country: string): Promise<Subject> {
  const tour = await t.call('tours.save', {
    ...emptyTourInput(),
    voucher: `V-${country}`,
    country,
    arrivalDate: '2027-05-01',
    departureDate: '2027-05-10',
  });
  const { tourist } = await t.call('tourists.save', {
    tourId: tour.id,
    tourist: {
      ...emptyTouristFields(),
      lastNameRu: 'Петрова',
      firstNameRu: 'Анна',
      passportLastNameLat: 'PETROVA',
      passportFirstNameLat: 'ANNA',
      clientId: null,
      serviceIds: [],
    },
  });
  return { kind: 'tourist', id: tourist.id };
}

const answer = (answers: Answer[], key: string) => answers.find((a) => a.fieldKey === key)!;

describe('Schengen form versions', () => {
  it('Italy prints the 34-field form of 2023/2667 with Sex: Other, Germany the 33-field form of 2019/1155', async () => {
    const italy = await t.call('questionnaire.open', { subject: await touristIn('ITA'), country: 'ITA' });
    const germany = await t.call('questionnaire.open', { subject: await touristIn('DEU'), country: 'DEU' });
    expect(italy.form.layout).toBe('schengen_2023');
    expect(germany.form.layout).toBe('schengen_2019');
    const number = (form: typeof italy.form, key: string) => form.fields.find((f) => f.key === key)?.number;
    expect(number(italy.form, 'filler_name')).toBe('34');
    expect(number(germany.form, 'filler_name')).toBe('33');
    expect(number(italy.form, 'cost_applicant_means')).toBe('33');
    expect(number(germany.form, 'cost_applicant_means')).toBe('32');
    const sexCodes = (form: typeof italy.form) =>
      form.fields.find((f) => f.key === 'sex')!.options.map((o) => o.label.en);
    expect(sexCodes(italy.form)).toEqual(['Male', 'Female', 'Other']);
    expect(sexCodes(germany.form)).toEqual(['Male', 'Female']);
  });

  it('the costs field has the applicant’s and the sponsor’s own columns; either one answers it', async () => {
    const subject = await touristIn('DEU');
    const { form } = await t.call('questionnaire.open', { subject, country: 'DEU' });
    const options = (key: string) => form.fields.find((f) => f.key === key)!.options.map((o) => o.code);
    expect(options('cost_applicant_means')).toEqual([
      'cash',
      'travellers_cheques',
      'credit_card',
      'prepaid_accommodation',
      'prepaid_transport',
      'other',
    ]);
    expect(options('cost_sponsor')).toEqual(['referred', 'other']);
    expect(options('cost_sponsor_means')).toEqual([
      'cash',
      'accommodation_provided',
      'all_expenses_covered',
      'prepaid_transport',
      'other',
    ]);
    const missing = async () =>
      (await t.call('questionnaire.print', { subjects: [subject], country: 'DEU' })).sheets[0]!.missing.map(
        (m) => m.key,
      );
    expect(await missing()).toContain('cost_applicant_means');
    await t.call('questionnaire.save', {
      subject,
      country: 'DEU',
      fieldKey: 'cost_sponsor_means',
      source: 'cash',
    });
    expect(await missing()).not.toContain('cost_applicant_means');
    expect(await missing()).not.toContain('cost_sponsor_means');
  });

  it('a family member of an EU citizen does not fill the fields marked *, and they print blank', async () => {
    const subject = await touristIn('ITA');
    await t.call('questionnaire.save', { subject, country: 'ITA', fieldKey: 'occupation', source: 'врач' });
    const print = () => t.call('questionnaire.print', { subjects: [subject], country: 'ITA' });
    const before = (await print()).sheets[0]!;
    expect(before.missing.map((m) => m.key)).toEqual(
      expect.arrayContaining(['employer', 'host_address', 'cost_applicant_means']),
    );
    expect(answer(before.answers, 'occupation').value).toBe('doctor');

    await t.call('questionnaire.save', {
      subject,
      country: 'ITA',
      fieldKey: 'eu_family_member',
      source: 'yes',
    });
    const after = (await print()).sheets[0]!;
    const missing = after.missing.map((m) => m.key);
    for (const key of ['employer', 'host_name', 'host_address', 'cost_applicant_means'])
      expect(missing).not.toContain(key);
    expect(missing).toContain('birth_date');
    // The asterisked answers are kept for the card, but printed blank.
    expect(answer(after.answers, 'occupation').value).toBe('');
    const kept = await t.call('questionnaire.open', { subject, country: 'ITA' });
    expect(answer(kept.answers, 'occupation').value).toBe('doctor');
  });
});

describe('countries that apply online', () => {
  it('are marked in the countries book and the questionnaire says so', async () => {
    const list = await t.call('countries.list', {});
    expect(list.find((c) => c.code === 'FRA')!.appliesOnline).toBe(true);
    const ita = list.find((c) => c.code === 'ITA')!;
    expect(ita.appliesOnline).toBe(false);
    await t.call('countries.save', { ...ita, appliesOnline: true });
    const opened = await t.call('questionnaire.open', { subject: await touristIn('ITA'), country: 'ITA' });
    expect(opened.country.appliesOnline).toBe(true);
    // A save that does not speak of it (an older file, another screen) leaves it as it is.
    const { appliesOnline: _dropped, ...withoutFlag } = ita;
    await t.call('countries.save', { ...withoutFlag, nameFr: 'Italie' });
    expect((await t.call('countries.list', {})).find((c) => c.code === 'ITA')!.appliesOnline).toBe(true);
  });
});

describe('untranslated words (issue 12 item 7)', () => {
  it('stay marked in the answer and in the print check until translated or accepted', async () => {
    const subject = await touristIn('FRA');
    const saved = await t.call('questionnaire.save', {
      subject,
      country: 'FRA',
      fieldKey: 'purpose_details',
      source: 'туризм и отдых',
    });
    expect(saved.answer.untranslated).toEqual(expect.arrayContaining(['и']));
    const reopened = await t.call('questionnaire.open', { subject, country: 'FRA' });
    expect(answer(reopened.answers, 'purpose_details').untranslated).toContain('и');
    const check = async () =>
      (await t.call('questionnaire.print', { subjects: [subject], country: 'FRA' })).sheets[0]!.untranslated;
    expect((await check()).map((u) => u.key)).toEqual(['purpose_details']);

    // Accepting the value as it is clears the mark, and a later edit marks it again.
    const value = saved.answer.value;
    await t.call('questionnaire.save', {
      subject,
      country: 'FRA',
      fieldKey: 'purpose_details',
      source: 'туризм и отдых',
      value,
      accept: true,
    });
    expect(await check()).toEqual([]);
    await t.call('questionnaire.save', {
      subject,
      country: 'FRA',
      fieldKey: 'purpose_details',
      source: 'туризм и отдых',
    });
    expect((await check()).map((u) => u.words)).toEqual([expect.arrayContaining(['и'])]);

    // Translating the word in the dictionary and saving again clears it.
    await t.call('dictionary.save', { ru: 'и', en: 'and', fr: 'et' });
    const translated = await t.call('questionnaire.save', {
      subject,
      country: 'FRA',
      fieldKey: 'purpose_details',
      source: 'туризм и отдых',
    });
    expect(translated.answer.untranslated).toEqual([]);
    expect(await check()).toEqual([]);
  });
});

describe('shipping the new forms to a base seeded before them', () => {
  it('adds both versions and moves countries still on the first form, keeping the clerk’s choices', async () => {
    const db = t.backend.db;
    // Make the base look like version 1 left it: one Schengen form, every Schengen country on it.
    const old = await db
      .insertInto('questionnaire_forms')
      .values({ key: 'schengen_2020', name_ru: 'Шенген', name_en: 'Schengen', name_fr: 'Schengen' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('countries')
      .set({ form_id: old.id, applies_online: 0 })
      .where('code', 'in', ['ITA', 'DEU', 'FRA', 'AUT'])
      .execute();
    await db
      .deleteFrom('questionnaire_forms')
      .where('key', 'in', ['schengen_2019', 'schengen_2023'])
      .execute();
    await db
      .updateTable('questionnaire_forms')
      .set({ layout: 'worksheet' })
      .where('key', '=', 'japan')
      .execute();
    // The clerk had moved Austria to Japan's form (their choice, kept).
    const japan = await db
      .selectFrom('questionnaire_forms')
      .select('id')
      .where('key', '=', 'japan')
      .executeTakeFirstOrThrow();
    await db.updateTable('countries').set({ form_id: japan.id }).where('code', '=', 'AUT').execute();
    await db
      .updateTable('settings')
      .set({ value: '1' })
      .where('key', '=', 'referenceBooks.seededVersion')
      .execute();
    await t.backend.close();

    const again = await createBackend({
      dbPath: t.dbPath,
      key: t.key,
      logger: { error: () => undefined },
      appVersion: 'test',
    });
    try {
      const call = async <K extends CommandName>(name: K, input: CommandInput<K>) => {
        const envelope = await again.dispatch(name, input);
        if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
        return envelope.value as CommandOutput<K>;
      };
      const countries = await call('countries.list', {});
      const formOf = (code: string) => countries.find((c) => c.code === code)!.formKey;
      expect(formOf('ITA')).toBe('schengen_2023');
      expect(formOf('DEU')).toBe('schengen_2019');
      expect(formOf('FRA')).toBe('schengen_2019');
      expect(formOf('AUT')).toBe('japan');
      const forms = (await call('forms.list', {})).map((f) => f.key);
      expect(forms).toEqual(['japan', 'schengen_2019', 'schengen_2020', 'schengen_2023']);
      const fra = countries.find((c) => c.code === 'FRA')!;
      expect(fra.formKey).toBe('schengen_2019');
      const online = await again.db
        .selectFrom('countries')
        .select(['code', 'applies_online'])
        .where('applies_online', '=', 1)
        .orderBy('code')
        .execute();
      expect(online.map((c) => c.code)).toEqual(['BEL', 'CHE', 'DEU', 'FRA']);
      const jp = await again.db
        .selectFrom('questionnaire_forms')
        .select('layout')
        .where('key', '=', 'japan')
        .executeTakeFirstOrThrow();
      expect(jp.layout).toBe('japan');
    } finally {
      await again.close();
    }
  });
});
