import { sql, type Kysely } from 'kysely';
import { lastChars } from '../db/dialect';
import { AppError } from '../../../shared/api/envelope';
import { timestamp } from '../../../shared/domain/clock';
import {
  byStrength,
  findDuplicatePairs,
  phoneKey,
  type DuplicatePair,
  type DuplicateSubject,
} from '../../../shared/domain/duplicate-rules';
import type { DuplicateCandidate } from '../../../shared/domain/duplicates';
import { passportIdentity } from '../../../shared/domain/passport';
import type { RepositoryContext } from '../context';
import type { Database } from '../db/schema';
import { PHONE_DIGITS_SQL } from './client-identifiers';
import { CLIENT_NAME_COLUMNS } from './client-names';
import { scanPairs } from './duplicates-scan';

interface SubjectRow {
  id: number;
  last_name_ru: string;
  first_name_ru: string;
  middle_name_ru: string;
  last_name_lat: string;
  first_name_lat: string;
  birth_date: string | null;
  phone: string;
  email: string;
  updated_at: string;
}

interface DocumentRow {
  client_id: number;
  kind: string;
  series: string;
  number: string;
  last_name_lat: string;
  first_name_lat: string;
}

const SUBJECT_COLUMNS = sql.raw(
  'c.id, c.last_name_ru, c.first_name_ru, c.middle_name_ru, c.last_name_lat, c.first_name_lat, c.birth_date, c.phone, c.email, c.updated_at',
);

function toSubjects(rows: SubjectRow[], documents: DocumentRow[]): DuplicateSubject[] {
  const docs = new Map<number, DuplicateSubject['documents'][number][]>();
  for (const d of documents) {
    const doc = {
      kind: d.kind,
      series: d.series,
      number: d.number,
      lastNameLat: d.last_name_lat,
      firstNameLat: d.first_name_lat,
    };
    const list = docs.get(d.client_id);
    if (list) list.push(doc);
    else docs.set(d.client_id, [doc]);
  }
  return rows.map((r) => ({
    id: r.id,
    lastNameRu: r.last_name_ru,
    firstNameRu: r.first_name_ru,
    lastNameLat: r.last_name_lat,
    firstNameLat: r.first_name_lat,
    birthDate: r.birth_date,
    phone: r.phone,
    email: r.email,
    documents: docs.get(r.id) ?? [],
  }));
}

type SideRow = Pick<
  SubjectRow,
  | 'id'
  | 'last_name_ru'
  | 'first_name_ru'
  | 'middle_name_ru'
  | 'last_name_lat'
  | 'first_name_lat'
  | 'birth_date'
  | 'updated_at'
>;

function sideOf(r: SideRow) {
  return {
    id: r.id,
    name: [r.last_name_ru, r.first_name_ru, r.middle_name_ru].filter(Boolean).join(' '),
    nameLat: [r.last_name_lat, r.first_name_lat].filter(Boolean).join(' '),
    birthDate: r.birth_date,
    updatedAt: r.updated_at,
  };
}

async function dismissedTest(db: Kysely<Database>): Promise<(a: number, b: number) => boolean> {
  const rows = await db.selectFrom('duplicate_dismissals').select(['client_a', 'client_b']).execute();
  const set = new Set(rows.map((r) => `${r.client_a}-${r.client_b}`));
  return (a, b) => set.has(`${a}-${b}`);
}

/** Where the previous page of the scan ended: its last pair (pairs come strongest first). */
export type ScanCursor = Pick<DuplicatePair, 'score' | 'a' | 'b'>;

/**
 * Cards likely to be one person (issue 13): the whole base scanned for the Duplicates screen, or
 * one card checked against the base when it is saved; pairs the clerk called different people are
 * remembered and never shown again.
 */
export class DuplicatesRepository {
  constructor(private readonly ctx: RepositoryContext) {}

  /** The last whole scan, reused for the next pages while the base has not changed. */
  private last: { fingerprint: string; pairs: DuplicatePair[] } | null = null;

  /**
   * One page of the candidate pairs of live cards, strongest first. The first page scans the base
   * again; a later page (after the cursor) reuses that scan unless a card, document or dismissal
   * changed since, and then scans again: the cursor is a place in the order, not an offset.
   */
  async scan(
    limit: number,
    after: ScanCursor | null = null,
  ): Promise<{ total: number; candidates: DuplicateCandidate[]; next: ScanCursor | null }> {
    const fingerprint = await this.fingerprint();
    if (after === null || this.last?.fingerprint !== fingerprint) {
      this.last = { fingerprint, pairs: await scanPairs(this.ctx.db, await dismissedTest(this.ctx.db)) };
    }
    const { pairs } = this.last;
    const start = after === null ? 0 : pairs.findIndex((p) => byStrength(after as DuplicatePair, p) < 0);
    const page = start < 0 ? [] : pairs.slice(start, start + limit);
    const end = page[page.length - 1];
    return {
      total: pairs.length,
      candidates: await this.describeById(page),
      next: end && start + limit < pairs.length ? { score: end.score, a: end.a, b: end.b } : null,
    };
  }

  /** The live cards the given one may duplicate (a card just saved, a client just imported). */
  async matchesFor(clientId: number): Promise<DuplicateCandidate[]> {
    const ids = await this.neighbourIds(clientId);
    if (ids.length === 0) return [];
    const all = [clientId, ...ids];
    const rows = (
      await sql<SubjectRow>`SELECT ${SUBJECT_COLUMNS} FROM clients c
        WHERE c.deleted_at IS NULL AND c.id IN (${sql.join(all)})`.execute(this.ctx.db)
    ).rows;
    const documents = (
      await sql<DocumentRow>`SELECT client_id, kind, series, number, last_name_lat, first_name_lat
        FROM documents WHERE client_id IN (${sql.join(all)})`.execute(this.ctx.db)
    ).rows;
    const pairs = findDuplicatePairs(toSubjects(rows, documents), await dismissedTest(this.ctx.db)).filter(
      (p) => p.a === clientId || p.b === clientId,
    );
    return this.describe(pairs, new Map(rows.map((r) => [r.id, r])));
  }

  /** Remembers that two cards are different people; the pair is not offered again. */
  async dismiss(x: number, y: number): Promise<void> {
    if (x === y) throw new AppError('BAD_INPUT', 'a card cannot be dismissed against itself');
    const [a, b] = x < y ? [x, y] : [y, x];
    const before = await this.fingerprint();
    await this.ctx.db.transaction().execute(async (trx) => {
      const found = await trx.selectFrom('clients').select('id').where('id', 'in', [a, b]).execute();
      if (found.length !== 2) throw new AppError('NOT_FOUND', `client ${a} or ${b} not found`);
      await trx
        .insertInto('duplicate_dismissals')
        .values({ client_a: a, client_b: b, at: timestamp(this.ctx.clock), clerk: '' })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await this.ctx.audit.record(trx, {
        entity: 'client',
        entityId: a,
        action: 'notDuplicate',
        changes: { other: b },
      });
    });
    // The pages already scanned stay valid without this pair; any other change scans again.
    if (this.last?.fingerprint === before) {
      const pairs = this.last.pairs.filter((p) => p.a !== a || p.b !== b);
      this.last = { fingerprint: await this.fingerprint(), pairs };
    }
  }

  /**
   * Cards sharing something with this one, each found through an index: a surname key with the
   * same birth date or none, any birth-date twin (for a near name), a passport, a phone, an e-mail.
   */
  private async neighbourIds(clientId: number): Promise<number[]> {
    const db = this.ctx.db;
    const client = await db
      .selectFrom('clients')
      .select(['birth_date', 'phone', 'email'])
      .where('id', '=', clientId)
      .executeTakeFirst();
    if (!client) throw new AppError('NOT_FOUND', `client ${clientId} not found`);
    const found = new Set<number>();
    const add = (rows: { id: number }[]) => rows.forEach((r) => found.add(r.id));
    if (client.birth_date) {
      add(
        await db
          .selectFrom('clients')
          .select('id')
          .where('deleted_at', 'is', null)
          .where(sql<boolean>`(birth_date IS NULL) = false`)
          .where('birth_date', '=', client.birth_date)
          .execute(),
      );
    }
    const documents = await db
      .selectFrom('documents')
      .select(['series', 'number'])
      .where('client_id', '=', clientId)
      .where('kind', 'in', ['foreign_passport', 'internal_passport'])
      .execute();
    for (const d of documents) {
      const identity = passportIdentity(d.series, d.number);
      if (identity.length < 6) continue;
      add(
        (
          await sql<{ id: number }>`SELECT client_id AS id FROM documents
            WHERE series || number = ${identity} OR number = ${identity}`.execute(db)
        ).rows,
      );
    }
    const phone = phoneKey(client.phone);
    if (phone !== '') {
      add(
        (
          await sql<{ id: number }>`SELECT id FROM clients
            WHERE deleted_at IS NULL AND ${lastChars(db, PHONE_DIGITS_SQL, 4)} = ${phone.slice(-4)}`.execute(
            db,
          )
        ).rows,
      );
    }
    const email = client.email.trim().toLowerCase();
    if (email.includes('@')) {
      add(
        (
          await sql<{ id: number }>`SELECT id FROM clients
            WHERE deleted_at IS NULL AND lower(email) = ${email}`.execute(db)
        ).rows,
      );
    }
    found.delete(clientId);
    return [...found];
  }

  /** Counts and latest changes of what the scan reads: equal only while nothing it reads changed. */
  private async fingerprint(): Promise<string> {
    const db = this.ctx.db;
    const clients = await db
      .selectFrom('clients')
      .select((eb) => [
        eb.fn.countAll().as('n'),
        eb.fn.max('id').as('id'),
        eb.fn.max('updated_at').as('at'),
        // Every save bumps a version and a delete sets deleted_at, whatever it does to updated_at.
        eb.fn.sum('version').as('versions'),
        eb.fn.count('deleted_at').as('deleted'),
      ])
      .executeTakeFirstOrThrow();
    const documents = await db
      .selectFrom('documents')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('id').as('id')])
      .executeTakeFirstOrThrow();
    const dismissals = await db
      .selectFrom('duplicate_dismissals')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return JSON.stringify([clients, documents, dismissals]);
  }

  /** The pairs with both sides read by id (a page of the scan: a few hundred cards). */
  private async describeById(pairs: DuplicatePair[]): Promise<DuplicateCandidate[]> {
    const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
    if (ids.length === 0) return [];
    const rows = await this.ctx.db
      .selectFrom('clients')
      .select(['id', ...CLIENT_NAME_COLUMNS, 'birth_date', 'updated_at'])
      .where('id', 'in', ids)
      .where('deleted_at', 'is', null)
      .execute();
    return this.describe(pairs, new Map(rows.map((r) => [r.id, r])));
  }

  private describe(pairs: DuplicatePair[], byId: Map<number, SideRow>): DuplicateCandidate[] {
    return pairs.flatMap((p) => {
      const a = byId.get(p.a);
      const b = byId.get(p.b);
      return a && b ? [{ a: sideOf(a), b: sideOf(b), score: p.score, reasons: p.reasons }] : [];
    });
  }
}
