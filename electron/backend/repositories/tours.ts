import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { cursorScope, decodeCursor, encodeCursor, type KeyValue } from '../db/keyset';
import { AppError } from '../../../shared/api/envelope';
import type { Client } from '../../../shared/domain/client';
import type {
  Tour,
  TourInput,
  TourRow,
  TourSortColumn,
  TourStatus,
  Tourist,
  TouristFields,
  ClientSyncField,
} from '../../../shared/domain/tour';
import { applyTouristToClient, clientFromTourist } from '../../../shared/domain/tourist-client';
import {
  normalizeTouristDocuments,
  validateTour,
  validateTourist,
} from '../../../shared/domain/tourist-validation';
import { timestamp, today } from '../../../shared/domain/clock';
import { addDays } from '../../../shared/domain/dates';
import type { RepositoryContext } from '../context';
import { refuseTouristTwice } from './duplicates-tourists';
import { nameKey } from '../../../shared/names';
import type { Database } from '../db/schema';
import { prefixRangeEnd } from '../db/key-range';
import type { ClientsRepository } from './clients';
import {
  displayTouristName,
  serviceColumns,
  toService,
  touristColumns,
  toTourist,
  tourColumns,
} from './tour-mapping';

export interface TourQuery {
  voucher: string;
  touristName: string;
  createdFrom: string | null;
  createdTo: string | null;
  arrivalFrom: string | null;
  arrivalTo: string | null;
  /** Three-letter code; '' or absent for any country. */
  country?: string;
  status?: TourStatus | null;
  /** Newest created first when absent. */
  sort?: TourSortColumn;
  direction?: 'asc' | 'desc';
  limit: number;
  /** The `next` cursor of the previous page. */
  after?: string | null;
  /** Without `after`: how many tours of the list to skip. */
  offset?: number;
}

/** What `copy` makes of a tour: a new voucher, dates moved by whole days, the tourists or not. */
export interface TourCopy {
  id: number;
  voucher: string;
  shiftDays: number;
  withTourists: boolean;
}

const SORT_EXPRESSIONS: Record<TourSortColumn, string> = {
  createdAt: 'tours.created_at',
  voucher: 'tours.voucher',
  arrivalDate: 'tours.arrival_date',
  departureDate: 'tours.departure_date',
  country: 'tours.country',
  hotel: 'tours.hotel',
  status: 'tours.status',
  touristCount: 'tourist_count',
};

export interface TouristSave {
  tourId: number;
  tourist: TouristFields & {
    id?: number | undefined;
    version?: number | undefined;
    clientId: number | null;
    serviceIds: number[];
  };
  /** R2: make a regular client of this tourist on save. */
  addToClients: boolean;
  /** R3: copy these fields to the linked client, which must still be at this version. */
  updateClient: { clientVersion: number; fields: ClientSyncField[] } | null;
}

/** The tours column a sort reads (all but the tourist count, which is counted per row). */
function sortColumnOf(
  sort: TourSortColumn,
): 'created_at' | 'voucher' | 'arrival_date' | 'departure_date' | 'country' | 'hotel' | 'status' {
  return SORT_EXPRESSIONS[sort === 'touristCount' ? 'createdAt' : sort].replace('tours.', '') as ReturnType<
    typeof sortColumnOf
  >;
}

/** The sort value as a WHERE clause can use it: the tourist count is a subquery there, not an alias. */
function sortExpression(sort: TourSortColumn): RawBuilder<KeyValue> {
  return sort === 'touristCount'
    ? sql<KeyValue>`(SELECT count(*) FROM tourists WHERE tourists.tour_id = tours.id)`
    : sql<KeyValue>`${sql.ref(SORT_EXPRESSIONS[sort])}`;
}

/**
 * The tours after a cursor [absent, value, id] in the list's order: tours with the value by (value,
 * id), then those without it by id, last in either direction (as the list shows them).
 */
function tourAfter(
  expression: RawBuilder<KeyValue>,
  [absent, value, id]: KeyValue[],
  direction: 'asc' | 'desc',
): RawBuilder<boolean> {
  const beyond = direction === 'asc' ? sql`>` : sql`<`;
  if (absent === 1) return sql<boolean>`(${expression} IS NULL AND tours.id ${beyond} ${id})`;
  return sql<boolean>`((${expression} IS NOT NULL AND (${expression}, tours.id) ${beyond} (${value}, ${id})) OR ${expression} IS NULL)`;
}

const nextDay = (iso: string) => `${iso}T99`; // created_at is an ISO timestamp; this bounds the whole day

export class ToursRepository {
  private readonly db: Kysely<Database>;

  constructor(
    private readonly ctx: RepositoryContext,
    private readonly clients: ClientsRepository,
  ) {
    this.db = ctx.db;
  }

  /**
   * R8 "find tour" and the tours list: by voucher, tourist surname in either script, creation and
   * arrival periods, country and status, sorted by any listed column (ties by id, newest first).
   * The one query of the list: paging changes belong here.
   */
  async list(q: TourQuery): Promise<{ total: number; next: string | null; rows: TourRow[] }> {
    let base = this.db.selectFrom('tours');
    const country = (q.country ?? '').trim().toUpperCase();
    if (country !== '') base = base.where('tours.country', '=', country);
    if (q.status) base = base.where('tours.status', '=', q.status);
    const direction = q.direction ?? 'desc';
    const voucher = q.voucher.trim();
    if (voucher !== '')
      base = base.where('tours.voucher', '>=', voucher).where('tours.voucher', '<', voucher + '\uffff');
    if (q.createdFrom) base = base.where('tours.created_at', '>=', q.createdFrom);
    if (q.createdTo) base = base.where('tours.created_at', '<', nextDay(q.createdTo));
    if (q.arrivalFrom) base = base.where('tours.arrival_date', '>=', q.arrivalFrom);
    if (q.arrivalTo) base = base.where('tours.arrival_date', '<=', q.arrivalTo);
    const key = nameKey(q.touristName);
    if (key !== '') {
      base = base.where((eb) =>
        eb.or([
          eb(
            'tours.id',
            'in',
            eb
              .selectFrom('tourists')
              .select('tour_id')
              .where('name_key', '>=', key)
              .where('name_key', '<', prefixRangeEnd(key)),
          ),
          eb(
            'tours.id',
            'in',
            eb
              .selectFrom('tourists')
              .select('tour_id')
              .where('name_key_lat', '>=', key)
              .where('name_key_lat', '<', prefixRangeEnd(key)),
          ),
        ]),
      );
    }
    const scope = cursorScope('tours.list', { ...q });
    const sortKey = sortExpression(q.sort ?? 'createdAt');
    const [count, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      base
        .$if(q.after != null, (qb) =>
          qb.where(tourAfter(sortKey, decodeCursor(q.after ?? '', scope, 3), direction)),
        )
        .selectAll('tours')
        .select((eb) => [
          eb
            .selectFrom('tourists')
            .whereRef('tourists.tour_id', '=', 'tours.id')
            .select((e) => e.fn.countAll<number>().as('c'))
            .as('tourist_count'),
          eb
            .selectFrom('tourists')
            .whereRef('tourists.tour_id', '=', 'tours.id')
            .select(
              sql<string>`trim(coalesce(nullif(last_name_ru || ' ' || first_name_ru, ' '), last_name_lat || ' ' || first_name_lat))`.as(
                'n',
              ),
            )
            .orderBy('position')
            .limit(1)
            .as('lead_tourist'),
        ])
        // Tours without a date sort last either way, as a clerk reads a list by date.
        // The expression, not the select's alias: PostgreSQL orders by an alias only when it stands alone.
        .orderBy(sql`${sortKey} IS NULL`)
        .orderBy(sortKey, direction)
        .orderBy('tours.id', direction)
        .limit(q.limit)
        .$if(q.after == null && (q.offset ?? 0) > 0, (qb) => qb.offset(q.offset ?? 0))
        .execute(),
    ]);
    const last = rows[rows.length - 1];
    const lastKey = (r: NonNullable<typeof last>): KeyValue => {
      const value = q.sort === 'touristCount' ? r.tourist_count : r[sortColumnOf(q.sort ?? 'createdAt')];
      return value === null || value === undefined ? null : typeof value === 'number' ? value : String(value);
    };
    return {
      total: Number(count.n),
      next:
        last && rows.length === q.limit
          ? encodeCursor(scope, [lastKey(last) === null ? 1 : 0, lastKey(last), last.id])
          : null,
      rows: rows.map((r) => ({
        id: r.id,
        voucher: r.voucher,
        createdAt: r.created_at,
        arrivalDate: r.arrival_date,
        departureDate: r.departure_date,
        country: r.country,
        resort: r.resort,
        hotel: r.hotel,
        status: r.status,
        priceMinor: r.price_minor,
        currency: r.currency,
        touristCount: Number(r.tourist_count ?? 0),
        leadTourist: r.lead_tourist ?? '',
      })),
    };
  }

  async get(id: number): Promise<Tour> {
    return this.getIn(this.db, id);
  }

  private async getIn(db: Kysely<Database>, id: number): Promise<Tour> {
    const tour = await db.selectFrom('tours').selectAll().where('id', '=', id).executeTakeFirst();
    if (!tour) throw new AppError('NOT_FOUND', `tour ${id} not found`);
    const [services, tourists, links] = await Promise.all([
      db
        .selectFrom('tour_services')
        .selectAll()
        .where('tour_id', '=', id)
        .orderBy('position')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('tourists')
        .selectAll()
        .where('tour_id', '=', id)
        .orderBy('position')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('tourist_services')
        .innerJoin('tourists', 'tourists.id', 'tourist_services.tourist_id')
        .select(['tourist_services.tourist_id', 'tourist_services.service_id'])
        .where('tourists.tour_id', '=', id)
        .execute(),
    ]);
    const byTourist = new Map<number, number[]>();
    for (const link of links)
      byTourist.set(link.tourist_id, [...(byTourist.get(link.tourist_id) ?? []), link.service_id]);
    return {
      id: tour.id,
      version: tour.version,
      createdAt: tour.created_at,
      voucher: tour.voucher,
      arrivalDate: tour.arrival_date,
      departureDate: tour.departure_date,
      country: tour.country,
      resort: tour.resort,
      hotel: tour.hotel,
      status: tour.status,
      priceMinor: tour.price_minor,
      costMinor: tour.cost_minor,
      currency: tour.currency,
      notes: tour.notes,
      services: services.map(toService),
      tourists: tourists.map((t) =>
        toTourist(
          t,
          (byTourist.get(t.id) ?? []).sort((a, b) => a - b),
        ),
      ),
    };
  }

  async save(input: TourInput): Promise<Tour> {
    return this.db.transaction().execute((trx) => this.saveIn(trx, input));
  }

  private async saveIn(trx: Transaction<Database>, input: TourInput): Promise<Tour> {
    const issues = validateTour(input);
    if (issues.length > 0) throw new AppError('VALIDATION', 'the tour has invalid fields', issues);
    {
      const now = timestamp(this.ctx.clock);
      const columns = tourColumns(input);
      // A tour that is gone is said so first, before its voucher looks taken by another.
      if (input.id !== undefined) await this.mustExist(trx, 'tours', input.id, 'tour');
      const clash = await trx
        .selectFrom('tours')
        .select('id')
        .where('voucher', '=', columns.voucher)
        .$if(input.id !== undefined, (qb) => qb.where('id', '!=', input.id as number))
        .executeTakeFirst();
      if (clash)
        throw new AppError('VALIDATION', 'voucher taken', [{ path: 'voucher', code: 'voucherTaken' }]);
      let id: number;
      if (input.id === undefined) {
        id = (
          await trx
            .insertInto('tours')
            .values({ ...columns, created_at: now, updated_at: now, version: 1 })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      } else {
        id = input.id;
        if (input.version === undefined)
          throw new AppError('BAD_INPUT', 'version is required to update a tour');
        const result = await trx
          .updateTable('tours')
          .set({ ...columns, updated_at: now, version: input.version + 1 })
          .where('id', '=', id)
          .where('version', '=', input.version)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) {
          await this.getIn(trx, id);
          throw new AppError('STALE_VERSION', `tour ${id} was changed since version ${input.version}`);
        }
      }
      await this.replaceServices(trx, id, input);
      await this.ctx.audit.record(trx, {
        entity: 'tour',
        entityId: id,
        action: input.id === undefined ? 'create' : 'update',
        changes: { voucher: columns.voucher },
      });
      return this.getIn(trx, id);
    }
  }

  /**
   * A new tour like this one under a new voucher: dates (the tour's and its services') moved by
   * `shiftDays`, status draft, and, when asked, the same tourists bound to the copied services.
   * Questionnaire answers stay with the original trip (the clients keep theirs).
   */
  async copy(request: TourCopy): Promise<Tour> {
    return this.db.transaction().execute(async (trx) => {
      const source = await this.getIn(trx, request.id);
      const shift = (date: string | null) => (date === null ? null : addDays(date, request.shiftDays));
      const copy = await this.saveIn(trx, {
        voucher: request.voucher,
        arrivalDate: shift(source.arrivalDate),
        departureDate: shift(source.departureDate),
        country: source.country,
        resort: source.resort,
        hotel: source.hotel,
        status: 'draft',
        priceMinor: source.priceMinor,
        costMinor: source.costMinor,
        currency: source.currency,
        notes: source.notes,
        services: source.services.map((s) => ({
          kind: s.kind,
          description: s.description,
          startDate: shift(s.startDate),
          endDate: shift(s.endDate),
          priceMinor: s.priceMinor,
        })),
      });
      let tourists = 0;
      if (request.withTourists) {
        // Services come back in their order, so the n-th service of the copy is the n-th of the source.
        const serviceOf = new Map(source.services.map((s, i) => [s.id, copy.services[i]!.id]));
        const rows = await trx
          .selectFrom('tourists')
          .selectAll()
          .where('tour_id', '=', source.id)
          .orderBy('position')
          .orderBy('id')
          .execute();
        for (const { id: touristId, ...row } of rows) {
          const { id } = await trx
            .insertInto('tourists')
            .values({ ...row, tour_id: copy.id, version: 1 })
            .returning('id')
            .executeTakeFirstOrThrow();
          const links = (source.tourists.find((x) => x.id === touristId)?.serviceIds ?? []).map(
            (serviceId) => ({ tourist_id: id, service_id: serviceOf.get(serviceId)! }),
          );
          if (links.length > 0) await trx.insertInto('tourist_services').values(links).execute();
          tourists++;
        }
      }
      await this.ctx.audit.record(trx, {
        entity: 'tour',
        entityId: copy.id,
        action: 'copy',
        changes: { from: source.id, shiftDays: request.shiftDays, tourists },
      });
      return this.getIn(trx, copy.id);
    });
  }

  /** Deletes a tour with its services, tourists and their answers, recorded in the undo journal. */
  async delete(id: number, version: number): Promise<{ id: number; undoId: number }> {
    return this.db.transaction().execute(async (trx) => {
      const tour = await trx
        .selectFrom('tours')
        .select(['voucher', 'version'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!tour) throw new AppError('NOT_FOUND', `tour ${id} not found`);
      if (tour.version !== version)
        throw new AppError('STALE_VERSION', `tour ${id} was changed since version ${version}`);
      const touristIds = (
        await trx.selectFrom('tourists').select('id').where('tour_id', '=', id).execute()
      ).map((r) => r.id);
      const change = this.ctx.journal.begin(trx);
      // Children first: undo works backwards, so the tour comes back before what hangs on it.
      if (touristIds.length > 0) {
        await change.touch('questionnaire_answers', { tourist_id: touristIds });
        await change.touch('tourist_services', { tourist_id: touristIds });
      }
      await change.touch('tourists', { tour_id: id });
      await change.touch('tour_services', { tour_id: id });
      await change.touch('tours', { id });
      await trx.deleteFrom('tours').where('id', '=', id).execute();
      await this.ctx.audit.record(trx, {
        entity: 'tour',
        entityId: id,
        action: 'delete',
        changes: { voucher: tour.voucher, tourists: touristIds.length },
      });
      const undoId = await change.finish('tours.delete', {
        voucher: tour.voucher,
        tourists: touristIds.length,
      });
      return { id, undoId };
    });
  }

  private async replaceServices(trx: Transaction<Database>, tourId: number, input: TourInput): Promise<void> {
    const existing = new Set(
      (await trx.selectFrom('tour_services').select('id').where('tour_id', '=', tourId).execute()).map(
        (s) => s.id,
      ),
    );
    const kept = new Set<number>();
    for (const [position, service] of input.services.entries()) {
      if (service.id !== undefined && !existing.has(service.id))
        throw new AppError('NOT_FOUND', `service ${service.id} of tour ${tourId} not found`);
      if (service.id !== undefined) {
        kept.add(service.id);
        await trx
          .updateTable('tour_services')
          .set(serviceColumns(service, position))
          .where('id', '=', service.id)
          .execute();
      } else {
        await trx
          .insertInto('tour_services')
          .values({ ...serviceColumns(service, position), tour_id: tourId })
          .execute();
      }
    }
    const removed = [...existing].filter((id) => !kept.has(id));
    if (removed.length > 0) await trx.deleteFrom('tour_services').where('id', 'in', removed).execute();
  }

  private async mustExist(
    trx: Transaction<Database>,
    table: 'tours' | 'clients',
    id: number,
    what: string,
  ): Promise<void> {
    const row = await trx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', `${what} ${id} not found`);
  }

  /**
   * Saves a tourist of a tour in one transaction with what the clerk chose for the regular client:
   * create one from the tourist (R2), or copy the chosen fields to the linked one (R3).
   */
  async saveTourist(request: TouristSave): Promise<{ tourist: Tourist; client: Client | null }> {
    return this.db.transaction().execute((trx) => this.saveTouristIn(trx, request));
  }

  /** The same as saveTourist, inside a transaction the caller owns (an import commits many at once). */
  async saveTouristIn(
    trx: Transaction<Database>,
    request: TouristSave,
  ): Promise<{ tourist: Tourist; client: Client | null }> {
    const fields = normalizeTouristDocuments(request.tourist);
    const issues = validateTourist(fields, today(this.ctx.clock));
    if (issues.length > 0) throw new AppError('VALIDATION', 'the tourist has invalid fields', issues);
    const tour = await trx
      .selectFrom('tours')
      .select('id')
      .where('id', '=', request.tourId)
      .executeTakeFirst();
    if (!tour) throw new AppError('NOT_FOUND', `tour ${request.tourId} not found`);
    let clientId = request.tourist.clientId;
    // A deleted card still counts: its tourists keep pointing at it. Only a client never stored is refused.
    if (clientId !== null) await this.mustExist(trx, 'clients', clientId, 'client');
    let client: Client | null = null;
    const current =
      clientId !== null && request.updateClient && request.updateClient.fields.length > 0
        ? await this.clients.getIn(trx, clientId)
        : null;
    // A stale client answers first: the clerk's form is out of date, and once reloaded it shows
    // whatever else (the client already in the tour) stands in the way.
    if (current && request.updateClient && current.version !== request.updateClient.clientVersion) {
      throw new AppError(
        'STALE_VERSION',
        `client ${clientId} was changed since version ${request.updateClient.clientVersion}`,
      );
    }
    if (clientId !== null) await refuseTouristTwice(trx, request.tourId, clientId, request.tourist.id);
    if (current && request.updateClient) {
      client = await this.clients.saveIn(
        trx,
        applyTouristToClient(current, fields, request.updateClient.fields),
      );
    }
    if (clientId === null && request.addToClients) {
      client = await this.clients.saveIn(trx, clientFromTourist(fields));
      clientId = client.id;
    }
    const columns = { ...touristColumns(fields), client_id: clientId };
    let id: number;
    if (request.tourist.id === undefined) {
      const last = await trx
        .selectFrom('tourists')
        .select((eb) => eb.fn.max('position').as('p'))
        .where('tour_id', '=', request.tourId)
        .executeTakeFirst();
      id = (
        await trx
          .insertInto('tourists')
          .values({ ...columns, tour_id: request.tourId, position: Number(last?.p ?? -1) + 1, version: 1 })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    } else {
      id = request.tourist.id;
      const version = request.tourist.version;
      if (version === undefined) throw new AppError('BAD_INPUT', 'version is required to update a tourist');
      const result = await trx
        .updateTable('tourists')
        .set({ ...columns, version: version + 1 })
        .where('id', '=', id)
        .where('tour_id', '=', request.tourId)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        const current = await trx
          .selectFrom('tourists')
          .select('id')
          .where('id', '=', id)
          .where('tour_id', '=', request.tourId)
          .executeTakeFirst();
        if (!current) throw new AppError('NOT_FOUND', `tourist ${id} of tour ${request.tourId} not found`);
        throw new AppError('STALE_VERSION', `tourist ${id} was changed since version ${version}`);
      }
    }
    await this.setTouristServices(trx, request.tourId, [id], request.tourist.serviceIds, 'replace');
    await this.ctx.audit.record(trx, {
      entity: 'tourist',
      entityId: id,
      action: request.tourist.id === undefined ? 'create' : 'update',
      changes: { tourId: request.tourId, clientId },
    });
    // Only this tourist is read back: an import saves thousands in one transaction.
    const row = await trx.selectFrom('tourists').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const services = await trx
      .selectFrom('tourist_services')
      .select('service_id')
      .where('tourist_id', '=', id)
      .orderBy('service_id')
      .execute();
    const saved = toTourist(
      row,
      services.map((s) => s.service_id),
    );
    return { tourist: saved, client };
  }

  /** Removes a tourist with its services and answers, recorded in the undo journal. */
  async deleteTourist(id: number): Promise<{ id: number; undoId: number }> {
    return this.db.transaction().execute(async (trx) => {
      const tourist = await trx
        .selectFrom('tourists')
        .select(['tour_id', 'last_name_ru', 'first_name_ru', 'last_name_lat', 'first_name_lat'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!tourist) throw new AppError('NOT_FOUND', `tourist ${id} not found`);
      const change = this.ctx.journal.begin(trx);
      // Children first: undo works backwards, so the tourist comes back before its answers.
      await change.touch('questionnaire_answers', { tourist_id: id });
      await change.touch('tourist_services', { tourist_id: id });
      await change.touch('tourists', { id });
      await trx.deleteFrom('tourists').where('id', '=', id).execute();
      await this.ctx.audit.record(trx, {
        entity: 'tourist',
        entityId: id,
        action: 'delete',
        changes: { tourId: tourist.tour_id },
      });
      const name =
        [tourist.last_name_ru, tourist.first_name_ru].filter(Boolean).join(' ') ||
        [tourist.last_name_lat, tourist.first_name_lat].filter(Boolean).join(' ');
      return { id, undoId: await change.finish('tourists.delete', { name }) };
    });
  }

  /** R9: binds (or unbinds) the selected tourists to the selected services of their tour; undoable. */
  async bindServices(
    tourId: number,
    touristIds: number[],
    serviceIds: number[],
    bind: boolean,
  ): Promise<{ tour: Tour; undoId: number }> {
    return this.db.transaction().execute(async (trx) => {
      const change = this.ctx.journal.begin(trx);
      await change.touch('tourist_services', { tourist_id: touristIds });
      await this.setTouristServices(trx, tourId, touristIds, serviceIds, bind ? 'add' : 'remove');
      await this.ctx.audit.record(trx, {
        entity: 'tour',
        entityId: tourId,
        action: bind ? 'bind' : 'unbind',
        changes: { tourists: touristIds.length, services: serviceIds.length },
      });
      const undoId = await change.finish('tourists.bindServices', {
        tourists: touristIds.length,
        services: serviceIds.length,
        bind: bind ? 1 : 0,
      });
      return { tour: await this.getIn(trx, tourId), undoId };
    });
  }

  private async setTouristServices(
    trx: Transaction<Database>,
    tourId: number,
    touristIds: number[],
    serviceIds: number[],
    mode: 'replace' | 'add' | 'remove',
  ): Promise<void> {
    if (touristIds.length === 0) return;
    const tourists = (
      await trx
        .selectFrom('tourists')
        .select('id')
        .where('tour_id', '=', tourId)
        .where('id', 'in', touristIds)
        .execute()
    ).map((t) => t.id);
    const services =
      serviceIds.length === 0
        ? []
        : (
            await trx
              .selectFrom('tour_services')
              .select('id')
              .where('tour_id', '=', tourId)
              .where('id', 'in', serviceIds)
              .execute()
          ).map((t) => t.id);
    // An id that is not (or no longer) in this tour is refused, not skipped: the clerk chose it.
    if (tourists.length !== new Set(touristIds).size)
      throw new AppError('NOT_FOUND', `a tourist of ${touristIds.join(', ')} is not in tour ${tourId}`);
    if (services.length !== new Set(serviceIds).size)
      throw new AppError('NOT_FOUND', `a service of ${serviceIds.join(', ')} is not in tour ${tourId}`);
    if (mode === 'replace')
      await trx.deleteFrom('tourist_services').where('tourist_id', 'in', tourists).execute();
    if (mode === 'remove') {
      if (services.length > 0)
        await trx
          .deleteFrom('tourist_services')
          .where('tourist_id', 'in', tourists)
          .where('service_id', 'in', services)
          .execute();
      return;
    }
    const rows = tourists.flatMap((tourist_id) => services.map((service_id) => ({ tourist_id, service_id })));
    if (rows.length > 0)
      await trx
        .insertInto('tourist_services')
        .values(rows)
        .onConflict((oc) => oc.doNothing())
        .execute();
  }

  /** The client card's history: the client's tours, and who travelled with them. */
  async clientHistory(clientId: number) {
    const client = await this.db
      .selectFrom('clients')
      .select('id')
      .where('id', '=', clientId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!client) throw new AppError('NOT_FOUND', `client ${clientId} not found`);
    const tours = await this.db
      .selectFrom('tourists')
      .innerJoin('tours', 'tours.id', 'tourists.tour_id')
      .select([
        'tours.id',
        'tours.voucher',
        'tours.arrival_date',
        'tours.departure_date',
        'tours.country',
        'tours.resort',
        'tours.hotel',
        'tours.price_minor',
        'tours.currency',
        'tours.status',
      ])
      .where('tourists.client_id', '=', clientId)
      .orderBy('tours.arrival_date', 'desc')
      .execute();
    const tourIds = [...new Set(tours.map((t) => t.id))];
    const others =
      tourIds.length === 0
        ? []
        : await this.db
            .selectFrom('tourists')
            .select([
              'client_id',
              'last_name_ru',
              'first_name_ru',
              'last_name_lat',
              'first_name_lat',
              'tour_id',
            ])
            .where('tour_id', 'in', tourIds)
            .where((eb) => eb.or([eb('client_id', 'is', null), eb('client_id', '!=', clientId)]))
            .execute();
    const companions = new Map<string, { clientId: number | null; name: string; tours: number }>();
    const trips = new Set<string>();
    for (const o of others) {
      const name = displayTouristName({
        lastNameRu: o.last_name_ru,
        firstNameRu: o.first_name_ru,
        lastNameLat: o.last_name_lat,
        firstNameLat: o.first_name_lat,
      });
      const key = o.client_id !== null ? `c${o.client_id}` : `n${nameKey(name)}`;
      // Trips, not rows: a companion listed twice in one tour travelled with the client once.
      if (trips.has(`${key}|${o.tour_id}`)) continue;
      trips.add(`${key}|${o.tour_id}`);
      const known = companions.get(key);
      if (known) known.tours++;
      else companions.set(key, { clientId: o.client_id, name, tours: 1 });
    }
    return {
      tours: tours
        .filter((t, i) => tours.findIndex((u) => u.id === t.id) === i)
        .map((t) => ({
          tourId: t.id,
          voucher: t.voucher,
          arrivalDate: t.arrival_date,
          departureDate: t.departure_date,
          country: t.country,
          resort: t.resort,
          hotel: t.hotel,
          priceMinor: t.price_minor,
          currency: t.currency,
          status: t.status,
        })),
      companions: [...companions.values()].sort(
        (a, b) => b.tours - a.tours || a.name.localeCompare(b.name, 'ru'),
      ),
    };
  }
}
