import { AppError } from '../../../shared/api/envelope';
import { timestamp, today } from '../../../shared/domain/clock';
import type { Feedback, Referrals } from '../../../shared/loyalty';
import type { feedbackInputSchema } from '../../../shared/loyalty/feedback-model';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../db/schema';
import type { RepositoryContext } from '../context';
import { displayName } from './client-names';
import { loyaltyDb } from './loyalty-schema';

type FeedbackInput = z.output<typeof feedbackInputSchema>;

/** Feedback and complaints per client and tour, who recommended whom, and who paid for a tour. */
export class FeedbackRepository {
  constructor(
    private readonly ctx: RepositoryContext,
    private readonly clerk: () => string,
  ) {}

  async save(input: FeedbackInput): Promise<Feedback> {
    const id = await this.ctx.db.transaction().execute(async (trx) => {
      const db = loyaltyDb(trx);
      await this.requireClient(trx, input.clientId);
      if (input.tourId !== null) {
        const tour = await db
          .selectFrom('tours')
          .select('id')
          .where('id', '=', input.tourId)
          .executeTakeFirst();
        if (!tour) throw new AppError('NOT_FOUND', `tour ${input.tourId} not found`);
      }
      const values = {
        client_id: input.clientId,
        tour_id: input.tourId,
        kind: input.kind,
        score: input.score,
        text: input.text,
        status: input.status,
        resolver: input.resolver,
        resolution: input.resolution,
        received_on: input.receivedOn,
        resolved_on: input.resolvedOn,
        updated_at: timestamp(this.ctx.clock),
      };
      let savedId: number;
      if (input.id === undefined) {
        const row = await db
          .insertInto('feedback')
          .values({ ...values, clerk: this.clerk() })
          .returning('id')
          .executeTakeFirstOrThrow();
        savedId = row.id;
      } else {
        const current = await db
          .selectFrom('feedback')
          .select(['id', 'version'])
          .where('id', '=', input.id)
          .executeTakeFirst();
        if (!current) throw new AppError('NOT_FOUND', `feedback ${input.id} not found`);
        if (input.version !== undefined && input.version !== current.version) {
          throw new AppError('STALE_VERSION', `feedback ${input.id} was changed by someone else`);
        }
        await db
          .updateTable('feedback')
          .set({ ...values, version: current.version + 1 })
          .where('id', '=', input.id)
          .execute();
        savedId = input.id;
      }
      await this.ctx.audit.record(trx, {
        entity: 'feedback',
        entityId: savedId,
        action: input.id === undefined ? 'create' : 'update',
        changes: { clientId: input.clientId, tourId: input.tourId, kind: input.kind, status: input.status },
      });
      return savedId;
    });
    const [saved] = await this.list({ id });
    if (!saved) throw new AppError('NOT_FOUND', `feedback ${id} not found`);
    return saved;
  }

  async list(where: { id?: number; clientId?: number | null; tourId?: number | null }): Promise<Feedback[]> {
    let query = loyaltyDb(this.ctx.db)
      .selectFrom('feedback')
      .innerJoin('clients', 'clients.id', 'feedback.client_id')
      .leftJoin('tours', 'tours.id', 'feedback.tour_id')
      .selectAll('feedback')
      .select([
        'clients.last_name_ru',
        'clients.first_name_ru',
        'clients.middle_name_ru',
        'clients.last_name_lat',
        'clients.first_name_lat',
        'tours.voucher',
      ]);
    if (where.id !== undefined) query = query.where('feedback.id', '=', where.id);
    if (where.clientId != null) query = query.where('feedback.client_id', '=', where.clientId);
    if (where.tourId != null) query = query.where('feedback.tour_id', '=', where.tourId);
    const rows = await query
      .orderBy('feedback.received_on', 'desc')
      .orderBy('feedback.id', 'desc')
      .limit(1000)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      version: r.version,
      clientId: r.client_id,
      clientName: displayName(r),
      tourId: r.tour_id,
      voucher: r.voucher ?? '',
      kind: r.kind,
      score: r.score,
      text: r.text,
      status: r.status,
      resolver: r.resolver,
      resolution: r.resolution,
      receivedOn: r.received_on,
      resolvedOn: r.resolved_on,
      clerk: r.clerk,
    }));
  }

  async referrals(clientId: number): Promise<Referrals> {
    await this.requireClient(this.ctx.db, clientId);
    const db = loyaltyDb(this.ctx.db);
    const referrer = await db
      .selectFrom('client_referrals')
      .innerJoin('clients', 'clients.id', 'client_referrals.referrer_id')
      .select([
        'clients.id',
        'last_name_ru',
        'first_name_ru',
        'middle_name_ru',
        'last_name_lat',
        'first_name_lat',
      ])
      .where('client_referrals.client_id', '=', clientId)
      .where('clients.deleted_at', 'is', null)
      .executeTakeFirst();
    const referred = await db
      .selectFrom('client_referrals')
      .innerJoin('clients', 'clients.id', 'client_referrals.client_id')
      .select([
        'clients.id',
        'last_name_ru',
        'first_name_ru',
        'middle_name_ru',
        'last_name_lat',
        'first_name_lat',
      ])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('tourists')
              .innerJoin('tours', 'tours.id', 'tourists.tour_id')
              .select('tourists.id')
              .whereRef('tourists.client_id', '=', 'clients.id')
              .where('tours.status', 'in', ['booked', 'confirmed', 'completed']),
          )
          .as('travelled'),
      )
      .where('client_referrals.referrer_id', '=', clientId)
      .where('clients.deleted_at', 'is', null)
      .orderBy('clients.sort_name')
      .execute();
    return {
      referrer: referrer ? { clientId: referrer.id, name: displayName(referrer) } : null,
      referred: referred.map((r) => ({
        clientId: r.id,
        name: displayName(r),
        travelled: Boolean(r.travelled),
      })),
    };
  }

  async setReferrer(clientId: number, referrerId: number | null): Promise<Referrals> {
    await this.ctx.db.transaction().execute(async (trx) => {
      const db = loyaltyDb(trx);
      await this.requireClient(trx, clientId);
      if (referrerId !== null) await this.requireClient(trx, referrerId);
      await db.deleteFrom('client_referrals').where('client_id', '=', clientId).execute();
      if (referrerId !== null) {
        await db
          .insertInto('client_referrals')
          .values({ client_id: clientId, referrer_id: referrerId, recorded_on: today(this.ctx.clock) })
          .execute();
      }
      await this.ctx.audit.record(trx, {
        entity: 'client',
        entityId: clientId,
        action: 'referrer',
        changes: { referrerId },
      });
    });
    return this.referrals(clientId);
  }

  async payer(tourId: number): Promise<{ tourId: number; payerClientId: number | null }> {
    const tour = await loyaltyDb(this.ctx.db)
      .selectFrom('tours')
      .select('payer_client_id')
      .where('id', '=', tourId)
      .executeTakeFirst();
    if (!tour) throw new AppError('NOT_FOUND', `tour ${tourId} not found`);
    return { tourId, payerClientId: tour.payer_client_id };
  }

  async setPayer(
    tourId: number,
    clientId: number | null,
  ): Promise<{ tourId: number; payerClientId: number | null }> {
    return this.ctx.db.transaction().execute(async (trx) => {
      const db = loyaltyDb(trx);
      const tour = await db.selectFrom('tours').select('id').where('id', '=', tourId).executeTakeFirst();
      if (!tour) throw new AppError('NOT_FOUND', `tour ${tourId} not found`);
      if (clientId !== null) await this.requireClient(trx, clientId);
      // The tour card never edits the payer, so its version stays: an open card can still be saved.
      await db.updateTable('tours').set({ payer_client_id: clientId }).where('id', '=', tourId).execute();
      await this.ctx.audit.record(trx, {
        entity: 'tour',
        entityId: tourId,
        action: 'payer',
        changes: { clientId },
      });
      return { tourId, payerClientId: clientId };
    });
  }

  /** Runs on the caller's transaction: the one connection is held by it until it ends. */
  private async requireClient(db: Kysely<Database>, id: number): Promise<void> {
    const client = await db
      .selectFrom('clients')
      .select('id')
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!client) throw new AppError('NOT_FOUND', `client ${id} not found`);
  }
}
