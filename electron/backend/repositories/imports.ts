import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { flushOnCommit, refreshStatistics, reserveIds, uniqueViolation } from '../db/dialect';
import { AppError } from '../../../shared/api/envelope';
import type { Client, ClientDocument } from '../../../shared/domain/client';
import { travelPassport } from '../../../shared/domain/tourist-client';
import {
  clientFromDraft,
  foreignPassportOf,
  touristFromDraft,
  type TouristDraft,
} from '../../../shared/import';
import { nameKey } from '../../../shared/names';
import { bulkInsert } from '../db/bulk-insert';
import { insertTouristRows } from '../db/prepared-insert';
import type { RepositoryContext } from '../context';
import type { Database } from '../db/schema';
import { timestamp, today } from '../../../shared/domain/clock';
import type { ValidationIssue } from '../../../shared/domain/client-validation';
import { emptyTouristFields, type TouristFields } from '../../../shared/domain/tour';
import { passportIdentity } from '../../../shared/domain/passport';
import { normalizeTouristDocuments, validateTourist } from '../../../shared/domain/tourist-validation';
import { touristColumns } from './tour-mapping';
import { checkClientInput, type CheckedClientInput, type ClientsRepository } from './clients';
import { touristsByClient, withoutTouristsInTour, type SkippedRow } from './duplicates-tourists';

export interface ImportMatch {
  clientId: number;
  name: string;
  birthDate: string | null;
  passport: string;
  /** What makes this the same person besides the surname. */
  reason: 'passport' | 'birthDate';
  /** The draft's passport is newer than any the client has. */
  newerPassport: boolean;
  /** The client is a tourist of the tour already (its list number and name): the row is skipped. */
  inTour: { number: number; name: string } | null;
}

export interface CommitRow {
  draft: TouristDraft;
  action: 'link' | 'create' | 'touristOnly';
  clientId: number | null;
  /** The row number the clerk sees in the grid; errors name it. */
  sourceRow?: number | undefined;
}

export interface CommitResult {
  batchId: number;
  touristsAdded: number;
  clientsCreated: number;
  passportsAdded: number;
  /** Rows whose client is a tourist of the tour already (issue 13): not written. */
  skipped: SkippedRow[];
}

/**
 * From this many rows a commit is a bulk write: fresh planner statistics after it, and on a server a
 * VACUUM, without which every search and count reads the new rows' pages again (index-only scans
 * need all-visible pages; autovacuum comes only after 20% new rows).
 */
const BULK_ROWS = 500;

/** A row checked before the commit writes: its tourist's fields and, to create, its client. */
interface PreparedRow {
  row: CommitRow;
  fields: TouristFields;
  client: CheckedClientInput | null;
}

/** The columns of each row the commit writes, in order: touristColumns' own, then the row's place. */
const touristValueColumns = [
  ...(Object.keys(touristColumns(emptyTouristFields())) as (keyof ReturnType<typeof touristColumns>)[]),
  'id',
  'tour_id',
  'client_id',
  'position',
  'version',
] as const;

/** nameKey, each distinct surname computed once: a list repeats surnames (families, groups). */
function rememberedNameKeys(): (name: string) => string {
  const keys = new Map<string, string>();
  return (name) => {
    let key = keys.get(name);
    if (key === undefined) {
      key = nameKey(name);
      keys.set(name, key);
    }
    return key;
  };
}

async function committedWith(db: Kysely<Database>, key: string): Promise<CommitResult | undefined> {
  const row = await db
    .selectFrom('import_commits')
    .select('result')
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? { skipped: [], ...(JSON.parse(row.result) as Omit<CommitResult, 'skipped'>) } : undefined;
}

/**
 * A passport from a list is added to a regular client only when it is newer than the one the client
 * travels on (or the client has none): an old list never brings back an expired passport.
 */
function isNewerPassport(expiry: string | null, current: ClientDocument | undefined): boolean {
  if (!current) return true;
  if (!current.expiryDate) return false;
  return expiry !== null && expiry > current.expiryDate;
}

export class ImportsRepository {
  constructor(
    private readonly ctx: RepositoryContext,
    private readonly clients: ClientsRepository,
    /** Runs once the rows are known to be valid and new, just before anything is written. */
    private readonly beforeWrite: () => Promise<void> | void = () => undefined,
    /** The file's connection (SQLite), for the tourists' prepared insert; null on a server. */
    private readonly sqlite: BetterSqlite3.Database | null = null,
  ) {}

  /** Each draft against the base: the same surname (any script) and the same birth date or passport. */
  async match(drafts: TouristDraft[], tourId: number | null = null): Promise<ImportMatch[][]> {
    const inTour = tourId === null ? new Map() : await touristsByClient(this.ctx.db, tourId);
    const keys = [
      ...new Set(drafts.map((d) => nameKey(d.lastNameRu || d.lastNameLat || '')).filter(Boolean)),
    ];
    if (keys.length === 0) return drafts.map(() => []);
    const ids: { key: string; client_id: number }[] = [];
    for (let i = 0; i < keys.length; i += 500) {
      ids.push(
        ...(await this.ctx.db
          .selectFrom('client_search_keys')
          .select(['key', 'client_id'])
          .where('key', 'in', keys.slice(i, i + 500))
          .execute()),
      );
    }
    const clients = new Map(
      (await this.clients.getMany([...new Set(ids.map((r) => r.client_id))])).map((c) => [c.id, c]),
    );
    const byKey = new Map<string, Client[]>();
    for (const r of ids) {
      const c = clients.get(r.client_id);
      if (c) byKey.set(r.key, [...(byKey.get(r.key) ?? []), c]);
    }
    return drafts.map((d) => {
      const candidates = byKey.get(nameKey(d.lastNameRu || d.lastNameLat || '')) ?? [];
      const passport = d.passportNumber ? passportIdentity('', d.passportNumber) : '';
      return candidates.flatMap((c): ImportMatch[] => {
        const docs = c.documents.filter((doc) => doc.kind === 'foreign_passport');
        const samePassport =
          passport !== '' &&
          docs.some(
            (doc) =>
              passportIdentity(doc.series, doc.number) === passport ||
              passportIdentity('', doc.number) === passport,
          );
        const sameBirth = d.birthDate !== undefined && c.birthDate === d.birthDate;
        if (!samePassport && !sameBirth) return [];
        const current = travelPassport(c.documents);
        return [
          {
            clientId: c.id,
            name:
              [c.lastNameRu, c.firstNameRu, c.middleNameRu].filter(Boolean).join(' ') ||
              [c.lastNameLat, c.firstNameLat].join(' '),
            birthDate: c.birthDate,
            passport: current ? `${current.series} ${current.number}`.trim() : '',
            reason: samePassport ? 'passport' : 'birthDate',
            newerPassport:
              passport !== '' && !samePassport && isNewerPassport(d.passportExpiry ?? null, current),
            inTour: inTour.get(c.id) ?? null,
          },
        ];
      });
    });
  }

  /**
   * Writes every row in one transaction: regular clients created (in bulk) or given their newer
   * passport, tourists added to the tour (in bulk) and bound to the chosen services. Every row is
   * checked before anything is written; nothing is written on any error, which names the row as the
   * grid numbers it. The change is one entry of the undo journal, whose id is the import's.
   * A commit carrying the key of one already written answers that one's result and writes nothing:
   * the clerk's retry after a lost reply never loads the rows twice.
   */
  async commit(request: {
    idempotencyKey?: string | undefined;
    tourId: number | null;
    serviceIds: number[];
    rows: CommitRow[];
  }): Promise<CommitResult> {
    const key = request.idempotencyKey;
    const earlier = key === undefined ? undefined : await committedWith(this.ctx.db, key);
    if (earlier) return earlier;
    const day = today(this.ctx.clock);
    const prepared = request.rows.map((row, index): PreparedRow => {
      const fields = normalizeTouristDocuments(touristFromDraft(row.draft));
      const shown = row.sourceRow ?? index + 1;
      const refuse = (what: string, issues: ValidationIssue[]) =>
        new AppError(
          'VALIDATION',
          `row ${shown}: the ${what} has invalid fields`,
          issues.map((i) => ({ ...i, path: `${index}.${i.path}`, params: { ...i.params, row: shown } })),
        );
      const issues = validateTourist(fields, day);
      if (issues.length > 0) throw refuse('tourist', issues);
      if (row.action !== 'create') return { row, fields, client: null };
      // The regular client made of the row is checked here, once, so its error names the grid row.
      const client = checkClientInput(clientFromDraft(row.draft), day);
      if (!client.ok) throw refuse('client', client.issues);
      return { row, fields, client: client.input };
    });
    await this.beforeWrite();
    try {
      const result = await this.commitOnce(request, prepared);
      if (result.clientsCreated + result.touristsAdded >= BULK_ROWS)
        // The rows are committed whatever happens here: statistics only speed reads up, and the
        // server's autovacuum catches up later, so a failure must not turn the import into an error.
        await refreshStatistics(this.ctx.db, [
          'clients',
          'documents',
          'client_search_keys',
          'tourists',
        ]).catch(() => undefined);
      return result;
    } catch (error) {
      // On a server two retries can both pass the check: the second's key insert then waits for
      // the first and is refused; its rows were never committed, and the first result stands.
      if (key !== undefined && uniqueViolation(error)?.table === 'import_commits') {
        const done = await committedWith(this.ctx.db, key);
        if (done) return done;
      }
      throw error;
    }
  }

  private async commitOnce(
    request: { idempotencyKey?: string | undefined; tourId: number | null; serviceIds: number[] },
    prepared: PreparedRow[],
  ): Promise<CommitResult> {
    const key = request.idempotencyKey;
    return this.ctx.db.transaction().execute(async (trx) => {
      if (prepared.length >= BULK_ROWS) await flushOnCommit(trx);
      // Checked again under the write lock: the first attempt may have committed meanwhile.
      const done = key === undefined ? undefined : await committedWith(trx, key);
      if (done) return done;
      let services: number[] = [];
      let voucher = '';
      if (request.tourId !== null) {
        const tour = await trx
          .selectFrom('tours')
          .select(['id', 'voucher'])
          .where('id', '=', request.tourId)
          .executeTakeFirst();
        if (!tour) throw new AppError('NOT_FOUND', `tour ${request.tourId} not found`);
        voucher = tour.voucher;
        if (request.serviceIds.length > 0) {
          services = (
            await trx
              .selectFrom('tour_services')
              .select('id')
              .where('tour_id', '=', request.tourId)
              .where('id', 'in', request.serviceIds)
              .execute()
          ).map((s) => s.id);
          if (services.length !== new Set(request.serviceIds).size)
            throw new AppError(
              'NOT_FOUND',
              `a service of ${request.serviceIds.join(', ')} is not in the tour`,
            );
        }
      }
      const { kept, skipped } = await withoutTouristsInTour(trx, request.tourId, prepared);
      const change = this.ctx.journal.begin(trx);

      const creating = kept.flatMap(({ row, client }) => (client === null ? [] : [{ row, client }]));
      const newIds = await this.clients.insertCheckedIn(
        trx,
        creating.map((p) => p.client),
      );
      if (newIds.length > 0) {
        change.createdRows({ table: 'clients', column: 'id', ids: newIds, version: 1 });
        change.createdRows({ table: 'documents', column: 'client_id', ids: newIds });
        change.createdRows({ table: 'client_search_keys', column: 'client_id', ids: newIds });
      }
      const clientOf = new Map<CommitRow, number>();
      creating.forEach((p, i) => clientOf.set(p.row, newIds[i]!));

      let passportsAdded = 0;
      // Every linked row of the list, skipped ones too: a skip keeps the person from being a tourist
      // twice, but the newer passport a later row carries still belongs on the client's card.
      for (const { row } of prepared) {
        if (row.action !== 'link' || row.clientId === null) continue;
        clientOf.set(row, row.clientId);
        const client = await this.clients.getIn(trx, row.clientId);
        const passport = foreignPassportOf(row.draft);
        if (!passport) continue;
        const identity = passportIdentity(passport.series, passport.number);
        const known = client.documents.some(
          (d) => d.kind === 'foreign_passport' && passportIdentity(d.series, d.number) === identity,
        );
        if (known || !isNewerPassport(passport.expiryDate, travelPassport(client.documents))) continue;
        await change.touch('clients', { id: client.id });
        await change.touch('documents', { client_id: client.id });
        await change.touch('client_search_keys', { client_id: client.id });
        await this.clients.saveIn(trx, { ...client, documents: [...client.documents, passport] });
        passportsAdded++;
      }

      let touristsAdded = 0;
      if (request.tourId !== null && kept.length > 0) {
        const tourId = request.tourId;
        const maxPosition = await trx
          .selectFrom('tourists')
          .select((eb) => eb.fn.max('position').as('p'))
          .where('tour_id', '=', tourId)
          .executeTakeFirst();
        const firstId = await reserveIds(trx, 'tourists', kept.length);
        const firstPosition = Number(maxPosition?.p ?? -1) + 1;
        const keyOf = rememberedNameKeys();
        const touristIds = kept.map((_, i) => firstId + i);
        const rows = kept.map(({ row, fields }, i) => [
          ...Object.values(touristColumns(fields, keyOf)),
          touristIds[i],
          tourId,
          clientOf.get(row) ?? null,
          firstPosition + i,
          1,
        ]);
        await insertTouristRows(trx, this.sqlite, { columns: touristValueColumns, rows });
        await bulkInsert(
          trx,
          'tourist_services',
          touristIds.flatMap((tourist_id) => services.map((service_id) => ({ tourist_id, service_id }))),
        );
        change.createdRows({ table: 'tourists', column: 'id', ids: touristIds, version: 1 });
        change.createdRows({
          table: 'tourist_services',
          column: 'tourist_id',
          ids: touristIds,
          within: { column: 'service_id', values: services },
        });
        touristsAdded = touristIds.length;
      }
      // tourId: the live update tells another clerk's open card of this tour (live/notify.ts).
      const summary = {
        touristsAdded,
        clientsCreated: newIds.length,
        passportsAdded,
        voucher,
        ...(request.tourId !== null ? { tourId: request.tourId } : {}),
      };
      const batchId = await change.finish('import', summary);
      const result = { batchId, touristsAdded, clientsCreated: newIds.length, passportsAdded, skipped };
      if (key !== undefined) {
        await trx
          .insertInto('import_commits')
          .values({ key, entry_id: batchId, result: JSON.stringify(result), at: timestamp(this.ctx.clock) })
          .execute();
      }
      return result;
    });
  }

  /** Undoes a whole import through the undo journal: refused when anything it wrote was changed since. */
  async undo(batchId: number) {
    const entry = await this.ctx.journal.undo(batchId);
    const count = (key: string) => Number(entry.summary[key] ?? 0);
    return {
      touristsRemoved: count('touristsAdded'),
      clientsRemoved: count('clientsCreated'),
      passportsRemoved: count('passportsAdded'),
    };
  }
}
