import { emptyTourInput, type TourInput } from '../../../shared/domain/tour';
import { addMonths } from '../../../shared/domain/dates';
import { createRandom } from './generate-clients';

const DESTINATIONS = [
  { country: 'FRA', resort: 'Париж', hotel: 'Hôtel du Louvre' },
  { country: 'ITA', resort: 'Римини', hotel: 'Grand Hotel Rimini' },
  { country: 'ESP', resort: 'Барселона', hotel: 'H10 Port Vell' },
  { country: 'TUR', resort: 'Анталья', hotel: 'Rixos Downtown' },
  { country: 'ARE', resort: 'Дубай', hotel: 'Atlantis The Palm' },
  { country: 'THA', resort: 'Пхукет', hotel: 'Kata Beach Resort' },
  { country: 'GRC', resort: 'Крит', hotel: 'Aldemar Knossos Royal' },
  { country: 'EGY', resort: 'Хургада', hotel: 'Steigenberger Al Dau' },
];

/** Realistic tours around `today`: a hotel, a flight and a transfer each, priced in roubles. */
export function generateTours(count: number, seed = 7, today = '2026-11-23'): TourInput[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const place = DESTINATIONS[i % DESTINATIONS.length]!;
    const arrival =
      addMonths(today, Math.floor(random() * 10) - 4).slice(0, 8) +
      String(1 + Math.floor(random() * 27)).padStart(2, '0');
    const nights = 7 + Math.floor(random() * 8);
    const departure = new Date(Date.parse(`${arrival}T00:00:00Z`) + nights * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const price = (80 + Math.floor(random() * 300)) * 1000_00;
    return {
      ...emptyTourInput(),
      voucher: `${place.country}-${String(1001 + i)}`,
      country: place.country,
      resort: place.resort,
      hotel: place.hotel,
      arrivalDate: arrival,
      departureDate: departure,
      status: departure < today ? 'completed' : 'confirmed',
      priceMinor: price,
      costMinor: Math.round(price * 0.85),
      services: [
        {
          kind: 'accommodation',
          description: `${place.hotel}, ${nights} ночей`,
          startDate: arrival,
          endDate: departure,
          priceMinor: Math.round(price * 0.6),
        },
        {
          kind: 'flight',
          description: `Москва — ${place.resort} — Москва`,
          startDate: arrival,
          endDate: departure,
          priceMinor: Math.round(price * 0.3),
        },
        {
          kind: 'transfer',
          description: 'Групповой трансфер',
          startDate: arrival,
          endDate: departure,
          priceMinor: 0,
        },
      ],
    };
  });
}
