import { Kysely, SqliteDialect } from 'kysely';
import { openDatabase } from './db/open-database';
import type { Database } from './db/schema';
import { createDispatch, type Dispatch, type DispatchLogger } from './dispatch';
import { ClientsRepository } from './repositories/clients';
import { ToursRepository } from './repositories/tours';
import { ImportsRepository } from './repositories/imports';
import { readTableFile } from './excel/read-table';
import { touristsWorkbook } from './excel/tourists-xlsx';
import { getSetting, setSetting } from './settings';

export interface BackendOptions {
  dbPath: string;
  appVersion?: string;
  logger?: DispatchLogger;
  /** Today's date for rules that depend on it (passport expiry); tests pin it. */
  today?: () => string;
}

export interface Backend {
  dispatch: Dispatch;
  db: Kysely<Database>;
  clients: ClientsRepository;
  tours: ToursRepository;
  close: () => Promise<void>;
}

const consoleLogger: DispatchLogger = { error: (message) => console.error(message) };

/** Opens the database and wires every command of the contract to its handler. Never imports electron. */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const { db: sqlite, schemaVersion } = await openDatabase(options.dbPath);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const clients = new ClientsRepository(db, options.today);
  const tours = new ToursRepository(db, clients, options.today);
  const imports = new ImportsRepository(db, clients);
  const dispatch = createDispatch(
    {
      'app.info': () => ({ version: options.appVersion ?? '0.0.0', dbPath: options.dbPath, schemaVersion }),
      'settings.get': async ({ key }) => ({ value: await getSetting(db, key) }),
      'settings.set': async ({ key, value }) => {
        await setSetting(db, key, value);
        return {};
      },
      'clients.list': (query) => clients.list(query),
      'clients.get': ({ id }) => clients.get(id),
      'clients.save': (input) => clients.save(input),
      'clients.delete': ({ id, version }) => clients.delete(id, version),
      'clients.restore': ({ id }) => clients.restore(id),
      'clients.citizenships': () => clients.citizenships(),
      'clients.lookup': (criteria) => clients.lookup(criteria),
      'clients.history': ({ id }) => tours.clientHistory(id),
      'countries.list': () => tours.countries(),
      'countries.save': (country) => tours.saveCountry(country),
      'tours.list': (query) => tours.list(query),
      'tours.get': ({ id }) => tours.get(id),
      'tours.save': (input) => tours.save(input),
      'tours.exportTourists': async ({ id }) => {
        const tour = await tours.get(id);
        const bytes = await touristsWorkbook(tour);
        return {
          fileName: `tourists-${tour.voucher.replace(/[^\w.-]+/g, '_')}.xlsx`,
          base64: bytes.toString('base64'),
        };
      },
      'tourists.save': (request) => tours.saveTourist(request),
      'tourists.delete': ({ id }) => tours.deleteTourist(id),
      'import.readFile': ({ fileName, base64, sheet }) =>
        readTableFile(fileName, Buffer.from(base64, 'base64'), sheet),
      'import.match': ({ drafts }) => imports.match(drafts),
      'import.commit': (request) => imports.commit(request),
      'import.undo': ({ batchId }) => imports.undo(batchId),
      'tourists.bindServices': ({ tourId, touristIds, serviceIds, bind }) =>
        tours.bindServices(tourId, touristIds, serviceIds, bind),
    },
    options.logger ?? consoleLogger,
  );
  return { dispatch, db, clients, tours, close: () => db.destroy() };
}
