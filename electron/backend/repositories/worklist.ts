import type { z } from 'zod';
import { AppError } from '../../../shared/api/envelope';
import { timestamp, today } from '../../../shared/domain/clock';
import type { ContactEntry, WorklistItem, WorklistReason } from '../../../shared/loyalty';
import type { worklistActSchema, worklistQuerySchema } from '../../../shared/loyalty/worklist-model';
import type { RepositoryContext } from '../context';
import { loyaltyDb } from './loyalty-schema';
import { WorklistReader, worklistPage } from './worklist-reader';

type WorklistQuery = z.output<typeof worklistQuerySchema>;
type WorklistAct = z.output<typeof worklistActSchema>;

/**
 * Who to contact today or this week. Each reason first finds its few candidate clients with an
 * indexed or bounded query; the reasons themselves are decided by shared/loyalty/worklist.ts over
 * those clients' facts, and items done, dismissed or postponed in the contact log are left out.
 */
export class WorklistRepository {
  constructor(
    private readonly ctx: RepositoryContext,
    private readonly clerk: () => string,
  ) {}

  list(query: WorklistQuery): Promise<WorklistItem[]> {
    return worklistPage(
      new WorklistReader(loyaltyDb(this.ctx.db), today(this.ctx.clock), query),
      query.limit,
    );
  }

  async act(input: WorklistAct): Promise<ContactEntry> {
    const id = await this.ctx.db.transaction().execute(async (trx) => {
      const db = loyaltyDb(trx);
      const client = await db
        .selectFrom('clients')
        .select('id')
        .where('id', '=', input.clientId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!client) throw new AppError('NOT_FOUND', `client ${input.clientId} not found`);
      if (!input.key.startsWith(`${input.reason}:${input.clientId}:`)) {
        throw new AppError('BAD_INPUT', 'the item key does not belong to this client and reason');
      }
      const row = await db
        .insertInto('contact_log')
        .values({
          client_id: input.clientId,
          item_key: input.key,
          reason: input.reason,
          action: input.action,
          note: input.note,
          postponed_until: input.postponeUntil,
          at: timestamp(this.ctx.clock),
          clerk: this.clerk(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.ctx.audit.record(trx, {
        entity: 'client',
        entityId: input.clientId,
        action: `contact.${input.action}`,
        changes: { reason: input.reason },
      });
      return row.id;
    });
    const entries = await this.log(input.clientId);
    const entry = entries.find((e) => e.id === id);
    if (!entry) throw new AppError('NOT_FOUND', `contact ${id} not found`);
    return entry;
  }

  async log(clientId: number): Promise<ContactEntry[]> {
    const rows = await loyaltyDb(this.ctx.db)
      .selectFrom('contact_log')
      .selectAll()
      .where('client_id', '=', clientId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(500)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      clientId: r.client_id,
      reason: r.reason as WorklistReason,
      action: r.action,
      note: r.note,
      postponedUntil: r.postponed_until,
      at: r.at,
      clerk: r.clerk,
    }));
  }
}
