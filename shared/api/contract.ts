import { z } from 'zod';
import { COMMAND_NAMES, type CommandNameList } from './command-names';
import { CLIENT_SORT_COLUMNS, clientInputSchema, clientRowSchema, clientSchema } from '../domain/client';

const id = z.number().int().positive();

export const clientListQuerySchema = z.object({
  search: z.string().max(200).default(''),
  citizenship: z.string().max(3).default(''),
  passportExpiresWithinMonths: z.number().int().min(0).max(120).nullable().default(null),
  birthdayMonth: z.number().int().min(1).max(12).nullable().default(null),
  sort: z.enum(CLIENT_SORT_COLUMNS).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type ClientListQuery = z.input<typeof clientListQuerySchema>;

export const SETTING_KEYS = ['ui.language', 'clients.columns'] as const;

/**
 * The API contract: one entry per command, with zod schemas for input and output. The backend
 * implements it once; the in-process, Electron IPC and HTTP transports all carry exactly these.
 */
export const contract = {
  'app.info': {
    input: z.object({}),
    output: z.object({ version: z.string(), dbPath: z.string(), schemaVersion: z.number().int() }),
  },
  'settings.get': {
    input: z.object({ key: z.enum(SETTING_KEYS) }),
    output: z.object({ value: z.unknown().nullable() }),
  },
  'settings.set': {
    input: z.object({ key: z.enum(SETTING_KEYS), value: z.unknown() }),
    output: z.object({}),
  },
  'clients.list': {
    input: clientListQuerySchema,
    output: z.object({ total: z.number().int(), rows: z.array(clientRowSchema) }),
  },
  'clients.get': {
    input: z.object({ id }),
    output: clientSchema,
  },
  'clients.save': {
    input: clientInputSchema,
    output: clientSchema,
  },
  'clients.delete': {
    input: z.object({ id, version: id }),
    output: z.object({ id }),
  },
  'clients.restore': {
    input: z.object({ id }),
    output: clientSchema,
  },
  'clients.citizenships': {
    input: z.object({}),
    output: z.array(z.object({ code: z.string(), count: z.number().int() })),
  },
} as const;

export type Contract = typeof contract;
export type CommandName = keyof Contract;
export type CommandInput<K extends CommandName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CommandName> = z.output<Contract[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Contract[K]['output']>;

type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatchContract: SameKeys<CommandName, CommandNameList> = true;
void namesMatchContract;
export { COMMAND_NAMES };

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
