import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import { flushOnCommit, refreshStatistics, reserveIds } from '../db/dialect';
import type { z } from 'zod';
import type { clientListQuerySchema } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/envelope';
import type { Client, ClientInput, ClientSortColumn } from '../../../shared/domain/client';
import {
  normalizeClientInput,
  validateClient,
  type ValidationIssue,
} from '../../../shared/domain/client-validation';
import { addMonths } from '../../../shared/domain/dates';
import { timestamp, today } from '../../../shared/domain/clock';
import { compactDocumentNumber } from '../../../shared/domain/passport';
import { nameKey } from '../../../shared/names';
import type { Database } from '../db/schema';
import { bulkInsert } from '../db/bulk-insert';
import { prefixRangeEnd } from '../db/key-range';
import { cursorScope, decodeCursor, encodeCursor, rowAfter } from '../db/keyset';
import { clientPage, countClients, countSearch, type ClientPage } from './client-paging';
import { describeClientChanges } from '../history/audit';
import { findByIdentifier, identifiedPage } from './client-identifiers';
import type { RepositoryContext } from '../context';
import {
  clientColumns,
  documentColumns,
  searchKeyRows,
  searchKeysOf,
  toClient,
  toClientRow,
} from './client-mapping';

type ListQuery = z.output<ReturnType<typeof clientListQuerySchema>>;

const SORT_COLUMNS: Record<
  ClientSortColumn,
  'sort_name' | 'sort_name_lat' | 'birth_date' | 'citizenship' | 'passport_expiry' | 'updated_at'
> = {
  name: 'sort_name',
  nameLat: 'sort_name_lat',
  birthDate: 'birth_date',
  citizenship: 'citizenship',
  passportExpiry: 'passport_expiry',
  updatedAt: 'updated_at',
};

export interface LookupCriteria {
  lastName: string;
  firstName: string;
  passportNumber: string;
  internalPassport: string;
  birthDate: string | null;
  cardLast4: string;
  limit?: number;
  after?: string | null;
}

const LOOKUP_LIMIT = 50;

declare const checkedClient: unique symbol;
/** A client input normalized and validated by checkClientInput: insertCheckedIn takes it as it is. */
export type CheckedClientInput = ClientInput & { readonly [checkedClient]: true };

/** A new client as it would be saved, or what is wrong with it (paths of the client's fields). */
export function checkClientInput(
  raw: ClientInput,
  day: string,
): { ok: true; input: CheckedClientInput } | { ok: false; issues: ValidationIssue[] } {
  const input = normalizeClientInput(raw);
  const issues = validateClient(input, day);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, input: input as CheckedClientInput };
}

export class ClientsRepository {
  readonly db: Kysely<Database>;

  constructor(private readonly ctx: RepositoryContext) {
    this.db = ctx.db;
  }

  private today(): string {
    return today(this.ctx.clock);
  }

  async list(query: ListQuery): Promise<ClientPage> {
    // A passport, phone, e-mail or "surname first-name" (issue 13) is found through its own index.
    const byIdentifier = await findByIdentifier(this.db, query.search);
    const key = byIdentifier === null ? nameKey(query.search) : '';
    const onlySearch =
      query.citizenship === '' &&
      query.passportExpiresWithinMonths === null &&
      query.birthdayMonth === null &&
      query.consent === null;
    if (key !== '' && onlySearch && query.sort === 'name') return this.searchBySurname(key, query);
    if (byIdentifier !== null && onlySearch) return identifiedPage(this.db, byIdentifier, query);

    let base = this.db.selectFrom('clients').where('clients.deleted_at', 'is', null);
    if (byIdentifier !== null) base = base.where('clients.id', 'in', [0, ...byIdentifier]);
    if (key !== '') {
      base = base.where('clients.id', 'in', (eb) =>
        eb
          .selectFrom('client_search_keys')
          .select('client_id')
          .where('key', '>=', key)
          .where('key', '<', prefixRangeEnd(key)),
      );
    }
    if (query.citizenship !== '') base = base.where('clients.citizenship', '=', query.citizenship);
    if (query.passportExpiresWithinMonths !== null) {
      base = base
        .where('clients.passport_expiry', 'is not', null)
        .where('clients.passport_expiry', '<=', addMonths(this.today(), query.passportExpiresWithinMonths));
    }
    if (query.consent !== null) {
      const day = this.today();
      const inForce = (scope: string) => (eb: ExpressionBuilder<Database, 'clients'>) =>
        eb.exists(
          eb
            .selectFrom('client_consents')
            .select('client_consents.id')
            .whereRef('client_consents.client_id', '=', 'clients.id')
            .where('client_consents.scope', '=', scope as 'processing')
            .where('client_consents.given_on', '<=', day)
            .where((w) =>
              w.or([
                w('client_consents.withdrawn_on', 'is', null),
                w('client_consents.withdrawn_on', '>', day),
              ]),
            ),
        );
      base =
        query.consent === 'none'
          ? base.where((eb) => eb.not(inForce('processing')(eb)))
          : base.where(inForce(query.consent));
    }
    if (query.birthdayMonth !== null) {
      const month = String(query.birthdayMonth).padStart(2, '0');
      base = base.where(sql<string>`substr(clients.birth_date, 6, 2)`, '=', month);
    }
    const column = SORT_COLUMNS[query.sort];
    // The page and the count at once: on a server they are two connections' round trips in parallel.
    const [page, counted] = await Promise.all([
      clientPage(base, {
        column,
        direction: query.direction,
        limit: query.limit,
        offset: query.offset,
        after: query.after,
        scope: cursorScope('clients.list', query),
        oneCitizenship: query.citizenship !== '',
        jumpDb: this.db,
      }),
      // Always true (sort_name is NOT NULL); it lets the planner count through the small partial
      // index instead of reading every row of the table.
      query.count ? countClients(this.db, base.where('clients.sort_name', '>=', '')) : null,
    ]);
    return {
      total: counted?.total ?? null,
      totalExact: counted?.exact ?? false,
      next: page.next,
      rows: page.records.map(toClientRow),
    };
  }

  /**
   * The clerk's everyday search: a surname prefix in either script, ordered by surname key, then
   * name. Counting and paging are range scans of client_search_keys alone; only the rows of the
   * page are read from clients, joined to the page's keys in the same statement (on a server a
   * second statement was a round trip of its own).
   */
  private async searchBySurname(key: string, query: ListQuery): Promise<ClientPage> {
    const inRange = this.db
      .selectFrom('client_search_keys')
      .where('key', '>=', key)
      .where('key', '<', prefixRangeEnd(key))
      .where('prev_lcp', '<', key.length);
    const scope = cursorScope('clients.list', query);
    const keyColumns = ['key', 'sort_name', 'client_id'];
    const keysOfPage = inRange
      .select(['key', 'sort_name', 'client_id'])
      .$if(query.after !== null, (q) =>
        q.where(rowAfter(keyColumns, decodeCursor(query.after ?? '', scope, 3), query.direction)),
      )
      .orderBy('key', query.direction)
      .orderBy('sort_name', query.direction)
      .orderBy('client_id', query.direction)
      .limit(query.limit)
      .$if(query.after === null, (q) => q.offset(query.offset));
    const rowsOfPage = this.db
      .selectFrom(keysOfPage.as('page'))
      .innerJoin('clients', 'clients.id', 'page.client_id')
      .selectAll('clients')
      .select(['page.key as page_key', 'page.sort_name as page_sort_name'])
      .orderBy('page.key', query.direction)
      .orderBy('page.sort_name', query.direction)
      .orderBy('page.client_id', query.direction);
    const [records, counted] = await Promise.all([
      rowsOfPage.execute(),
      query.count ? countSearch(this.db, inRange) : null,
    ]);
    const last = records[records.length - 1];
    return {
      total: counted?.total ?? null,
      totalExact: counted?.exact ?? false,
      next:
        last && records.length === query.limit
          ? encodeCursor(scope, [last.page_key, last.page_sort_name, last.id])
          : null,
      rows: records.map(toClientRow),
    };
  }

  /**
   * R1: the regular clients with exactly this surname (in any script or spelling), narrowed by
   * whatever else the clerk knows: first name, foreign or internal passport, birth date, card digits.
   */
  /**
   * The clients a tourist may be: by passport or card number, or by surname with the other criteria.
   * A page of `limit` candidates in name order; `next` reads on after the last one (keyset on
   * sort_name, id), a cursor of other criteria being refused as `cursorStale`.
   */
  async lookup(
    criteria: LookupCriteria,
  ): Promise<{ total: number; candidates: Client[]; next: string | null }> {
    const { limit = LOOKUP_LIMIT, after = null, ...query } = criteria;
    const scope = cursorScope('clients.lookup', { ...query });
    const from = after === null ? null : decodeCursor(after, scope, 2);
    const byIdentifier = await findByIdentifier(this.db, criteria.lastName);
    if (byIdentifier !== null && byIdentifier.length > 0) {
      // A passport or card number names a handful of clients: paged by id.
      const rest = byIdentifier.filter((id) => from === null || id > Number(from[1]));
      const page = rest.slice(0, limit);
      const last = page[page.length - 1];
      return {
        total: byIdentifier.length,
        candidates: await this.getMany(page),
        next: rest.length > limit && last !== undefined ? encodeCursor(scope, ['', last]) : null,
      };
    }
    const key = nameKey(criteria.lastName);
    if (key === '') return { total: 0, candidates: [], next: null };
    let q = this.db
      .selectFrom('clients')
      .select(['clients.id', 'clients.sort_name', 'clients.first_name_ru', 'clients.first_name_lat'])
      .where('clients.deleted_at', 'is', null)
      .where('clients.id', 'in', (eb) =>
        eb.selectFrom('client_search_keys').select('client_id').where('key', '=', key),
      );
    if (criteria.birthDate) q = q.where('clients.birth_date', '=', criteria.birthDate);
    const card = criteria.cardLast4.replace(/\D/g, '');
    if (card !== '') q = q.where('clients.card_last4', '=', card);
    for (const [kind, typed] of [
      ['foreign_passport', criteria.passportNumber],
      ['internal_passport', criteria.internalPassport],
    ] as const) {
      const digits = compactDocumentNumber(typed);
      if (digits === '') continue;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('documents')
            .select('documents.id')
            .whereRef('documents.client_id', '=', 'clients.id')
            .where('documents.kind', '=', kind)
            .where((d) =>
              d.or([
                d('documents.number', '=', digits),
                d(sql<string>`documents.series || documents.number`, '=', digits),
              ]),
            ),
        ),
      );
    }
    // Every client with this surname is read (a surname is a few hundred clients at most), so the
    // first-name filter and the total never depend on a cap; the page starts after the cursor's row
    // in the same SQL order, so both dialects agree on what "after" means.
    const firstKey = nameKey(criteria.firstName);
    const matches = <R extends { first_name_ru: string; first_name_lat: string }>(rows: R[]) =>
      firstKey === ''
        ? rows
        : rows.filter(
            (r) =>
              nameKey(r.first_name_ru).startsWith(firstKey) || nameKey(r.first_name_lat).startsWith(firstKey),
          );
    const ordered = q.orderBy('clients.sort_name').orderBy('clients.id');
    const all = matches(await ordered.execute());
    const rest =
      from === null
        ? all
        : matches(await ordered.where(rowAfter(['clients.sort_name', 'clients.id'], from, 'asc')).execute());
    const page = rest.slice(0, limit);
    const last = page[page.length - 1];
    return {
      total: all.length,
      candidates: await this.getMany(page.map((r) => r.id)),
      next: rest.length > limit && last ? encodeCursor(scope, [last.sort_name, last.id]) : null,
    };
  }

  /** Several live clients with their documents in two queries, in the order of `ids`. */
  async getMany(ids: number[]): Promise<Client[]> {
    if (ids.length === 0) return [];
    const [records, documents] = await Promise.all([
      this.db
        .selectFrom('clients')
        .selectAll()
        .where('id', 'in', ids)
        .where('deleted_at', 'is', null)
        .execute(),
      this.db
        .selectFrom('documents')
        .selectAll()
        .where('client_id', 'in', ids)
        .orderBy('archived')
        .orderBy('id')
        .execute(),
    ]);
    const byClient = new Map<number, typeof documents>();
    for (const d of documents) byClient.set(d.client_id, [...(byClient.get(d.client_id) ?? []), d]);
    const byId = new Map(records.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const record = byId.get(id);
      return record ? [toClient(record, byClient.get(id) ?? [])] : [];
    });
  }

  async get(id: number, options: { includeDeleted?: boolean } = {}): Promise<Client> {
    return this.getIn(this.db, id, options);
  }

  async getIn(db: Kysely<Database>, id: number, options: { includeDeleted?: boolean } = {}): Promise<Client> {
    let q = db.selectFrom('clients').selectAll().where('id', '=', id);
    if (!options.includeDeleted) q = q.where('deleted_at', 'is', null);
    const record = await q.executeTakeFirst();
    if (!record) throw new AppError('NOT_FOUND', `client ${id} not found`);
    const documents = await db
      .selectFrom('documents')
      .selectAll()
      .where('client_id', '=', id)
      .orderBy('archived')
      .orderBy('id')
      .execute();
    return toClient(record, documents);
  }

  /** Creates or updates a client with its documents in one transaction; a stale version is refused. */
  async save(raw: ClientInput): Promise<Client> {
    return this.db.transaction().execute((trx) => this.saveIn(trx, raw));
  }

  /** The same as save, inside a transaction the caller owns (a tourist saved with its client). */
  async saveIn(trx: Transaction<Database>, raw: ClientInput): Promise<Client> {
    const input = normalizeClientInput(raw);
    const issues = validateClient(input, this.today());
    if (issues.length > 0) throw new AppError('VALIDATION', 'the client has invalid fields', issues);
    const now = timestamp(this.ctx.clock);
    const columns = clientColumns(input);
    let id: number;
    let before: Client | null = null;
    if (input.id === undefined) {
      const inserted = await trx
        .insertInto('clients')
        .values({ ...columns, version: 1, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = inserted.id;
    } else {
      id = input.id;
      if (input.version === undefined)
        throw new AppError('BAD_INPUT', 'version is required to update a client');
      before = await this.getIn(trx, id);
      const result = await trx
        .updateTable('clients')
        .set({ ...columns, version: input.version + 1, updated_at: now })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        throw new AppError('STALE_VERSION', `client ${id} was changed since version ${input.version}`);
      }
    }
    await this.replaceDocuments(trx, id, input);
    await this.replaceSearchKeys(trx, id, input, columns.sort_name);
    const after = await this.getIn(trx, id);
    await this.ctx.audit.record(trx, {
      entity: 'client',
      entityId: id,
      action: before ? 'update' : 'create',
      changes: describeClientChanges(before, after),
    });
    return after;
  }

  /**
   * Adds many new clients in one transaction (demo data, benchmarks, and later bulk imports). Each is
   * validated like a single save; one invalid client rejects the whole batch with its index.
   */
  async insertMany(raw: ClientInput[]): Promise<number> {
    const ids = await this.db.transaction().execute(async (trx) => {
      await flushOnCommit(trx);
      const inserted = await this.insertManyIn(trx, raw);
      await this.ctx.audit.record(trx, {
        entity: 'client',
        entityId: null,
        action: 'create',
        changes: { count: inserted.length, firstId: inserted[0] ?? 0 },
      });
      return inserted;
    });
    // Fresh statistics let the planner choose between the search-key and the sort index.
    await refreshStatistics(this.db, ['clients', 'documents', 'client_search_keys']);
    return ids.length;
  }

  /**
   * insertMany inside the caller's transaction; returns the new ids in input order. Every client is
   * validated first: one invalid client rejects the batch, named by its index.
   */
  async insertManyIn(trx: Transaction<Database>, raw: ClientInput[]): Promise<number[]> {
    const day = this.today();
    const inputs = raw.map((client, index) => {
      const checked = checkClientInput(client, day);
      if (!checked.ok) {
        throw new AppError(
          'VALIDATION',
          `client ${index + 1} has invalid fields`,
          checked.issues.map((i) => ({ ...i, path: `${index}.${i.path}` })),
        );
      }
      return checked.input;
    });
    return this.insertCheckedIn(trx, inputs);
  }

  /** insertManyIn of clients checked already (an import checks them up front, naming grid rows). */
  async insertCheckedIn(
    trx: Transaction<Database>,
    inputs: readonly CheckedClientInput[],
  ): Promise<number[]> {
    if (inputs.length === 0) return [];
    const now = timestamp(this.ctx.clock);
    const firstId = await reserveIds(trx, 'clients', inputs.length);
    const prepared = inputs.map((input, i) => ({ input, id: firstId + i, columns: clientColumns(input) }));
    await bulkInsert(
      trx,
      'clients',
      prepared.map(({ id, columns }) => ({ ...columns, id, version: 1, created_at: now, updated_at: now })),
    );
    await bulkInsert(
      trx,
      'documents',
      prepared.flatMap(({ input, id }) =>
        input.documents.map((d) => ({ ...documentColumns(d), client_id: id })),
      ),
    );
    await bulkInsert(
      trx,
      'client_search_keys',
      prepared.flatMap(({ input, id, columns }) => searchKeyRows(id, columns.sort_name, searchKeysOf(input))),
    );
    return prepared.map((p) => p.id);
  }

  /** A soft delete, recorded in the undo journal: undo brings the same card back with its documents. */
  async delete(id: number, version: number): Promise<{ id: number; undoId: number }> {
    return this.db.transaction().execute(async (trx) => {
      const client = await this.getIn(trx, id);
      const change = this.ctx.journal.begin(trx);
      await change.touch('clients', { id });
      await change.touch('client_search_keys', { client_id: id });
      const now = timestamp(this.ctx.clock);
      const result = await trx
        .updateTable('clients')
        .set({ deleted_at: now, version: version + 1, updated_at: now })
        .where('id', '=', id)
        .where('version', '=', version)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        throw new AppError('STALE_VERSION', `client ${id} was changed since version ${version}`);
      }
      await trx.deleteFrom('client_search_keys').where('client_id', '=', id).execute();
      await this.ctx.audit.record(trx, { entity: 'client', entityId: id, action: 'delete' });
      const name =
        [client.lastNameRu, client.firstNameRu].filter(Boolean).join(' ') ||
        [client.lastNameLat, client.firstNameLat].filter(Boolean).join(' ');
      const undoId = await change.finish('clients.delete', { name });
      return { id, undoId };
    });
  }

  async citizenships(): Promise<{ code: string; count: number }[]> {
    const rows = await this.db
      .selectFrom('clients')
      .select(['citizenship as code', (eb) => eb.fn.countAll<number>().as('count')])
      .where('deleted_at', 'is', null)
      .where('citizenship', '!=', '')
      .groupBy('citizenship')
      .orderBy('count', 'desc')
      .execute();
    return rows.map((r) => ({ code: r.code, count: Number(r.count) }));
  }

  private async replaceDocuments(
    trx: Transaction<Database>,
    clientId: number,
    input: ClientInput,
  ): Promise<void> {
    const existing = await trx
      .selectFrom('documents')
      .select('id')
      .where('client_id', '=', clientId)
      .execute();
    const existingIds = new Set(existing.map((d) => d.id));
    const keptIds = new Set<number>();
    for (const doc of input.documents) {
      // A document id that is not this client's is refused: saving it as a new one would lose the edit.
      if (doc.id !== undefined && !existingIds.has(doc.id))
        throw new AppError('NOT_FOUND', `document ${doc.id} of client ${clientId} not found`);
      if (doc.id !== undefined) {
        keptIds.add(doc.id);
        await trx.updateTable('documents').set(documentColumns(doc)).where('id', '=', doc.id).execute();
      } else {
        await trx
          .insertInto('documents')
          .values({ ...documentColumns(doc), client_id: clientId })
          .execute();
      }
    }
    const removed = [...existingIds].filter((docId) => !keptIds.has(docId));
    if (removed.length > 0) await trx.deleteFrom('documents').where('id', 'in', removed).execute();
  }

  private async replaceSearchKeys(
    trx: Transaction<Database>,
    clientId: number,
    input: Parameters<typeof searchKeysOf>[0],
    sortName: string,
  ): Promise<void> {
    await trx.deleteFrom('client_search_keys').where('client_id', '=', clientId).execute();
    await trx
      .insertInto('client_search_keys')
      .values(searchKeyRows(clientId, sortName, searchKeysOf(input)))
      .execute();
  }
}
