import { sql } from 'kysely';
import { AppError } from '../../../shared/api/envelope';
import { timestamp } from '../../../shared/domain/clock';
import type { FamilyMember, FamilyRelation } from '../../../shared/domain/duplicates';
import type { RepositoryContext } from '../context';
import type { ClientLinksTable } from '../db/schema';
import { CLIENT_NAME_COLUMNS, displayName } from './client-names';

/** Under this age on the first day of the tour a tourist travels as a minor. */
const ADULT_AGE = 18;

type LinkRow = { id: number; client_id: number; other_id: number; kind: ClientLinksTable['kind'] };

/** What `other` is to `clientId` through one stored link. */
function relationOf(link: LinkRow, clientId: number): FamilyRelation {
  if (link.kind !== 'parent') return link.kind;
  return link.client_id === clientId ? 'child' : 'parent';
}

function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * Family (spouse, parent and child, siblings) and travel-group links between regular clients
 * (issue 13): the card shows them, adding one member to a tour offers the others, and a minor
 * whose parent is not in the tour is flagged.
 */
export class FamiliesRepository {
  constructor(private readonly ctx: RepositoryContext) {}

  async members(clientId: number): Promise<FamilyMember[]> {
    const links = await this.linksOf([clientId]);
    if (links.length === 0) return [];
    const otherIds = links.map((l) => (l.client_id === clientId ? l.other_id : l.client_id));
    const people = await this.ctx.db
      .selectFrom('clients')
      .select(['id', ...CLIENT_NAME_COLUMNS, 'birth_date'])
      .where('id', 'in', otherIds)
      .where('deleted_at', 'is', null)
      .execute();
    const byId = new Map(people.map((p) => [p.id, p]));
    return links.flatMap((l) => {
      const other = byId.get(l.client_id === clientId ? l.other_id : l.client_id);
      if (!other) return [];
      return [
        {
          linkId: l.id,
          clientId: other.id,
          name: displayName(other),
          birthDate: other.birth_date,
          relation: relationOf(l, clientId),
        },
      ];
    });
  }

  /** Links `otherId` to the client as what it is to them (their spouse, parent, child…). */
  async link(clientId: number, otherId: number, relation: FamilyRelation): Promise<FamilyMember[]> {
    if (clientId === otherId) throw new AppError('BAD_INPUT', 'a client cannot be linked to themselves');
    await this.ctx.db.transaction().execute(async (trx) => {
      const found = await trx
        .selectFrom('clients')
        .select('id')
        .where('id', 'in', [clientId, otherId])
        .where('deleted_at', 'is', null)
        .execute();
      if (found.length !== 2) throw new AppError('NOT_FOUND', `client ${clientId} or ${otherId} not found`);
      const existing = await trx
        .selectFrom('client_links')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('client_id', '=', clientId), eb('other_id', '=', otherId)]),
            eb.and([eb('client_id', '=', otherId), eb('other_id', '=', clientId)]),
          ]),
        )
        .executeTakeFirst();
      if (existing) {
        throw new AppError('BAD_INPUT', `clients ${clientId} and ${otherId} are linked already`, undefined, {
          reason: 'familyLinkExists',
        });
      }
      const [from, to] =
        relation === 'parent'
          ? [otherId, clientId]
          : relation === 'child'
            ? [clientId, otherId]
            : [clientId, otherId];
      const kind = relation === 'child' ? 'parent' : relation;
      const inserted = await trx
        .insertInto('client_links')
        .values({ client_id: from, other_id: to, kind, created_at: timestamp(this.ctx.clock) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.ctx.audit.record(trx, {
        entity: 'client',
        entityId: clientId,
        action: 'link',
        changes: { linkId: inserted.id, other: otherId, relation },
      });
    });
    return this.members(clientId);
  }

  async unlink(clientId: number, linkId: number): Promise<FamilyMember[]> {
    await this.ctx.db.transaction().execute(async (trx) => {
      const result = await trx
        .deleteFrom('client_links')
        .where('id', '=', linkId)
        .where((eb) => eb.or([eb('client_id', '=', clientId), eb('other_id', '=', clientId)]))
        .executeTakeFirst();
      if (Number(result.numDeletedRows) === 0)
        throw new AppError('NOT_FOUND', `link ${linkId} of client ${clientId} not found`);
      await this.ctx.audit.record(trx, {
        entity: 'client',
        entityId: clientId,
        action: 'unlink',
        changes: { linkId },
      });
    });
    return this.members(clientId);
  }

  /** The client's family and group who are not tourists of this tour yet: what to offer next. */
  async companionsFor(tourId: number, clientId: number): Promise<FamilyMember[]> {
    const inTour = new Set(
      (
        await this.ctx.db
          .selectFrom('tourists')
          .select('client_id')
          .where('tour_id', '=', tourId)
          .where('client_id', 'is not', null)
          .execute()
      ).map((t) => t.client_id),
    );
    return (await this.members(clientId)).filter((m) => !inTour.has(m.clientId));
  }

  /**
   * Tourists under 18 on the tour's first day with no parent (by the family links) among the
   * tour's tourists: a consent letter from the parents may be needed.
   */
  async minorsWithoutParent(tourId: number): Promise<number[]> {
    const tour = await this.ctx.db
      .selectFrom('tours')
      .select(['arrival_date'])
      .where('id', '=', tourId)
      .executeTakeFirst();
    if (!tour) throw new AppError('NOT_FOUND', `tour ${tourId} not found`);
    const day = tour.arrival_date ?? timestamp(this.ctx.clock).slice(0, 10);
    const tourists = await this.ctx.db
      .selectFrom('tourists')
      .select(['id', 'client_id', 'birth_date'])
      .where('tour_id', '=', tourId)
      .execute();
    const minors = tourists.filter((t) => t.birth_date !== null && ageOn(t.birth_date, day) < ADULT_AGE);
    if (minors.length === 0) return [];
    const clientIds = new Set(tourists.flatMap((t) => (t.client_id === null ? [] : [t.client_id])));
    const minorClients = minors.flatMap((m) => (m.client_id === null ? [] : [m.client_id]));
    const parentLinks =
      minorClients.length === 0
        ? []
        : await this.ctx.db
            .selectFrom('client_links')
            .select(['client_id', 'other_id'])
            .where('kind', '=', 'parent')
            .where('other_id', 'in', minorClients)
            .execute();
    return minors
      .filter(
        (m) =>
          m.client_id === null ||
          !parentLinks.some((l) => l.other_id === m.client_id && clientIds.has(l.client_id)),
      )
      .map((m) => m.id);
  }

  private async linksOf(ids: number[]): Promise<LinkRow[]> {
    return (
      await sql<LinkRow>`SELECT id, client_id, other_id, kind FROM client_links
        WHERE client_id IN (${sql.join(ids)}) OR other_id IN (${sql.join(ids)}) ORDER BY id`.execute(
        this.ctx.db,
      )
    ).rows;
  }
}
