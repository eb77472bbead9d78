import { createHash } from 'node:crypto';
import { type Selectable, type Transaction } from 'kysely';
import { createdItemHolds, isCreatedItem } from '../history/undo-journal';
import { compactAfterErasure } from '../db/dialect';
import { AppError } from '../../../shared/api/envelope';
import { timestamp } from '../../../shared/domain/clock';
import type { Consent, ConsentInput, DestructionAct } from '../../../shared/domain/consent';
import type { RepositoryContext } from '../context';
import type { Database } from '../db/schema';

/** Rotation keeps a day's backup this long (backup/schedule.ts); the act says when copies are gone. */
const BACKUP_DAYS_NOTE = 10;

const toConsent = (r: Selectable<Database['client_consents']>): Consent => ({
  id: r.id,
  clientId: r.client_id,
  scope: r.scope,
  givenOn: r.given_on,
  withdrawnOn: r.withdrawn_on,
  document: r.document,
  clerk: r.clerk,
  recordedAt: r.recorded_at,
});

/** The personal fields of a tourist row: blanked when the person is forgotten, the trip stays. */
const ANONYMOUS_TOURIST = {
  client_id: null,
  last_name_ru: '',
  first_name_ru: '',
  middle_name_ru: '',
  last_name_lat: '',
  first_name_lat: '',
  gender: null,
  birth_date: null,
  citizenship: '',
  passport_series: '',
  passport_number: '',
  passport_issue_date: null,
  passport_expiry: null,
  passport_last_name_lat: '',
  passport_first_name_lat: '',
  internal_series: '',
  internal_number: '',
  ticket_number: '',
  phone: '',
  email: '',
  name_key: '',
  name_key_lat: '',
} as const;

/**
 * A person's rights over their data (152-FZ art. 14 and 21, GDPR art. 15 and 17): consents per
 * scope, everything the base holds about them in one file, and erasure that leaves no trace in the
 * file (secure_delete zeroes freed pages; the WAL is truncated afterwards).
 */
export class PrivacyRepository {
  constructor(
    private readonly ctx: RepositoryContext,
    private readonly clerk: () => string,
  ) {}

  async consents(clientId: number): Promise<Consent[]> {
    const client = await this.ctx.db
      .selectFrom('clients')
      .select('id')
      .where('id', '=', clientId)
      .executeTakeFirst();
    if (!client) throw new AppError('NOT_FOUND', `client ${clientId} not found`);
    const rows = await this.ctx.db
      .selectFrom('client_consents')
      .selectAll()
      .where('client_id', '=', clientId)
      .orderBy('given_on', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toConsent);
  }

  async saveConsent(input: ConsentInput): Promise<Consent> {
    if (input.withdrawnOn !== null && input.withdrawnOn < input.givenOn) {
      throw new AppError('VALIDATION', 'withdrawn before given', [
        { path: 'withdrawnOn', code: 'expiryBeforeIssue' },
      ]);
    }
    return this.ctx.db.transaction().execute(async (trx) => {
      const client = await trx
        .selectFrom('clients')
        .select('id')
        .where('id', '=', input.clientId)
        .executeTakeFirst();
      if (!client) throw new AppError('NOT_FOUND', `client ${input.clientId} not found`);
      const values = {
        client_id: input.clientId,
        scope: input.scope,
        given_on: input.givenOn,
        withdrawn_on: input.withdrawnOn,
        document: input.document.trim(),
        clerk: this.clerk(),
        recorded_at: timestamp(this.ctx.clock),
      };
      let id = input.id;
      if (id === undefined) {
        id = (
          await trx.insertInto('client_consents').values(values).returning('id').executeTakeFirstOrThrow()
        ).id;
      } else {
        const result = await trx
          .updateTable('client_consents')
          .set(values)
          .where('id', '=', id)
          .where('client_id', '=', input.clientId)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', `consent ${id} not found`);
      }
      await this.ctx.audit.record(trx, {
        entity: 'client',
        entityId: input.clientId,
        action: input.withdrawnOn ? 'consent withdrawn' : 'consent given',
        changes: { scope: input.scope, givenOn: input.givenOn, withdrawnOn: input.withdrawnOn },
      });
      const row = await trx
        .selectFrom('client_consents')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return toConsent(row);
    });
  }

  /** Everything the base holds about one person, as one JSON file the clerk hands over. */
  async exportPersonalData(clientId: number): Promise<{ fileName: string; base64: string }> {
    const db = this.ctx.db;
    const client = await db.selectFrom('clients').selectAll().where('id', '=', clientId).executeTakeFirst();
    if (!client) throw new AppError('NOT_FOUND', `client ${clientId} not found`);
    const [documents, consents, trips, answers, audit] = await Promise.all([
      db.selectFrom('documents').selectAll().where('client_id', '=', clientId).execute(),
      this.consents(clientId),
      db
        .selectFrom('tourists')
        .innerJoin('tours', 'tours.id', 'tourists.tour_id')
        .selectAll('tourists')
        .select([
          'tours.voucher',
          'tours.country',
          'tours.arrival_date',
          'tours.departure_date',
          'tours.hotel',
        ])
        .where('tourists.client_id', '=', clientId)
        .execute(),
      db
        .selectFrom('questionnaire_answers')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb('client_id', '=', clientId),
            eb('tourist_id', 'in', eb.selectFrom('tourists').select('id').where('client_id', '=', clientId)),
          ]),
        )
        .execute(),
      db
        .selectFrom('audit')
        .selectAll()
        .where('entity', '=', 'client')
        .where('entity_id', '=', clientId)
        .orderBy('id')
        .execute(),
    ]);
    const exportedAt = timestamp(this.ctx.clock);
    const data = { exportedAt, client, documents, consents, trips, questionnaireAnswers: answers, audit };
    await this.ctx.audit.record(db, {
      entity: 'client',
      entityId: clientId,
      action: 'personal data exported',
    });
    return {
      fileName: `personal-data-${clientId}-${exportedAt.slice(0, 10)}.json`,
      base64: Buffer.from(JSON.stringify(data, null, 2)).toString('base64'),
    };
  }

  /**
   * Removes every trace of a person: the card with its documents, consents and search keys, their
   * questionnaire answers, the personal fields of their trips (the trips stay, anonymous), the undo
   * entries that hold copies of their rows, and the values in their audit lines (replaced by a hash).
   */
  async forget(clientId: number): Promise<DestructionAct> {
    const act = await this.ctx.db.transaction().execute((trx) => this.forgetIn(trx, clientId));
    await this.compact();
    return act;
  }

  /**
   * Deleted rows leave their bytes in free space until it is reused: the file is rewritten without
   * them, and the WAL, which holds older page images, is emptied.
   */
  private async compact(): Promise<void> {
    await compactAfterErasure(this.ctx.db);
  }

  private async forgetIn(trx: Transaction<Database>, clientId: number): Promise<DestructionAct> {
    const client = await trx.selectFrom('clients').selectAll().where('id', '=', clientId).executeTakeFirst();
    if (!client) throw new AppError('NOT_FOUND', `client ${clientId} not found`);
    const name =
      [client.last_name_ru, client.first_name_ru, client.middle_name_ru].filter(Boolean).join(' ') ||
      [client.last_name_lat, client.first_name_lat].filter(Boolean).join(' ');
    const tripIds = (
      await trx.selectFrom('tourists').select('id').where('client_id', '=', clientId).execute()
    ).map((t) => t.id);
    const count = async (table: 'documents' | 'client_consents') =>
      Number(
        (
          await trx
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('client_id', '=', clientId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const documents = await count('documents');
    const consents = await count('client_consents');
    const answers = await trx
      .deleteFrom('questionnaire_answers')
      .where((eb) =>
        eb.or([
          eb('client_id', '=', clientId),
          ...(tripIds.length > 0 ? [eb('tourist_id', 'in', tripIds)] : []),
        ]),
      )
      .executeTakeFirst();
    if (tripIds.length > 0) {
      await trx
        .updateTable('tourists')
        .set((eb) => ({ ...ANONYMOUS_TOURIST, version: eb('version', '+', 1) }))
        .where('id', 'in', tripIds)
        .execute();
    }
    const undoEntries = await this.removeUndoCopies(trx, clientId, new Set(tripIds));
    const undoEntriesRemoved = undoEntries.length;
    // Documents, consents and search keys go with the card (ON DELETE CASCADE).
    await trx.deleteFrom('clients').where('id', '=', clientId).execute();
    // The person's own lines, and the lines of the undo entries that named them.
    const lines = await trx
      .selectFrom('audit')
      .select(['id', 'changes'])
      .where((eb) =>
        eb.or([
          eb.and([eb('entity', '=', 'client'), eb('entity_id', '=', clientId)]),
          ...(undoEntries.length > 0
            ? [eb.and([eb('entity', '=', 'undo'), eb('entity_id', 'in', undoEntries)])]
            : []),
        ]),
      )
      .execute();
    for (const line of lines) {
      const hash = createHash('sha256').update(line.changes).digest('hex');
      await trx
        .updateTable('audit')
        .set({ changes: JSON.stringify({ erased: hash }) })
        .where('id', '=', line.id)
        .execute();
    }
    const at = timestamp(this.ctx.clock);
    await this.ctx.audit.record(trx, {
      entity: 'client',
      entityId: clientId,
      action: 'forgotten',
      changes: { documents, consents, answers: Number(answers.numDeletedRows), trips: tripIds.length },
    });
    return {
      clientId,
      name,
      at,
      clerk: this.clerk(),
      documents,
      consents,
      answers: Number(answers.numDeletedRows),
      tripsAnonymised: tripIds.length,
      auditEntriesHashed: lines.length,
      undoEntriesRemoved,
      backupsUntil: new Date(this.ctx.clock.now().getTime() + (BACKUP_DAYS_NOTE + 1) * 86_400_000)
        .toISOString()
        .slice(0, 10),
    };
  }

  /** Undo entries that hold a copy of the person's rows cannot be kept: they are removed whole. */
  private async removeUndoCopies(
    trx: Transaction<Database>,
    clientId: number,
    trips: Set<number>,
  ): Promise<number[]> {
    const items = await trx
      .selectFrom('undo_items')
      .select(['entry_id', 'table_name', 'row_key', 'before_rows', 'after_rows'])
      .execute();
    const holds = (table: string, row: Record<string, unknown>) =>
      (table === 'clients' && row.id === clientId) ||
      row.client_id === clientId ||
      (table === 'tourists' && trips.has(row.id as number)) ||
      trips.has(row.tourist_id as number);
    const entries = new Set<number>();
    // An import's items keep only the ids it created: the entry goes when they name the person,
    // since its undo could no longer find every row it made.
    const createdHolds = (item: { table_name: string; row_key: string }) =>
      (item.table_name === 'clients' && createdItemHolds(item.row_key, 'id', clientId)) ||
      createdItemHolds(item.row_key, 'client_id', clientId) ||
      [...trips].some(
        (trip) =>
          (item.table_name === 'tourists' && createdItemHolds(item.row_key, 'id', trip)) ||
          createdItemHolds(item.row_key, 'tourist_id', trip),
      );
    for (const item of items) {
      if (isCreatedItem(item.row_key)) {
        if (createdHolds(item)) entries.add(item.entry_id);
        continue;
      }
      const rows = [
        ...(JSON.parse(item.before_rows) as Record<string, unknown>[]),
        ...(JSON.parse(item.after_rows) as Record<string, unknown>[]),
      ];
      if (rows.some((row) => holds(item.table_name, row))) entries.add(item.entry_id);
    }
    if (entries.size > 0)
      await trx
        .deleteFrom('undo_entries')
        .where('id', 'in', [...entries])
        .execute();
    return [...entries];
  }

  /** Soft-deleted cards older than `days` are forgotten for good; returns how many. */
  async purgeDeleted(days: number): Promise<number> {
    const cutoff = new Date(this.ctx.clock.now().getTime() - days * 86_400_000).toISOString();
    const old = await this.ctx.db
      .selectFrom('clients')
      .select('id')
      .where('deleted_at', 'is not', null)
      .where('deleted_at', '<', cutoff)
      .execute();
    for (const { id } of old) await this.ctx.db.transaction().execute((trx) => this.forgetIn(trx, id));
    if (old.length > 0) await this.compact();
    return old.length;
  }
}
