import type { Kysely } from 'kysely';
import { DuplicateBlocks, type DuplicatePair } from '../../../shared/domain/duplicate-rules';
import type { Database } from '../db/schema';

/**
 * Cards read per query. The whole base at once would keep 200,000 rows of strings alive until the
 * last one arrived (most of a bare read's time went to the garbage collector moving them); a chunk
 * is folded into the blocks and dropped. Keyset by id, so it works the same on every dialect.
 */
const CHUNK = 10_000;

const PASSPORTS = ['foreign_passport', 'internal_passport'] as const;

/** Every name spelling, birth date and contact of the live cards, chunk by chunk. */
async function addCards(db: Kysely<Database>, blocks: DuplicateBlocks): Promise<void> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('clients')
      .select([
        'id',
        'last_name_ru',
        'first_name_ru',
        'last_name_lat',
        'first_name_lat',
        'birth_date',
        'phone',
        'email',
      ])
      .where('deleted_at', 'is', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(CHUNK)
      .execute();
    for (const r of rows) {
      const card = blocks.addCard(r.id);
      blocks.addName(card, r.last_name_ru, r.first_name_ru);
      blocks.addName(card, r.last_name_lat, r.first_name_lat);
      blocks.addBirth(card, r.birth_date);
      blocks.addContacts(card, r.phone, r.email);
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < CHUNK) return;
    after = last.id;
  }
}

/**
 * The Latin printed in passports, only where it is not the card's own Latin already (a few hundred
 * of 200,000 cards): the card's spelling gave that key.
 */
async function addPassportSpellings(db: Kysely<Database>, blocks: DuplicateBlocks): Promise<void> {
  const rows = await db
    .selectFrom('documents as d')
    .innerJoin('clients as c', 'c.id', 'd.client_id')
    .select(['d.client_id', 'd.last_name_lat', 'd.first_name_lat'])
    .where('d.kind', 'in', PASSPORTS)
    .where('d.last_name_lat', '<>', '')
    .where((eb) =>
      eb.or([
        eb('d.last_name_lat', '<>', eb.ref('c.last_name_lat')),
        eb('d.first_name_lat', '<>', eb.ref('c.first_name_lat')),
      ]),
    )
    .execute();
  for (const r of rows) {
    const card = blocks.cardOf(r.client_id);
    if (card !== undefined) blocks.addName(card, r.last_name_lat, r.first_name_lat);
  }
}

/**
 * Passports whose number is on more than one document, read through the index on the number
 * (series and number are stored compacted, so one passport is one number); the blocks compare
 * series and number together.
 */
async function addSharedPassports(db: Kysely<Database>, blocks: DuplicateBlocks): Promise<void> {
  const rows = await db
    .selectFrom('documents')
    .select(['client_id', 'kind', 'series', 'number'])
    .where('kind', 'in', PASSPORTS)
    .where('number', 'in', (eb) =>
      eb
        .selectFrom('documents')
        .select('number')
        .where('number', '<>', '')
        .groupBy('number')
        .having((h) => h.fn.countAll(), '>', 1),
    )
    .orderBy('client_id')
    .execute();
  for (const r of rows) {
    const card = blocks.cardOf(r.client_id);
    if (card !== undefined) blocks.addPassport(card, r.kind, r.series, r.number);
  }
}

/** The whole base read once and every candidate pair found (the Duplicates screen's scan, and the bench's). */
export async function scanPairs(
  db: Kysely<Database>,
  isDismissed: (a: number, b: number) => boolean,
): Promise<DuplicatePair[]> {
  const blocks = new DuplicateBlocks();
  await addCards(db, blocks);
  await addPassportSpellings(db, blocks);
  await addSharedPassports(db, blocks);
  return blocks.pairs(isDismissed);
}
