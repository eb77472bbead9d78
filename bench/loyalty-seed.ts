import Database from 'better-sqlite3';
import { createBackend } from '../electron/backend';
import { createRandom, generateClients } from '../electron/backend/demo/generate-clients';
import { addDays, addMonths } from '../shared/loyalty';
import { time } from './report';

const DESTINATIONS = [
  ['TUR', 'Rixos Downtown'],
  ['TUR', 'Maxx Royal Belek'],
  ['EGY', 'Steigenberger Al Dau'],
  ['ARE', 'Atlantis The Palm'],
  ['THA', 'Kata Beach Resort'],
  ['ITA', 'Grand Hotel Rimini'],
  ['ESP', 'H10 Port Vell'],
  ['GRC', 'Aldemar Knossos Royal'],
  ['FRA', 'Hôtel du Louvre'],
  ['CYP', 'Amathus Beach'],
] as const;

/** Family-sized groups: mostly two or three travellers, up to six (mean about 2.7). */
function groupSize(random: () => number): number {
  const r = random();
  return r < 0.25 ? 1 : r < 0.6 ? 2 : r < 0.75 ? 3 : r < 0.9 ? 4 : r < 0.96 ? 5 : 6;
}

/**
 * A loyalty bench base: `clients` regular clients through the app's own insert, then tours with
 * about `tourists` travellers over six years to eight months ahead, written raw in one transaction
 * (the app's tour save would take hours for a million travellers). Groups are runs of neighbouring
 * ids (a family), and the lower ids travel more often, so the ladder, ABC and RFM have every class.
 * Payers on 70% of tours, a score on 25% of finished ones, complaints, referrals and a contact log.
 */
export async function seedLoyaltyBase(
  dbPath: string,
  clients: number,
  tourists: number,
  today: string,
): Promise<void> {
  const backend = await createBackend({ dbPath, backupEveryMinutes: null, logger: { error: console.error } });
  const clientMs = await time(async () => {
    for (let done = 0; done < clients; done += 100_000) {
      const count = Math.min(100_000, clients - done);
      await backend.clients.insertMany(generateClients(count, 42 + done, today));
    }
  });
  await backend.close();
  console.log(`seeded ${clients.toLocaleString('en')} clients in ${(clientMs.ms / 1000).toFixed(0)} s`);

  const raw = new Database(dbPath);
  const random = createRandom(15);
  const insertTour = raw.prepare(
    `INSERT INTO tours (voucher, created_at, arrival_date, departure_date, country, hotel, status,
       price_minor, cost_minor, currency, updated_at, payer_client_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'RUB', ?, ?)`,
  );
  const insertService = raw.prepare(
    `INSERT INTO tour_services (tour_id, kind, description, start_date, end_date, price_minor)
     VALUES (?, 'accommodation', ?, ?, ?, ?)`,
  );
  const insertTourist = raw.prepare(
    `INSERT INTO tourists (tour_id, client_id, position, last_name_ru, first_name_ru, last_name_lat,
       first_name_lat, birth_date, passport_expiry)
     SELECT ?, id, ?, last_name_ru, first_name_ru, last_name_lat, first_name_lat, birth_date, passport_expiry
     FROM clients WHERE id = ?`,
  );
  const insertFeedback = raw.prepare(
    `INSERT INTO feedback (client_id, tour_id, kind, score, text, status, received_on, resolved_on, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertReferral = raw.prepare(
    'INSERT OR IGNORE INTO client_referrals (client_id, referrer_id, recorded_on) VALUES (?, ?, ?)',
  );
  const insertLog = raw.prepare(
    `INSERT INTO contact_log (client_id, item_key, reason, action, note, at) VALUES (?, ?, 'birthday', 'done', '', ?)`,
  );
  const ids = raw.prepare('SELECT min(id) AS lo, max(id) AS hi FROM clients').get() as {
    lo: number;
    hi: number;
  };
  const firstDay = addMonths(today, -72);
  const span = 72 + 8;
  const tourMs = await time(() =>
    raw.transaction(() => {
      let written = 0;
      let voucher = 0;
      while (written < tourists) {
        const size = Math.min(groupSize(random), tourists - written);
        // r² leans toward the low ids: a few clients travel every year, most once or twice.
        const anchor = ids.lo + Math.floor(random() * random() * (ids.hi - ids.lo - size));
        const arrival = addDays(addMonths(firstDay, Math.floor(random() * span)), Math.floor(random() * 28));
        const departure = addDays(arrival, 7 + Math.floor(random() * 8));
        const [country, hotel] = DESTINATIONS[Math.floor(random() * DESTINATIONS.length)] as readonly [
          string,
          string,
        ];
        const roll = random();
        const status =
          roll < 0.04 ? 'cancelled' : roll < 0.06 ? 'draft' : departure < today ? 'completed' : 'confirmed';
        const price = (60 + Math.floor(random() * 340)) * 1000_00 * Math.max(1, size - 1);
        // Booked 20-110 days before the start, and never after today.
        const booked = addDays(arrival, -20 - Math.floor(random() * 90));
        const created = `${booked < today ? booked : addDays(today, -Math.floor(random() * 200))}T10:00:00.000Z`;
        voucher += 1;
        const tourId = Number(
          insertTour.run(
            `B-${voucher}`,
            created,
            arrival,
            departure,
            country,
            hotel,
            status,
            price,
            Math.round(price * (0.8 + random() * 0.12)),
            created,
            random() < 0.7 ? anchor : null,
          ).lastInsertRowid,
        );
        insertService.run(tourId, hotel, arrival, departure, Math.round(price * 0.6));
        for (let p = 0; p < size; p++) insertTourist.run(tourId, p, anchor + p);
        written += size;
        if (status === 'completed' && random() < 0.25) {
          const received = addDays(departure, 2 + Math.floor(random() * 20));
          const complaint = random() < 0.08;
          const resolved =
            complaint && random() < 0.7 ? addDays(received, 1 + Math.floor(random() * 20)) : null;
          const score = complaint ? Math.floor(random() * 7) : Math.min(10, 6 + Math.floor(random() * 5));
          insertFeedback.run(
            anchor,
            tourId,
            complaint ? 'complaint' : 'score',
            score,
            complaint ? 'Номер не соответствовал описанию' : '',
            complaint ? (resolved ? 'resolved' : 'open') : 'open',
            received,
            resolved,
            `${received}T12:00:00.000Z`,
          );
        }
      }
      for (let i = 0; i < clients * 0.03; i++) {
        const client = ids.lo + Math.floor(random() * (ids.hi - ids.lo));
        const referrer = ids.lo + Math.floor(random() * random() * (ids.hi - ids.lo));
        if (client !== referrer) insertReferral.run(client, referrer, firstDay);
      }
      for (let i = 0; i < 2000; i++) {
        const client = ids.lo + Math.floor(random() * (ids.hi - ids.lo));
        insertLog.run(client, `birthday:${client}:2025`, `${addDays(today, -i % 300)}T09:00:00.000Z`);
      }
      return voucher;
    })(),
  );
  raw.exec('ANALYZE');
  raw.close();
  console.log(
    `seeded ${tourMs.value.toLocaleString('en')} tours, ${tourists.toLocaleString('en')} tourists in ${(tourMs.ms / 1000).toFixed(0)} s`,
  );
}
