import { addDays, addMonths } from '../../../shared/domain/dates';
import type { FeedbackInput } from '../../../shared/loyalty/feedback-model';
import { createRandom } from './generate-clients';

export const HISTORY_DESTINATIONS = [
  { country: 'TUR', resort: 'Анталья', hotel: 'Rixos Downtown' },
  { country: 'TUR', resort: 'Белек', hotel: 'Maxx Royal Belek' },
  { country: 'EGY', resort: 'Хургада', hotel: 'Steigenberger Al Dau' },
  { country: 'ARE', resort: 'Дубай', hotel: 'Atlantis The Palm' },
  { country: 'THA', resort: 'Пхукет', hotel: 'Kata Beach Resort' },
  { country: 'ITA', resort: 'Римини', hotel: 'Grand Hotel Rimini' },
  { country: 'ESP', resort: 'Барселона', hotel: 'H10 Port Vell' },
  { country: 'GRC', resort: 'Крит', hotel: 'Aldemar Knossos Royal' },
  { country: 'FRA', resort: 'Париж', hotel: 'Hôtel du Louvre' },
] as const;

/** One planned trip: indexes into the client list (the first traveller leads the group). */
export interface PlannedTrip {
  travellers: number[];
  /** The index of the client who paid, or null when the travellers share the bill. */
  payer: number | null;
  destination: number;
  arrival: string;
  departure: string;
  priceMinor: number;
  costMinor: number;
  feedback: Omit<FeedbackInput, 'clientId' | 'tourId'> | null;
}

export interface DemoHistory {
  trips: PlannedTrip[];
  /** [client, referrer] indexes. */
  referrals: [number, number][];
}

type Profile = 'none' | 'once' | 'repeat' | 'regular' | 'champion' | 'drifting';

function profileOf(roll: number): Profile {
  if (roll < 0.22) return 'none';
  if (roll < 0.55) return 'once';
  if (roll < 0.75) return 'repeat';
  if (roll < 0.88) return 'regular';
  if (roll < 0.94) return 'champion';
  return 'drifting';
}

/**
 * Several years of a travel agency's history over `clients` regular clients, as seen on `today`:
 * one-time, repeat, regular and champion travellers (trips up to eight months ahead), regulars who
 * stopped travelling over a year ago, families travelling together, payers, scores (mostly
 * promoters), complaints (some still open) and recommendations. Deterministic for a seed, so the
 * Loyalty screen and the worklist always have every kind of content.
 */
export function generateHistory(clients: number, today: string, seed = 15): DemoHistory {
  const random = createRandom(seed);
  const pickInt = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  const dayIn = (fromMonths: number, toMonths: number) =>
    addDays(addMonths(today, pickInt(fromMonths, toMonths)), -pickInt(0, 27));
  const trips: PlannedTrip[] = [];
  const plan = (lead: number, arrival: string) => {
    const companions =
      random() < 0.45
        ? Array.from({ length: pickInt(1, 2) }, (_, i) => lead + i + 1).filter((c) => c < clients)
        : [];
    const travellers = [lead, ...companions];
    const nights = pickInt(6, 14);
    const perPerson = pickInt(60, 260) * 1000_00;
    const priceMinor = perPerson * travellers.length;
    const departure = addDays(arrival, nights);
    const done = departure < today;
    trips.push({
      travellers,
      payer: random() < 0.75 ? lead : null,
      destination: pickInt(0, HISTORY_DESTINATIONS.length - 1),
      arrival,
      departure,
      priceMinor,
      costMinor: Math.round(priceMinor * (0.8 + random() * 0.12)),
      feedback: done ? feedbackAfter(random, departure, today) : null,
    });
  };

  for (let lead = 0; lead < clients; lead++) {
    const profile = profileOf(random());
    const count =
      profile === 'once'
        ? 1
        : profile === 'repeat'
          ? 2
          : profile === 'regular'
            ? pickInt(3, 5)
            : profile === 'champion'
              ? pickInt(6, 9)
              : profile === 'drifting'
                ? pickInt(3, 4)
                : 0;
    for (let i = 0; i < count; i++) {
      // Drifting regulars travelled between five and 1.5 years ago; the others up to eight months ahead.
      plan(lead, profile === 'drifting' ? dayIn(-60, -18) : dayIn(-54, 8));
    }
  }
  // A few trips whose anniversary falls this week, so the worklist has one to offer.
  for (let i = 0; i < Math.min(4, clients); i++) {
    const lead = Math.floor(random() * clients);
    plan(lead, addDays(addMonths(today, -12 * pickInt(1, 3)), pickInt(0, 6)));
  }
  const referrals: [number, number][] = [];
  for (let client = 1; client < clients; client++) {
    if (random() < 0.08) referrals.push([client, Math.floor(random() * client)]);
  }
  return {
    trips: trips.sort((a, b) => (a.arrival < b.arrival ? -1 : a.arrival > b.arrival ? 1 : 0)),
    referrals,
  };
}

/** A third of finished trips get a score a few days after the return; one in ten a complaint. */
function feedbackAfter(random: () => number, departure: string, today: string): PlannedTrip['feedback'] {
  const roll = random();
  if (roll > 0.4) return null;
  const receivedOn = addDays(departure, 2 + Math.floor(random() * 12));
  if (receivedOn > today) return null;
  if (roll < 0.04) {
    const resolvedOn = addDays(receivedOn, 1 + Math.floor(random() * 20));
    const resolved = resolvedOn <= today && random() < 0.6;
    return {
      kind: 'complaint',
      score: Math.floor(random() * 6),
      text: 'Номер не соответствовал описанию, трансфер опоздал на два часа',
      status: resolved ? 'resolved' : 'open',
      resolver: resolved ? 'Старший менеджер' : '',
      resolution: resolved ? 'Компенсация 10% стоимости проживания' : '',
      receivedOn,
      resolvedOn: resolved ? resolvedOn : null,
    };
  }
  const r = random();
  const score =
    r < 0.6
      ? 9 + Math.floor(random() * 2)
      : r < 0.85
        ? 7 + Math.floor(random() * 2)
        : Math.floor(random() * 7);
  return {
    kind: score >= 9 && random() < 0.3 ? 'praise' : 'score',
    score,
    text: score >= 9 ? 'Всё понравилось, поедем снова' : '',
    status: 'open',
    resolver: '',
    resolution: '',
    receivedOn,
    resolvedOn: null,
  };
}
