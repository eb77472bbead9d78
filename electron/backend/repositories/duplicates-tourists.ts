import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/api/envelope';
import type { Database } from '../db/schema';

export interface TouristInTour {
  id: number;
  clientId: number;
  /** The number the tour's list shows (1-based). */
  number: number;
  name: string;
}

/** The tourists of a tour linked to regular clients, by client, with their list numbers. */
export async function touristsByClient(
  db: Kysely<Database>,
  tourId: number,
): Promise<Map<number, TouristInTour>> {
  const rows = await db
    .selectFrom('tourists')
    .select(['id', 'client_id', 'last_name_ru', 'first_name_ru', 'last_name_lat', 'first_name_lat'])
    .where('tour_id', '=', tourId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const byClient = new Map<number, TouristInTour>();
  rows.forEach((r, i) => {
    if (r.client_id === null || byClient.has(r.client_id)) return;
    byClient.set(r.client_id, {
      id: r.id,
      clientId: r.client_id,
      number: i + 1,
      name:
        [r.last_name_ru, r.first_name_ru].filter(Boolean).join(' ') ||
        [r.last_name_lat, r.first_name_lat].filter(Boolean).join(' '),
    });
  });
  return byClient;
}

/**
 * No person twice in one tour (issue 13): a regular client who is a tourist of the tour already is
 * refused, naming the existing row, whether added in the dialog or copied from another tour.
 */
export async function refuseTouristTwice(
  db: Kysely<Database>,
  tourId: number,
  clientId: number,
  touristId: number | undefined,
): Promise<void> {
  if (touristId !== undefined) {
    // An edit that keeps the tourist's client is no new addition (an older list may hold it twice).
    const current = await db
      .selectFrom('tourists')
      .select('client_id')
      .where('id', '=', touristId)
      .executeTakeFirst();
    if (current?.client_id === clientId) return;
  }
  const existing = (await touristsByClient(db, tourId)).get(clientId);
  if (!existing || existing.id === touristId) return;
  throw new AppError(
    'BAD_INPUT',
    `client ${clientId} is tourist ${existing.id} of tour ${tourId} already`,
    undefined,
    { reason: 'touristAlreadyInTour', params: { name: existing.name, number: existing.number } },
  );
}

export interface SkippedRow {
  /** The row number the import grid shows. */
  row: number;
  /** The tourist already in the tour and their number in its list, or the earlier row of this list. */
  name: string;
  number: number;
  earlierRow: number | null;
}

/**
 * An import's rows without those whose regular client is a tourist of the tour already, or came
 * earlier in the same list: those are skipped and reported, never written twice.
 */
export async function withoutTouristsInTour<
  P extends { row: { action: string; clientId: number | null; sourceRow?: number | undefined } },
>(db: Kysely<Database>, tourId: number | null, prepared: P[]): Promise<{ kept: P[]; skipped: SkippedRow[] }> {
  if (tourId === null) return { kept: prepared, skipped: [] };
  const inTour = await touristsByClient(db, tourId);
  const earlier = new Map<number, number>();
  const skipped: SkippedRow[] = [];
  const kept = prepared.filter((p, index) => {
    const clientId = p.row.action === 'link' ? p.row.clientId : null;
    if (clientId === null) return true;
    const shown = p.row.sourceRow ?? index + 1;
    const existing = inTour.get(clientId);
    if (existing) {
      skipped.push({ row: shown, name: existing.name, number: existing.number, earlierRow: null });
      return false;
    }
    const before = earlier.get(clientId);
    if (before !== undefined) {
      skipped.push({ row: shown, name: '', number: 0, earlierRow: before });
      return false;
    }
    earlier.set(clientId, shown);
    return true;
  });
  return { kept, skipped };
}
