import type { AppServer } from './fixtures';

export interface SavedTour {
  id: number;
  services: { id: number }[];
}

/** A confirmed June tour to Greece as tours.save takes it; `extra` overrides any field. */
export function greeceTour(voucher: string, extra: Record<string, unknown> = {}) {
  return {
    voucher,
    arrivalDate: '2027-06-01',
    departureDate: '2027-06-10',
    country: 'GRC',
    resort: '',
    hotel: 'Aldemar',
    status: 'confirmed' as const,
    priceMinor: 0,
    costMinor: 0,
    currency: 'EUR' as const,
    notes: '',
    services: [],
    ...extra,
  };
}

/** A confirmed June tour to Greece saved through the API; `extra` overrides any field. */
export async function saveTour(
  app: AppServer,
  voucher: string,
  extra: Record<string, unknown> = {},
): Promise<SavedTour> {
  return (await app.api('tours.save', greeceTour(voucher, extra))) as SavedTour;
}
