import type { CommandInput, CommandName, CommandOutput } from '../../../shared/api/contract';
import type { Client } from '../../../shared/domain/client';
import { touristFromClient } from '../../../shared/domain/tourist-client';
import type { Backend } from '../index';
import { generateHistory, HISTORY_DESTINATIONS } from './generate-history';

export interface HistorySummary {
  tours: number;
  tourists: number;
  payers: number;
  feedback: number;
  referrals: number;
  contacts: number;
}

/**
 * Writes several years of tours, payers, feedback, referrals and a few contact-log notes over the
 * base's live clients, through the same commands the screens use (so every rule and audit line
 * applies), for `npm run demo` and the test that checks the Loyalty screen on a demo base.
 */
export async function fillDemoHistory(
  backend: Backend,
  options: { today: string; seed: number },
): Promise<HistorySummary> {
  const call = async <K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>> => {
    const answer = await backend.dispatch(name, input);
    if (!answer.ok) throw new Error(`${name}: ${answer.error.code} ${answer.error.message}`);
    return answer.value as CommandOutput<K>;
  };
  const ids = (
    await backend.db
      .selectFrom('clients')
      .select('id')
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute()
  ).map((r) => r.id);
  const history = generateHistory(ids.length, options.today, options.seed);
  const cards = new Map<number, Client>();
  const card = async (id: number) => {
    const known = cards.get(id);
    if (known) return known;
    const client = await backend.clients.get(id);
    cards.set(id, client);
    return client;
  };
  const vouchers = new Set(
    (await backend.db.selectFrom('tours').select('voucher').execute()).map((r) => r.voucher),
  );
  const summary: HistorySummary = {
    tours: 0,
    tourists: 0,
    payers: 0,
    feedback: 0,
    referrals: 0,
    contacts: 0,
  };

  for (const [n, trip] of history.trips.entries()) {
    const place = HISTORY_DESTINATIONS[trip.destination] ?? HISTORY_DESTINATIONS[0];
    const voucher = `${place.country}-${trip.arrival.slice(2, 4)}${String(options.seed % 100).padStart(2, '0')}${String(n + 1).padStart(4, '0')}`;
    if (vouchers.has(voucher)) continue;
    const tour = await call('tours.save', {
      voucher,
      country: place.country,
      resort: place.resort,
      hotel: place.hotel,
      arrivalDate: trip.arrival,
      departureDate: trip.departure,
      status: trip.departure < options.today ? 'completed' : 'confirmed',
      priceMinor: trip.priceMinor,
      costMinor: trip.costMinor,
      currency: 'RUB',
      notes: '',
      services: [
        {
          kind: 'accommodation',
          description: place.hotel,
          startDate: trip.arrival,
          endDate: trip.departure,
          priceMinor: Math.round(trip.priceMinor * 0.65),
        },
        {
          kind: 'flight',
          description: `Москва — ${place.resort} — Москва`,
          startDate: trip.arrival,
          endDate: trip.departure,
          priceMinor: trip.priceMinor - Math.round(trip.priceMinor * 0.65),
        },
      ],
    });
    summary.tours += 1;
    for (const index of trip.travellers) {
      const client = await card(ids[index] as number);
      await call('tourists.save', {
        tourId: tour.id,
        tourist: {
          ...touristFromClient(client, { ticketNumber: '' }),
          clientId: client.id,
          serviceIds: tour.services.map((s) => s.id),
        },
        addToClients: false,
        updateClient: null,
      });
      summary.tourists += 1;
    }
    const lead = ids[trip.travellers[0] as number] as number;
    if (trip.payer !== null) {
      await call('tours.setPayer', { tourId: tour.id, clientId: ids[trip.payer] as number });
      summary.payers += 1;
    }
    if (trip.feedback) {
      await call('feedback.save', { ...trip.feedback, clientId: lead, tourId: tour.id });
      summary.feedback += 1;
    }
  }
  for (const [client, referrer] of history.referrals) {
    await call('referrals.set', { clientId: ids[client] as number, referrerId: ids[referrer] as number });
    summary.referrals += 1;
  }
  // Two calls already made, so the contact log on those cards is not empty.
  const items = await call('worklist.list', { horizon: 'week' });
  const notes = ['Позвонили, поздравили, предложили подборку туров', 'Напомнили о сроке паспорта'];
  for (const [i, item] of items.slice(0, notes.length).entries()) {
    await call('worklist.act', {
      key: item.key,
      clientId: item.clientId,
      reason: item.reason,
      action: 'done',
      note: notes[i] ?? '',
      postponeUntil: null,
    });
    summary.contacts += 1;
  }
  return summary;
}
