import type { AppServer } from './fixtures';

export interface SavedTour {
  id: number;
  services: { id: number }[];
}

/** A confirmed June tour to Greece saved through the API; `extra` overrides any field. */
export async function saveTour(
  app: AppServer,
  voucher: string,
  extra: Record<string, unknown> = {},
): Promise<SavedTour> {
  return (await app.api('tours.save', {
    voucher,
    arrivalDate: '2027-06-01',
    departureDate: '2027-06-10',
    country: 'GRC',
    resort: '',
    hotel: 'Aldemar',
    status: 'confirmed',
    priceMinor: 0,
    costMinor: 0,
    currency: 'EUR',
    notes: '',
    services: [],
    ...extra,
  })) as SavedTour;
}
