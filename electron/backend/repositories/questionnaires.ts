import type { Kysely, Transaction } from 'kysely';
import { timestamp } from '../../../shared/domain/clock';
import type { RepositoryContext } from '../context';
import { AppError } from '../../../shared/api/envelope';
import { travelPassport } from '../../../shared/domain/tourist-client';
import {
  answerValue,
  missingRequired,
  printedAnswers,
  resolveAnswers,
  untranslatedFields,
  untranslatedWords,
  surnameWithInitials,
  type PrefillContext,
  type StoredAnswer,
} from '../../../shared/questionnaire/answers';
import type {
  Answer,
  PrintJob,
  Questionnaire,
  QuestionnaireForm,
  Subject,
} from '../../../shared/questionnaire/model';
import type { QuestionnaireLanguage } from '../../../shared/questionnaire/reference';
import type { Dictionary } from '../../../shared/questionnaire/translate';
import type { Database } from '../db/schema';
import type { ClientsRepository } from './clients';
import type { ReferenceBooksRepository } from './reference-books';

type Db = Kysely<Database> | Transaction<Database>;

interface Target {
  subject: Subject;
  country: string;
}

interface CountryForm {
  code: string;
  name: string;
  language: QuestionnaireLanguage;
  appliesOnline: boolean;
  form: QuestionnaireForm;
}

/** A person's questionnaire data: what pre-fills it, and whose client answers it falls back to. */
interface SubjectData {
  header: string;
  clientId: number | null;
  context: PrefillContext;
}

function answerColumn(subject: Subject): 'tourist_id' | 'client_id' {
  return subject.kind === 'tourist' ? 'tourist_id' : 'client_id';
}

const sameSubject = (a: Subject, b: Subject) => a.kind === b.kind && a.id === b.id;

type CountryNames = (code: string) => string;

/** R11-R14: a person's answers per country, pre-filled from the base and the tour, translated on save. */
export class QuestionnairesRepository {
  private readonly db: Kysely<Database>;

  constructor(
    private readonly ctx: RepositoryContext,
    private readonly clients: ClientsRepository,
    private readonly books: ReferenceBooksRepository,
  ) {
    this.db = ctx.db;
  }

  private async countryForm(code: string, db: Db = this.db): Promise<CountryForm> {
    const country = (await this.books.countries(db)).find((c) => c.code === code);
    if (!country) throw new AppError('NOT_FOUND', `country ${code}`);
    const form = country.formKey ? await this.books.formByKey(country.formKey, db) : null;
    if (!form)
      throw new AppError('VALIDATION', `country ${code} has no questionnaire form`, [
        { path: 'country', code: 'noForm' },
      ]);
    const online = await db
      .selectFrom('countries')
      .select('applies_online')
      .where('code', '=', code)
      .executeTakeFirst();
    return {
      code,
      name: country.nameRu,
      language: country.questionnaireLanguage,
      appliesOnline: online?.applies_online === 1,
      form,
    };
  }

  private static countryOf(target: CountryForm) {
    const { code, name, language, appliesOnline } = target;
    return { code, name, language, appliesOnline };
  }

  /** Country codes to Russian names, read once per request (a print job asks for every tourist). */
  private async countryNames(): Promise<CountryNames> {
    const names = new Map(
      (await this.db.selectFrom('countries').select(['code', 'name_ru']).execute()).map((c) => [
        c.code,
        c.name_ru,
      ]),
    );
    return (code) => (code === '' ? '' : (names.get(code) ?? code));
  }

  private async subjectData(subject: Subject, countryName: CountryNames): Promise<SubjectData> {
    if (subject.kind === 'client') {
      const client = await this.clients.get(subject.id);
      const passport = travelPassport(client.documents);
      return {
        header: surnameWithInitials(
          client.lastNameRu || client.lastNameLat,
          client.firstNameRu || client.firstNameLat,
          client.middleNameRu,
        ),
        clientId: client.id,
        context: {
          person: {
            lastNameLat: passport?.lastNameLat || client.lastNameLat,
            firstNameLat: passport?.firstNameLat || client.firstNameLat,
            lastNameRu: client.lastNameRu,
            firstNameRu: client.firstNameRu,
            middleNameRu: client.middleNameRu,
            gender: client.gender,
            birthDate: client.birthDate,
            birthPlace: client.birthPlace,
            citizenship: countryName(client.citizenship),
            phone: client.phone,
            email: client.email,
            address: client.address,
          },
          passport: passport
            ? {
                number: `${passport.series}${passport.number}`,
                issueDate: passport.issueDate,
                expiry: passport.expiryDate,
                issuingCountry: countryName(passport.issuingCountry),
                issuedBy: passport.issuedBy,
              }
            : null,
          tour: null,
        },
      };
    }
    const tourist = await this.db
      .selectFrom('tourists')
      .innerJoin('tours', 'tours.id', 'tourists.tour_id')
      .selectAll('tourists')
      .select([
        'tours.country as tour_country',
        'tours.arrival_date as tour_arrival',
        'tours.departure_date as tour_departure',
        'tours.hotel as tour_hotel',
        'tours.resort as tour_resort',
      ])
      .where('tourists.id', '=', subject.id)
      .executeTakeFirst();
    if (!tourist) throw new AppError('NOT_FOUND', `tourist ${subject.id}`);
    const client =
      tourist.client_id === null ? null : await this.clients.get(tourist.client_id).catch(() => null);
    const number = `${tourist.passport_series}${tourist.passport_number}`;
    const document = client?.documents.find(
      (d) => d.kind === 'foreign_passport' && `${d.series}${d.number}` === number,
    );
    const lastNameLat = tourist.passport_last_name_lat || tourist.last_name_lat;
    const firstNameLat = tourist.passport_first_name_lat || tourist.first_name_lat;
    const citizenship = tourist.citizenship || client?.citizenship || '';
    return {
      header: surnameWithInitials(
        tourist.last_name_ru || tourist.last_name_lat,
        tourist.first_name_ru || tourist.first_name_lat,
        tourist.middle_name_ru,
      ),
      clientId: client?.id ?? null,
      context: {
        person: {
          lastNameLat,
          firstNameLat,
          lastNameRu: tourist.last_name_ru,
          firstNameRu: tourist.first_name_ru,
          middleNameRu: tourist.middle_name_ru,
          gender: tourist.gender,
          birthDate: tourist.birth_date,
          birthPlace: client?.birthPlace ?? '',
          citizenship: countryName(citizenship),
          phone: tourist.phone || client?.phone || '',
          email: tourist.email || client?.email || '',
          address: client?.address ?? '',
        },
        passport:
          number === ''
            ? null
            : {
                number,
                issueDate: tourist.passport_issue_date,
                expiry: tourist.passport_expiry,
                issuingCountry: countryName(document?.issuingCountry || citizenship),
                issuedBy: document?.issuedBy ?? '',
              },
        tour: {
          country: countryName(tourist.tour_country),
          arrivalDate: tourist.tour_arrival,
          departureDate: tourist.tour_departure,
          hotel: tourist.tour_hotel,
          resort: tourist.tour_resort,
        },
      },
    };
  }

  private async stored(subject: Subject, country: string, db: Db): Promise<Map<string, StoredAnswer>> {
    const rows = await db
      .selectFrom('questionnaire_answers')
      .select(['field_key', 'source', 'value', 'accepted'])
      .where(answerColumn(subject), '=', subject.id)
      .where('country', '=', country)
      .execute();
    return new Map(
      rows.map((r) => [r.field_key, { source: r.source, value: r.value, accepted: r.accepted === 1 }]),
    );
  }

  private async resolve(
    subject: Subject,
    data: SubjectData,
    target: CountryForm,
    dictionary: Dictionary,
    db: Db,
  ): Promise<Answer[]> {
    const own = await this.stored(subject, target.code, db);
    const fromClient =
      subject.kind === 'tourist' && data.clientId !== null
        ? await this.stored({ kind: 'client', id: data.clientId }, target.code, db)
        : new Map<string, StoredAnswer>();
    return resolveAnswers(target.form.fields, own, fromClient, data.context, target.language, dictionary);
  }

  /** The questionnaire form a country uses (NOT_FOUND / noForm as for opening it). */
  async formOf(country: string): Promise<QuestionnaireForm> {
    return (await this.countryForm(country)).form;
  }

  async open(subject: Subject, country: string): Promise<Questionnaire> {
    const target = await this.countryForm(country);
    const data = await this.subjectData(subject, await this.countryNames());
    const answers = await this.resolve(subject, data, target, await this.books.dictionary(), this.db);
    return {
      subject,
      header: data.header,
      country: QuestionnairesRepository.countryOf(target),
      form: target.form,
      answers,
    };
  }

  private async upsert(
    db: Db,
    subject: Subject,
    country: string,
    fieldKey: string,
    source: string,
    value: string,
    accepted = false,
  ) {
    const column = answerColumn(subject);
    const updated_at = timestamp(this.ctx.clock);
    const result = await db
      .updateTable('questionnaire_answers')
      .set({ source, value, updated_at, accepted: accepted ? 1 : 0 })
      .where(column, '=', subject.id)
      .where('country', '=', country)
      .where('field_key', '=', fieldKey)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) > 0) return;
    await db
      .insertInto('questionnaire_answers')
      .values({
        tourist_id: subject.kind === 'tourist' ? subject.id : null,
        client_id: subject.kind === 'client' ? subject.id : null,
        country,
        field_key: fieldKey,
        source,
        value,
        updated_at,
        accepted: accepted ? 1 : 0,
      })
      .execute();
  }

  /**
   * R12: stores the Russian source and its translation by the field's mode (or the clerk's own
   * translation when `value` is given). An empty answer is removed, so pre-fill shows again.
   * A tourist's answers to unbound fields also become the regular client's latest answers.
   * `accept` keeps the value's untranslated Russian words as they are; any other save marks them again.
   */
  async save(request: {
    subject: Subject;
    country: string;
    fieldKey: string;
    source: string;
    value?: string | undefined;
    accept?: boolean | undefined;
  }): Promise<{ answer: Answer; unknownWords: string[] }> {
    const { subject, country, fieldKey } = request;
    // Everything is read before the transaction: the clients repository reads outside it.
    const target = await this.countryForm(country);
    const field = target.form.fields.find((f) => f.key === fieldKey);
    if (!field) throw new AppError('NOT_FOUND', `field ${fieldKey} of ${country}`);
    const data = await this.subjectData(subject, await this.countryNames());
    const dictionary = await this.books.dictionary();
    return this.db.transaction().execute(async (trx) => {
      const source = request.source.trim();
      const owners: Subject[] = [subject];
      if (subject.kind === 'tourist' && data.clientId !== null && field.binding === null)
        owners.push({ kind: 'client', id: data.clientId });
      if (source === '' && (request.value ?? '').trim() === '') {
        for (const owner of owners)
          await trx
            .deleteFrom('questionnaire_answers')
            .where(answerColumn(owner), '=', owner.id)
            .where('country', '=', country)
            .where('field_key', '=', fieldKey)
            .execute();
        await this.ctx.audit.record(trx, {
          entity: subject.kind,
          entityId: subject.id,
          action: 'answer cleared',
          changes: { country, fieldKey },
        });
        const answers = await this.resolve(subject, data, target, dictionary, trx);
        return { answer: answers.find((a) => a.fieldKey === fieldKey)!, unknownWords: [] };
      }
      const translated = answerValue(field, source, target.language, dictionary);
      const value = request.value !== undefined ? request.value.trim() : translated.value;
      const accepted = request.accept === true;
      for (const owner of owners) await this.upsert(trx, owner, country, fieldKey, source, value, accepted);
      await this.ctx.audit.record(trx, {
        entity: subject.kind,
        entityId: subject.id,
        action: 'answer',
        changes: { country, fieldKey },
      });
      return {
        answer: {
          fieldKey,
          source,
          value,
          origin: 'answer',
          untranslated: accepted ? [] : untranslatedWords(value, target.language),
        },
        unknownWords: request.value !== undefined ? [] : translated.unknownWords,
      };
    });
  }

  /**
   * "Take information from..." / "Copy information to...": the stored answers of one questionnaire
   * are written into others, matched by field key and translated again into each target's language.
   * Between different people, fields bound to personal data (names, passport) are not copied.
   */
  async copy(from: Target, to: readonly Target[]): Promise<{ copied: number }> {
    const sourceForm = await this.countryForm(from.country);
    const answers = await this.stored(from.subject, from.country, this.db);
    const dictionary = await this.books.dictionary();
    const countryName = await this.countryNames();
    await this.subjectData(from.subject, countryName); // NOT_FOUND rather than nothing to copy
    const targets: (Target & { form: CountryForm })[] = [];
    for (const target of to) {
      if (sameSubject(target.subject, from.subject) && target.country === from.country) continue;
      await this.subjectData(target.subject, countryName); // NOT_FOUND for a deleted tourist or client
      targets.push({ ...target, form: await this.countryForm(target.country) });
    }
    return this.db.transaction().execute(async (trx) => {
      let copied = 0;
      for (const target of targets) {
        const targetForm = target.form;
        for (const field of targetForm.form.fields) {
          const answer = answers.get(field.key);
          if (!answer) continue;
          const sourceField = sourceForm.form.fields.find((f) => f.key === field.key);
          const personal = field.binding !== null || (sourceField?.binding ?? null) !== null;
          if (personal && !sameSubject(target.subject, from.subject)) continue;
          if (sourceField && sourceField.type !== field.type) continue;
          const sameLanguage = targetForm.language === sourceForm.language;
          const value =
            sameLanguage && sourceField?.translation === field.translation
              ? answer.value
              : answerValue(field, answer.source, targetForm.language, dictionary).value;
          await this.upsert(trx, target.subject, target.country, field.key, answer.source, value);
          copied++;
        }
      }
      await this.ctx.audit.record(
        trx,
        targets.map((target) => ({
          entity: target.subject.kind,
          entityId: target.subject.id,
          action: 'answers copied',
          changes: { from: from.country, to: target.country },
        })),
      );
      return { copied };
    });
  }

  /** R14: every sheet to print, with the required fields each one leaves empty. */
  async printJob(subjects: readonly Subject[], country: string): Promise<PrintJob> {
    const target = await this.countryForm(country);
    const dictionary = await this.books.dictionary();
    const countryName = await this.countryNames();
    const sheets = [];
    for (const subject of subjects) {
      const data = await this.subjectData(subject, countryName);
      const answers = await this.resolve(subject, data, target, dictionary, this.db);
      const { lastNameLat, firstNameLat } = data.context.person;
      sheets.push({
        subject,
        header: data.header,
        fullNameLat: [lastNameLat, firstNameLat].filter(Boolean).join(' '),
        answers: printedAnswers(target.form.fields, answers),
        missing: missingRequired(target.form.fields, answers).map((f) => ({
          number: f.number,
          key: f.key,
          label: f.label.ru,
        })),
        untranslated: untranslatedFields(target.form.fields, answers).map(({ field, words }) => ({
          number: field.number,
          key: field.key,
          label: field.label.ru,
          words,
        })),
      });
    }
    return {
      country: QuestionnairesRepository.countryOf(target),
      form: target.form,
      sheets,
    };
  }
}
