import type { Kysely, Selectable, Transaction } from 'kysely';
import { foreignKeys, jsonNumber, moveReferencesIgnoringDuplicates } from '../db/dialect';
import { AppError } from '../../../shared/api/envelope';
import type { Client, ClientInput } from '../../../shared/domain/client';
import { timestamp } from '../../../shared/domain/clock';
import { MERGE_FIELDS, type MergeInput, type MergePreview } from '../../../shared/domain/duplicates';
import { foldDocuments, mergeChoices } from '../../../shared/domain/merge-plan';
import type { RepositoryContext } from '../context';
import type { Database, TouristsTable } from '../db/schema';
import type { TouristFields } from '../../../shared/domain/tour';
import { foldTourist } from '../../../shared/domain/tourist-fold';
import { toTourist, touristColumns } from './tour-mapping';
import type { JournalTable } from '../history/undo-journal';
import type { ClientsRepository } from './clients';

/** Tables re-pointed by name below; any other table referring to clients is re-pointed generically. */
const HANDLED = new Set([
  'clients',
  'documents',
  'client_search_keys',
  'tourists',
  'questionnaire_answers',
  'client_consents',
  'client_links',
  // A dismissal names the merged card, which stays as a deleted card: nothing to move.
  'duplicate_dismissals',
]);

const displayName = (c: Client) =>
  [c.lastNameRu, c.firstNameRu, c.middleNameRu].filter(Boolean).join(' ') ||
  [c.lastNameLat, c.firstNameLat].filter(Boolean).join(' ');

async function otherClientReferences(db: Kysely<Database>): Promise<{ table: string; column: string }[]> {
  return (await foreignKeys(db))
    .filter((fk) => fk.parent === 'clients' && !HANDLED.has(fk.table))
    .map(({ table, column }) => ({ table, column }));
}

/**
 * Two cards of one person become one (issue 13): the clerk's choice of each field, the documents
 * united, trips, answers, consents, family links and every other row that names the merged card
 * moved to the surviving one, the merged card deleted; one transaction, one undo-journal entry.
 */
export class MergeRepository {
  constructor(
    private readonly ctx: RepositoryContext,
    private readonly clients: ClientsRepository,
  ) {}

  async preview(keepId: number, mergeId: number): Promise<MergePreview> {
    return this.previewIn(this.ctx.db, keepId, mergeId);
  }

  private async previewIn(db: Kysely<Database>, keepId: number, mergeId: number): Promise<MergePreview> {
    if (keepId === mergeId) throw new AppError('BAD_INPUT', 'a card cannot be merged with itself');
    const keep = await this.clients.getIn(db, keepId);
    const merge = await this.clients.getIn(db, mergeId);
    const shared = await db
      .selectFrom('tourists as a')
      .innerJoin('tourists as b', 'b.tour_id', 'a.tour_id')
      .innerJoin('tours', 'tours.id', 'a.tour_id')
      .select(['tours.id as tourId', 'tours.voucher'])
      .where('a.client_id', '=', keepId)
      .where('b.client_id', '=', mergeId)
      .distinct()
      .execute();
    const folded = foldDocuments(keep.documents, merge.documents);
    return {
      keep,
      merge,
      fields: mergeChoices(keep, merge),
      sharedTours: shared,
      documents: keep.documents.length + merge.documents.length - folded.length,
      foldedDocuments: folded.length,
    };
  }

  async merge(input: MergeInput): Promise<{ client: Client; undoId: number }> {
    return this.ctx.db.transaction().execute(async (trx) => {
      const plan = await this.previewIn(trx, input.keepId, input.mergeId);
      const { keep, merge } = plan;
      for (const [card, version] of [
        [keep, input.keepVersion],
        [merge, input.mergeVersion],
      ] as const) {
        if (card.version !== version)
          throw new AppError('STALE_VERSION', `client ${card.id} was changed since version ${version}`);
      }
      const values = this.chosenValues(plan, input);
      const both = [keep.id, merge.id];
      const change = this.ctx.journal.begin(trx);
      await change.touch('clients', { id: both });
      await change.touch('documents', { client_id: both });
      await change.touch('client_search_keys', { client_id: both });
      const twice = await this.touristsTwice(trx, plan, both);
      const twiceIds = twice.flatMap((rows) => rows.map((r) => r.id));
      if (twiceIds.length > 0) {
        // Children first: undo works backwards, so the dropped rows come back before their answers.
        await change.touch('questionnaire_answers', { tourist_id: twiceIds });
        await change.touch('tourist_services', { tourist_id: twiceIds });
      }
      await change.touch('tourists', { client_id: both });
      await change.touch('questionnaire_answers', { client_id: both });
      await change.touch('client_consents', { client_id: both });
      const links = await trx
        .selectFrom('client_links')
        .select('id')
        .where((eb) => eb.or([eb('client_id', 'in', both), eb('other_id', 'in', both)]))
        .execute();
      if (links.length > 0) await change.touch('client_links', { id: links.map((l) => l.id) });
      const others = await otherClientReferences(trx);
      // Tables added by other features (loyalty, payers…) are recorded and re-pointed the same way.
      for (const ref of others) await change.touch(ref.table as JournalTable, { [ref.column]: both });

      const dropped = foldDocuments(keep.documents, merge.documents);
      if (dropped.length > 0) await trx.deleteFrom('documents').where('id', 'in', dropped).execute();
      await trx
        .updateTable('documents')
        .set({ client_id: keep.id })
        .where('client_id', '=', merge.id)
        .execute();
      for (const rows of twice) await this.foldTourists(trx, keep.id, rows);
      await trx
        .updateTable('tourists')
        .set({ client_id: keep.id })
        .where('client_id', '=', merge.id)
        .execute();
      await this.moveAnswers(trx, 'client_id', keep.id, [merge.id]);
      await trx
        .updateTable('client_consents')
        .set({ client_id: keep.id })
        .where('client_id', '=', merge.id)
        .execute();
      await this.moveLinks(trx, keep.id, merge.id);
      for (const ref of others) {
        await moveReferencesIgnoringDuplicates(trx, ref.table, ref.column, merge.id, keep.id);
      }

      const now = timestamp(this.ctx.clock);
      await trx
        .updateTable('clients')
        .set({ deleted_at: now, updated_at: now, version: merge.version + 1 })
        .where('id', '=', merge.id)
        .execute();
      await trx.deleteFrom('client_search_keys').where('client_id', '=', merge.id).execute();
      const united = await this.clients.getIn(trx, keep.id);
      const saved = await this.clients.saveIn(trx, {
        ...united,
        ...values,
        id: keep.id,
        version: keep.version,
        documents: united.documents,
      });
      await this.ctx.audit.record(trx, [
        { entity: 'client', entityId: keep.id, action: 'merge', changes: { merged: merge.id } },
        { entity: 'client', entityId: merge.id, action: 'mergedInto', changes: { into: keep.id } },
      ]);
      const undoId = await change.finish('clients.merge', {
        name: displayName(saved),
        mergedName: displayName(merge),
        keepId: keep.id,
        mergeId: merge.id,
      });
      return { client: saved, undoId };
    });
  }

  /** Merges of this card that can still be undone, newest first, for the card to offer. */
  async mergesOf(
    clientId: number,
  ): Promise<{ undoId: number; at: string; mergedId: number; name: string }[]> {
    const rows = await this.ctx.db
      .selectFrom('undo_entries')
      .select(['id', 'at', 'summary'])
      .where('kind', '=', 'clients.merge')
      .where('undone_at', 'is', null)
      .where(jsonNumber(this.ctx.db, 'summary', 'keepId'), '=', clientId)
      .orderBy('id', 'desc')
      .limit(10)
      .execute();
    return rows.map((r) => {
      const summary = JSON.parse(r.summary) as { mergeId: number; mergedName: string };
      return { undoId: r.id, at: r.at, mergedId: summary.mergeId, name: summary.mergedName };
    });
  }

  /** The clerk's values, each checked against what the preview offered for its field. */
  private chosenValues(plan: MergePreview, input: MergeInput): Partial<ClientInput> {
    const values: Record<string, string | null> = {};
    const refused: string[] = [];
    for (const choice of plan.fields) {
      const given = input.values[choice.field];
      const value = given === undefined ? (choice.options[choice.chosen]?.value ?? null) : given;
      if (!choice.options.some((o) => o.value === value)) refused.push(choice.field);
      values[choice.field] = value;
    }
    if (refused.length > 0) {
      throw new AppError('BAD_INPUT', `values not offered for ${refused.join(', ')}`, undefined, {
        reason: 'mergeValueNotOffered',
        params: { fields: refused.join(', ') },
      });
    }
    const picked: Partial<ClientInput> = {};
    for (const field of MERGE_FIELDS) Object.assign(picked, { [field]: values[field] ?? null });
    for (const field of MERGE_FIELDS) {
      if (field !== 'gender' && field !== 'birthDate' && picked[field] === null)
        Object.assign(picked, { [field]: '' });
    }
    return picked;
  }

  /**
   * The rows of tours where both cards are tourists, per tour, the kept card's (first) row first:
   * one person is one row of a tour.
   */
  private async touristsTwice(
    trx: Transaction<Database>,
    plan: MergePreview,
    both: number[],
  ): Promise<Selectable<TouristsTable>[][]> {
    if (plan.sharedTours.length === 0) return [];
    const rows = await trx
      .selectFrom('tourists')
      .selectAll()
      .where('client_id', 'in', both)
      .where(
        'tour_id',
        'in',
        plan.sharedTours.map((s) => s.tourId),
      )
      .orderBy('tour_id')
      .orderBy('position')
      .orderBy('id')
      .execute();
    const byTour = new Map<number, Selectable<TouristsTable>[]>();
    for (const r of rows) byTour.set(r.tour_id, [...(byTour.get(r.tour_id) ?? []), r]);
    return [...byTour.values()].map((list) => [
      ...list.filter((r) => r.client_id === plan.keep.id),
      ...list.filter((r) => r.client_id !== plan.keep.id),
    ]);
  }

  /**
   * The person's rows of one tour become the first one: it keeps its place and values, takes what
   * it left empty (ticket, passport, phone…) from the others, and their services and answers (an
   * answer given on both keeps the newer); the other rows go.
   */
  private async foldTourists(
    trx: Transaction<Database>,
    keepId: number,
    [kept, ...others]: Selectable<TouristsTable>[],
  ): Promise<void> {
    if (!kept || others.length === 0) return;
    let fields: TouristFields = toTourist(kept, []);
    for (const other of others) fields = foldTourist(fields, toTourist(other, [])).fields;
    const otherIds = others.map((o) => o.id);
    const services = await trx
      .selectFrom('tourist_services')
      .select(['tourist_id', 'service_id'])
      .where('tourist_id', 'in', [kept.id, ...otherIds])
      .execute();
    const held = new Set(services.filter((x) => x.tourist_id === kept.id).map((x) => x.service_id));
    const added = [...new Set(services.map((x) => x.service_id))].filter((id) => !held.has(id));
    if (added.length > 0) {
      await trx
        .insertInto('tourist_services')
        .values(added.map((service_id) => ({ tourist_id: kept.id, service_id })))
        .execute();
    }
    await this.moveAnswers(trx, 'tourist_id', kept.id, otherIds);
    await trx.deleteFrom('tourists').where('id', 'in', otherIds).execute();
    await trx
      .updateTable('tourists')
      .set({ ...touristColumns(fields), client_id: keepId, version: kept.version + 1 })
      .where('id', '=', kept.id)
      .execute();
  }

  /** Answers of the merged card (or tourist rows) move to the kept one; one given on both keeps the newer. */
  private async moveAnswers(
    trx: Transaction<Database>,
    column: 'client_id' | 'tourist_id',
    keepId: number,
    fromIds: number[],
  ): Promise<void> {
    const answers = await trx
      .selectFrom('questionnaire_answers')
      .select(['id', 'country', 'field_key', 'updated_at'])
      .where(column, 'in', [keepId, ...fromIds])
      .execute();
    const byField = new Map<string, (typeof answers)[number]>();
    const drop: number[] = [];
    for (const a of answers) {
      const k = `${a.country}|${a.field_key}`;
      const known = byField.get(k);
      if (!known) byField.set(k, a);
      else if (a.updated_at > known.updated_at) {
        drop.push(known.id);
        byField.set(k, a);
      } else drop.push(a.id);
    }
    if (drop.length > 0) await trx.deleteFrom('questionnaire_answers').where('id', 'in', drop).execute();
    await trx
      .updateTable('questionnaire_answers')
      .set({ [column]: keepId })
      .where(column, 'in', fromIds)
      .execute();
  }

  /** Family links move too; a link between the two cards, or one the survivor already has, goes. */
  private async moveLinks(trx: Transaction<Database>, keepId: number, mergeId: number): Promise<void> {
    const links = await trx
      .selectFrom('client_links')
      .selectAll()
      .where((eb) =>
        eb.or([eb('client_id', 'in', [keepId, mergeId]), eb('other_id', 'in', [keepId, mergeId])]),
      )
      .execute();
    const partner = (l: (typeof links)[number], of: number) =>
      l.client_id === of ? l.other_id : l.client_id;
    const keepPartners = new Set(
      links.filter((l) => l.client_id === keepId || l.other_id === keepId).map((l) => partner(l, keepId)),
    );
    for (const l of links) {
      if (l.client_id !== mergeId && l.other_id !== mergeId) continue;
      const other = partner(l, mergeId);
      if (other === keepId || keepPartners.has(other)) {
        await trx.deleteFrom('client_links').where('id', '=', l.id).execute();
        continue;
      }
      keepPartners.add(other);
      await trx
        .updateTable('client_links')
        .set(l.client_id === mergeId ? { client_id: keepId } : { other_id: keepId })
        .where('id', '=', l.id)
        .execute();
    }
  }
}
