import { z } from 'zod';
import { multiline } from './safe-text';
import { schemaOnce } from './schema-once';
import { isoDateSchema as isoDate } from './common-schemas';

export const TOUR_STATUSES = ['draft', 'booked', 'confirmed', 'completed', 'cancelled'] as const;
export type TourStatus = (typeof TOUR_STATUSES)[number];
export const SERVICE_KINDS = [
  'accommodation',
  'flight',
  'transfer',
  'insurance',
  'visa',
  'excursion',
  'other',
] as const;
export const CURRENCIES = ['RUB', 'EUR', 'USD'] as const;

const text = (max: number) => z.string().max(max);
/** Money travels as integer minor units (kopecks, cents): no floating-point rounding. */
const money = schemaOnce(() => z.number().int().min(0).max(1e13));

export const serviceInputSchema = schemaOnce(() =>
  z.object({
    id: z.number().int().positive().optional(),
    kind: z.enum(SERVICE_KINDS),
    description: text(300),
    startDate: isoDate().nullable(),
    endDate: isoDate().nullable(),
    priceMinor: money(),
  }),
);
export type ServiceInput = z.infer<ReturnType<typeof serviceInputSchema>>;
export const serviceSchema = schemaOnce(() =>
  serviceInputSchema().extend({ id: z.number().int().positive() }),
);
export type TourService = z.infer<ReturnType<typeof serviceSchema>>;

export const tourFieldsSchema = schemaOnce(() =>
  z.object({
    voucher: text(40),
    arrivalDate: isoDate().nullable(),
    departureDate: isoDate().nullable(),
    country: text(3),
    resort: text(100),
    hotel: text(200),
    status: z.enum(TOUR_STATUSES),
    priceMinor: money(),
    costMinor: money(),
    currency: z.enum(CURRENCIES),
    notes: multiline(text(5000)),
  }),
);

export const tourInputSchema = schemaOnce(() =>
  tourFieldsSchema().extend({
    id: z.number().int().positive().optional(),
    version: z.number().int().positive().optional(),
    services: z.array(serviceInputSchema()).max(100),
  }),
);
export type TourInput = z.infer<ReturnType<typeof tourInputSchema>>;

export const touristFieldsSchema = schemaOnce(() =>
  z.object({
    lastNameRu: text(100),
    firstNameRu: text(100),
    middleNameRu: text(100),
    lastNameLat: text(100),
    firstNameLat: text(100),
    gender: z.enum(['M', 'F']).nullable(),
    birthDate: isoDate().nullable(),
    citizenship: text(3),
    passportSeries: text(20),
    passportNumber: text(30),
    passportIssueDate: isoDate().nullable(),
    passportExpiry: isoDate().nullable(),
    passportLastNameLat: text(100),
    passportFirstNameLat: text(100),
    internalSeries: text(20),
    internalNumber: text(30),
    ticketNumber: text(40),
    phone: text(100),
    email: text(200),
  }),
);
export type TouristFields = z.infer<ReturnType<typeof touristFieldsSchema>>;

export const touristSchema = schemaOnce(() =>
  touristFieldsSchema().extend({
    id: z.number().int().positive(),
    tourId: z.number().int().positive(),
    clientId: z.number().int().positive().nullable(),
    version: z.number().int().positive(),
    serviceIds: z.array(z.number().int().positive()),
  }),
);
export type Tourist = z.infer<ReturnType<typeof touristSchema>>;

export const tourSchema = schemaOnce(() =>
  tourFieldsSchema().extend({
    id: z.number().int().positive(),
    version: z.number().int().positive(),
    createdAt: z.string(),
    services: z.array(serviceSchema()),
    tourists: z.array(touristSchema()),
  }),
);
export type Tour = z.infer<ReturnType<typeof tourSchema>>;

export const tourRowSchema = schemaOnce(() =>
  z.object({
    id: z.number().int().positive(),
    voucher: z.string(),
    createdAt: z.string(),
    arrivalDate: z.string().nullable(),
    departureDate: z.string().nullable(),
    country: z.string(),
    resort: z.string(),
    hotel: z.string(),
    status: z.enum(TOUR_STATUSES),
    priceMinor: z.number(),
    currency: z.string(),
    touristCount: z.number().int(),
    leadTourist: z.string(),
  }),
);
export type TourRow = z.infer<ReturnType<typeof tourRowSchema>>;

/** The columns the tours list sorts by (in SQL). */
export const TOUR_SORT_COLUMNS = [
  'createdAt',
  'voucher',
  'arrivalDate',
  'departureDate',
  'country',
  'hotel',
  'status',
  'touristCount',
] as const;
export type TourSortColumn = (typeof TOUR_SORT_COLUMNS)[number];

export const countrySchema = schemaOnce(() =>
  z.object({
    code: z.string().regex(/^[A-Z]{3}$/),
    nameRu: text(100),
    nameEn: text(100),
    nameFr: text(100).default(''),
    passportMarginMonths: z.number().int().min(0).max(24),
    /** The language the country's questionnaire is filled in (R12); 'ru' means no translation. */
    questionnaireLanguage: z.enum(['ru', 'en', 'fr']).default('ru'),
    /** Key of the questionnaire form the country's embassy uses, if any. */
    formKey: z.string().max(60).nullable().default(null),
    /** The consulate takes the application online (issue 16): the print opens on the online worksheet. */
    appliesOnline: z.boolean().optional(),
  }),
);
export type Country = z.infer<ReturnType<typeof countrySchema>>;

/** Fields a clerk compares between a tourist and its regular client (R3). */
export const CLIENT_SYNC_FIELDS = [
  'lastNameRu',
  'firstNameRu',
  'middleNameRu',
  'lastNameLat',
  'firstNameLat',
  'gender',
  'birthDate',
  'citizenship',
  'phone',
  'email',
  'foreignPassport',
  'internalPassport',
] as const;
export type ClientSyncField = (typeof CLIENT_SYNC_FIELDS)[number];

export function emptyTouristFields(): TouristFields {
  return {
    lastNameRu: '',
    firstNameRu: '',
    middleNameRu: '',
    lastNameLat: '',
    firstNameLat: '',
    gender: null,
    birthDate: null,
    citizenship: 'RUS',
    passportSeries: '',
    passportNumber: '',
    passportIssueDate: null,
    passportExpiry: null,
    passportLastNameLat: '',
    passportFirstNameLat: '',
    internalSeries: '',
    internalNumber: '',
    ticketNumber: '',
    phone: '',
    email: '',
  };
}

export function emptyTourInput(): TourInput {
  return {
    voucher: '',
    arrivalDate: null,
    departureDate: null,
    country: '',
    resort: '',
    hotel: '',
    status: 'draft',
    priceMinor: 0,
    costMinor: 0,
    currency: 'RUB',
    notes: '',
    services: [],
  };
}
