import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/api/envelope';
import type { Client } from '../../../shared/domain/client';
import { travelPassport } from '../../../shared/domain/tourist-client';
import {
  clientFromDraft,
  foreignPassportOf,
  touristFromDraft,
  type TouristDraft,
} from '../../../shared/import';
import { nameKey } from '../../../shared/names';
import type { Database } from '../db/schema';
import { bulkInsert } from '../db/bulk-insert';
import { normalizeTouristDocuments, validateTourist } from '../../../shared/domain/tourist-validation';
import { touristColumns } from './tour-mapping';
import type { ClientsRepository } from './clients';

export interface ImportMatch {
  clientId: number;
  name: string;
  birthDate: string | null;
  passport: string;
  /** What makes this the same person besides the surname. */
  reason: 'passport' | 'birthDate';
  /** The draft's passport is newer than any the client has. */
  newerPassport: boolean;
}

export interface CommitRow {
  draft: TouristDraft;
  action: 'link' | 'create' | 'touristOnly';
  clientId: number | null;
}

const digits = (s: string) => s.replace(/\D/g, '');

export class ImportsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clients: ClientsRepository,
  ) {}

  /** Each draft against the base: the same surname (any script) and the same birth date or passport. */
  async match(drafts: TouristDraft[]): Promise<ImportMatch[][]> {
    const keys = [
      ...new Set(drafts.map((d) => nameKey(d.lastNameRu || d.lastNameLat || '')).filter(Boolean)),
    ];
    if (keys.length === 0) return drafts.map(() => []);
    const ids: { key: string; client_id: number }[] = [];
    for (let i = 0; i < keys.length; i += 500) {
      ids.push(
        ...(await this.db
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
      const passport = d.passportNumber ? digits(d.passportNumber) : '';
      return candidates.flatMap((c): ImportMatch[] => {
        const docs = c.documents.filter((doc) => doc.kind === 'foreign_passport');
        const samePassport =
          passport !== '' &&
          docs.some((doc) => digits(doc.series + doc.number) === passport || digits(doc.number) === passport);
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
              passport !== '' &&
              !samePassport &&
              (!current?.expiryDate || (d.passportExpiry ?? '') > current.expiryDate),
          },
        ];
      });
    });
  }

  /**
   * Writes every row in one transaction: regular clients created (in bulk) or given their newer
   * passport, tourists added to the tour (in bulk) and bound to the chosen services. Every row is
   * checked before anything is written; nothing is written on any error, which names its row.
   */
  async commit(request: { tourId: number | null; serviceIds: number[]; rows: CommitRow[] }) {
    const today = new Date().toISOString().slice(0, 10);
    const prepared = request.rows.map((row, index) => {
      const fields = normalizeTouristDocuments(touristFromDraft(row.draft));
      const issues = validateTourist(fields, today);
      if (issues.length > 0) {
        throw new AppError(
          'VALIDATION',
          `row ${index + 1}: the tourist has invalid fields`,
          issues.map((i) => ({ ...i, path: `${index}.${i.path}` })),
        );
      }
      return { row, fields };
    });
    return this.db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      let services: number[] = [];
      if (request.tourId !== null) {
        const tour = await trx
          .selectFrom('tours')
          .select('id')
          .where('id', '=', request.tourId)
          .executeTakeFirst();
        if (!tour) throw new AppError('NOT_FOUND', `tour ${request.tourId} not found`);
        if (request.serviceIds.length > 0) {
          services = (
            await trx
              .selectFrom('tour_services')
              .select('id')
              .where('tour_id', '=', request.tourId)
              .where('id', 'in', request.serviceIds)
              .execute()
          ).map((s) => s.id);
        }
      }
      const batch = await trx
        .insertInto('import_batches')
        .values({ created_at: now, tour_id: request.tourId })
        .returning('id')
        .executeTakeFirstOrThrow();
      const items: { entity: 'tourist' | 'client' | 'document'; entity_id: number }[] = [];

      const creating = prepared.filter((p) => p.row.action === 'create');
      const newIds = await this.clients.insertManyIn(
        trx,
        creating.map((p) => clientFromDraft(p.row.draft)),
      );
      const clientOf = new Map<CommitRow, number>();
      creating.forEach((p, i) => clientOf.set(p.row, newIds[i]!));
      for (const id of newIds) items.push({ entity: 'client', entity_id: id });

      let passportsAdded = 0;
      for (const { row } of prepared) {
        if (row.action !== 'link' || row.clientId === null) continue;
        clientOf.set(row, row.clientId);
        const client = await this.clients.getIn(trx, row.clientId);
        const passport = foreignPassportOf(row.draft);
        const known =
          passport &&
          client.documents.some(
            (d) =>
              d.kind === 'foreign_passport' && d.series === passport.series && d.number === passport.number,
          );
        if (passport && !known) {
          const saved = await this.clients.saveIn(trx, {
            ...client,
            documents: [...client.documents, passport],
          });
          const added = saved.documents.find(
            (d) => d.series === passport.series && d.number === passport.number,
          );
          if (added) items.push({ entity: 'document', entity_id: added.id });
          passportsAdded++;
        }
      }

      let touristsAdded = 0;
      if (request.tourId !== null && prepared.length > 0) {
        const tourId = request.tourId;
        const maxId = await trx
          .selectFrom('tourists')
          .select((eb) => eb.fn.max('id').as('m'))
          .executeTakeFirst();
        const maxPosition = await trx
          .selectFrom('tourists')
          .select((eb) => eb.fn.max('position').as('p'))
          .where('tour_id', '=', tourId)
          .executeTakeFirst();
        const firstId = Number(maxId?.m ?? 0) + 1;
        const firstPosition = Number(maxPosition?.p ?? -1) + 1;
        const tourists = prepared.map(({ row, fields }, i) => ({
          ...touristColumns(fields),
          id: firstId + i,
          tour_id: tourId,
          client_id: clientOf.get(row) ?? null,
          position: firstPosition + i,
          version: 1,
        }));
        await bulkInsert(trx, 'tourists', tourists);
        await bulkInsert(
          trx,
          'tourist_services',
          tourists.flatMap((t) => services.map((service_id) => ({ tourist_id: t.id, service_id }))),
        );
        for (const t of tourists) items.push({ entity: 'tourist', entity_id: t.id });
        touristsAdded = tourists.length;
      }
      await bulkInsert(
        trx,
        'import_batch_items',
        items.map((i) => ({ ...i, batch_id: batch.id })),
      );
      return { batchId: batch.id, touristsAdded, clientsCreated: newIds.length, passportsAdded };
    });
  }

  /** Undoes a whole import: its tourists removed, its new clients deleted, the passports it added taken off. */
  async undo(batchId: number) {
    return this.db.transaction().execute(async (trx) => {
      const batch = await trx
        .selectFrom('import_batches')
        .selectAll()
        .where('id', '=', batchId)
        .executeTakeFirst();
      if (!batch) throw new AppError('NOT_FOUND', `import ${batchId} not found`);
      if (batch.undone_at) throw new AppError('NOT_FOUND', `import ${batchId} was undone already`);
      const items = await trx
        .selectFrom('import_batch_items')
        .selectAll()
        .where('batch_id', '=', batchId)
        .execute();
      const of = (entity: string) => items.filter((i) => i.entity === entity).map((i) => i.entity_id);
      const now = new Date().toISOString();
      if (of('tourist').length > 0)
        await trx.deleteFrom('tourists').where('id', 'in', of('tourist')).execute();
      if (of('document').length > 0)
        await trx.deleteFrom('documents').where('id', 'in', of('document')).execute();
      for (const id of of('client')) {
        await trx
          .updateTable('clients')
          .set((eb) => ({ deleted_at: now, version: eb('version', '+', 1), updated_at: now }))
          .where('id', '=', id)
          .execute();
        await trx.deleteFrom('client_search_keys').where('client_id', '=', id).execute();
      }
      await trx.updateTable('import_batches').set({ undone_at: now }).where('id', '=', batchId).execute();
      return {
        touristsRemoved: of('tourist').length,
        clientsRemoved: of('client').length,
        passportsRemoved: of('document').length,
      };
    });
  }
}
