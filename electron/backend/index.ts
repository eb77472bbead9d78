import type { Kysely } from 'kysely';
import { userInfo } from 'node:os';
import { fileOnly, openStore } from './db/open-store';
import type { PostgresConnection } from './db/open-postgres';
import type { DatabaseKey } from './crypto/database-key';
import { cryptoHandlers, serverCryptoHandlers, type KeySession } from './crypto/crypto-handlers';
import { systemClock, type Clock } from '../../shared/domain/clock';
import { AuditTrail } from './history/audit';
import { UndoJournal } from './history/undo-journal';
import { Backups } from './backup/backups';
import { PrivacyRepository } from './repositories/privacy';
import { backupOptions, scheduleBackups } from './backup/schedule';
import { watchIntegrity } from './integrity-watch';
import { damageAnswer, holdWritesUntilChecked, survivingDamage } from './damage-guard';
import type { Database } from './db/schema';
import { createDispatch, type Dispatch, type DispatchLogger } from './dispatch';
import { ClientsRepository } from './repositories/clients';
import { lazyHandlers } from './lazy-handlers';
import { LOYALTY_COMMAND_NAMES } from '../../shared/api/loyalty-command-names';
import { DUPLICATES_COMMAND_NAMES } from '../../shared/api/duplicates-command-names';
import { VISA_COMMAND_NAMES } from '../../shared/api/visa-command-names';
import { CONNECTION_COMMAND_NAMES, MOVE_COMMAND_NAMES } from '../../shared/api/office-command-names';
import { secretWrapperFromKeyFile, type SecretWrapper } from './connection/secret-wrapper';
import { fileKeyWrapper } from './crypto/key-wrappers';
import { ToursRepository } from './repositories/tours';
import { ImportsRepository } from './repositories/imports';
import { mustExist } from './repositories/must-exist';
import { getSetting, setSetting } from './settings';
import { ReferenceBooksRepository } from './repositories/reference-books';
import { countriesPage, formsPage } from './repositories/book-pages';
import { QuestionnairesRepository } from './repositories/questionnaires';
import { seedReferenceBooks } from './reference-seed';
import { ClerkSession } from './clerks/session';
import { ClerksRepository } from './clerks/clerks-repository';
import { clerksHandlers, startSession } from './clerks/clerks-handlers';
import { guardedDispatch } from './clerks/permissions';
import { connectionFilePath } from './connection/connection-file';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ChangeHub } from './live/change-hub';
import { changeNotifier } from './live/notify';
import { join } from 'node:path';

/**
 * The spreadsheet and Word libraries load on first use: the first screen never needs them, and
 * loading exceljs alone took longer than opening the base.
 */
const referenceFiles = () => import('./excel/reference-files');
const readTable = () => import('./excel/read-table');
const touristsXlsx = () => import('./excel/tourists-xlsx');

export interface BackendOptions {
  dbPath: string;
  /** The base is on an office PostgreSQL server, not in the file at dbPath (issue 14). */
  postgres?: PostgresConnection;
  appVersion?: string;
  logger?: DispatchLogger;
  /** The one source of "now" for every rule and timestamp; tests pin it. */
  clock?: Clock;
  /** Minutes between automatic backups of a changed base; null: none (tests). */
  backupEveryMinutes?: number | null;
  /**
   * A clerk signed in from the start as administrator (tests, tools); without it the app starts as
   * clerks/clerks-handlers.ts startSession says (one computer: the only clerk, or the sign-in screen).
   */
  clerk?: string;
  /** The base is on the office server: every clerk signs in with a password. */
  serverMode?: boolean;
  /** Keeps the server password wrapped: the OS key store in Electron, the key file by default. */
  secrets?: SecretWrapper;
  /** How long a write waits for another program's write before answering BUSY (5 s by default). */
  busyTimeoutMs?: number;
  /** The base's encryption key (crypto/key-store.ts); null or absent only for a plain base. */
  key?: DatabaseKey | null;
  /** What the key store says about the key (its storage, the recovery key still to show). */
  keySession?: KeySession;
  /** Answer first, quick_check the file in the background (the app; tests check at once). */
  deferIntegrityCheck?: boolean;
}

export interface Backend {
  dispatch: Dispatch;
  db: Kysely<Database>;
  clients: ClientsRepository;
  tours: ToursRepository;
  books: ReferenceBooksRepository;
  questionnaires: QuestionnairesRepository;
  /** null on an office server base: its backups are the server's (pg_dump). */
  backups: Backups | null;
  privacy: PrivacyRepository;
  /** Other apps' committed changes of an office server base (none on a SQLite file). */
  changes: ChangeHub;
  /** Resolves when this app hears other apps' changes (at once on a SQLite file). */
  liveReady: Promise<void>;
  /**
   * The background quick_check (deferIntegrityCheck): false when it found the base damaged. Settles
   * after the start backup that follows a passed check (made in a worker thread) is kept or refused.
   */
  integrityChecked: Promise<boolean>;
  close: () => Promise<void>;
}

/** Until clerks sign in, the audit names the operating-system account the app runs under. */
function osClerk(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

/** Deleted cards can be brought back this long; then the person is forgotten (152-FZ art. 21). */
const PURGE_DELETED_AFTER_DAYS = 90;

const consoleLogger: DispatchLogger = { error: (message) => console.error(message) };

/** Opens the database and wires every command of the contract to its handler. Never imports electron. */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  // The SQLite file, or the office server (options.postgres): the same repositories on both.
  const store = await openStore({ ...options, deferQuickCheck: options.deferIntegrityCheck === true });
  const { db, sqlite, schemaVersion } = store;
  let { readOnlyReason } = store;
  let readOnly = readOnlyReason !== null;
  const clock = options.clock ?? systemClock;
  const session = new ClerkSession(osClerk());
  const clerk = () => session.name();
  // Each app of a server base announces its writes (NOTIFY in the writing transaction) and hears the others'.
  const liveSource = randomUUID();
  const changes = new ChangeHub();
  const audit = new AuditTrail(clock, clerk, changeNotifier(liveSource));
  const listening = options.postgres
    ? (await import('./live/listener')).listenForChanges(options.postgres, liveSource, changes, (m) =>
        (options.logger ?? consoleLogger).error(m),
      )
    : null;
  const journal = new UndoJournal(db, clock, clerk, audit);
  const ctx = { db, clock, audit, journal };
  const clients = new ClientsRepository(ctx);
  const tours = new ToursRepository(ctx, clients);
  const books = new ReferenceBooksRepository(ctx);
  const questionnaires = new QuestionnairesRepository(ctx, clients, books);
  const privacy = new PrivacyRepository(ctx, clerk);
  // On the office server every clerk signs in with a password (serverMode alone: tests of that rule on a file).
  const passwordRequired = options.serverMode ?? options.postgres !== undefined;
  const clerks = new ClerksRepository(ctx, passwordRequired);
  const log = (message: string) => (options.logger ?? consoleLogger).error(message);
  let stopBackups: () => Promise<void> = () => Promise.resolve();
  // A damaged page met by any start-up step or command, before the background check reaches it, puts
  // the base in the state the start check gives: read-only (query_only), the banner, the backups offered.
  const damaged = () => readOnlyReason === 'damaged';
  const markDamaged = (error: unknown) => {
    if (!sqlite || damaged()) return;
    sqlite.pragma('query_only = ON');
    readOnlyReason = 'damaged';
    readOnly = true;
    void stopBackups();
    stopBackups = () => Promise.resolve();
    log(
      `the base ${options.dbPath} is damaged (${error instanceof Error ? error.message : String(error)}): it is now read-only`,
    );
  };
  await survivingDamage(
    () =>
      startSession(clerks, session, {
        presetName: options.clerk,
        osName: osClerk(),
        passwordRequired,
        readOnly,
      }),
    markDamaged,
  );
  // The clerks could not be read: as on a read-only base without clerks, the account's user reads and restores.
  if (damaged() && !session.clerk) {
    session.signIn({ id: null, name: options.clerk ?? (osClerk() || 'admin'), role: 'admin' });
  }
  const checkDeferred = sqlite !== null && store.quickCheckDeferred === true && !readOnly;
  // Until the background check passes, nothing is written to a file that may be damaged.
  if (checkDeferred) sqlite?.pragma('query_only = ON');
  let holding = checkDeferred;
  const backups = sqlite
    ? new Backups(sqlite, clock, () => backupOptions(sqlite, options.dbPath), {
        path: options.dbPath,
        key: options.key ?? null,
      })
    : null;
  // A read-only base is shown as it is: the shipped books are written when it can be written again.
  const startupWrites = () =>
    survivingDamage(async () => {
      if (readOnly) return;
      await seedReferenceBooks(db, books);
      const days = await getSetting(db, 'privacy.purgeDeletedAfterDays');
      await privacy.purgeDeleted(typeof days === 'number' && days >= 1 ? days : PURGE_DELETED_AFTER_DAYS);
      backups?.encryptPlainBackups();
    }, markDamaged);
  if (!checkDeferred) await startupWrites();
  // A failed copy (a full disk, an unplugged share) is reported and never stops the import itself.
  const backupBeforeImport = async () => {
    if (readOnly) return;
    try {
      await backups?.createBeforeImport();
    } catch (error) {
      (options.logger ?? consoleLogger).error(
        `backup before import failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  // The copy is made only for a commit that will write: not for refused rows or a retried key.
  const imports = new ImportsRepository(ctx, clients, backupBeforeImport, sqlite);
  // The start backup copies and checks the base in a worker thread; `optimize` follows it, once the
  // start is over (it may ANALYZE a table that grew: seconds on a big base, never before an answer).
  const startBackups = () => {
    if (!backups) return Promise.resolve();
    const scheduled = scheduleBackups(
      backups,
      readOnly ? null : options.backupEveryMinutes === undefined ? 15 : options.backupEveryMinutes,
      log,
    );
    stopBackups = scheduled.stop;
    return scheduled.started.then(() =>
      survivingDamage(async () => {
        if (!readOnly) sqlite?.pragma('optimize=0x10002');
      }, markDamaged),
    );
  };
  const integrity =
    sqlite && checkDeferred
      ? watchIntegrity({
          sqlite,
          path: options.dbPath,
          key: options.key ?? null,
          log,
          onDamaged: () => {
            readOnlyReason = 'damaged';
            readOnly = true;
          },
          onPassed: () => undefined,
        })
      : null;
  // Once the base passed: writes are let through, the start-up writes run, then the start backup.
  let startBackup: Promise<void> = Promise.resolve();
  const checked = integrity
    ? integrity.done.then(async (passed) => {
        if (!passed || damaged()) return false;
        sqlite?.pragma('query_only = OFF');
        holding = false;
        await startupWrites();
        if (damaged()) return false;
        startBackup = startBackups();
        return true;
      })
    : null;
  if (!integrity && !damaged()) startBackup = startBackups();
  const backupAudited = async <T extends { name: string }>(action: string, entry: T) => {
    await audit.record(db, { entity: 'backup', entityId: null, action, changes: { name: entry.name } });
    return entry;
  };
  // An office server base is backed up with pg_dump into the same folder setting (issue 14 item 7).
  const serverBackups = options.postgres
    ? new (await import('./backup/pg-backups')).ServerBackups(
        db,
        clock,
        options.postgres,
        async () => {
          const folder = await getSetting(db, 'backup.folder');
          return typeof folder === 'string' && folder.trim() !== ''
            ? folder
            : join(dirname(options.dbPath), 'backups');
        },
        schemaVersion,
      )
    : null;
  // How far the file being read has got, for the import screen's percentage (one clerk, one file).
  let readPercent: number | null = null;
  const dispatch = createDispatch(
    {
      'app.info': () => ({
        version: options.appVersion ?? '0.0.0',
        dbPath: options.dbPath,
        schemaVersion,
        readOnly,
        readOnlyReason,
        checking: integrity?.checking() ?? false,
      }),
      'settings.get': async ({ key }) => ({ value: await getSetting(db, key) }),
      'settings.set': async ({ key, value }) => {
        await setSetting(db, key, value);
        return {};
      },
      'clients.list': (query) => clients.list(query),
      'clients.get': ({ id }) => clients.get(id),
      'clients.save': (input) => clients.save(input),
      'clients.delete': ({ id, version }) => clients.delete(id, version),
      'clients.citizenships': () => clients.citizenships(),
      'clients.lookup': (criteria) => clients.lookup(criteria),
      'clients.history': ({ id }) => tours.clientHistory(id),
      'countries.list': () => books.countries(),
      'countries.page': (query) => countriesPage(db, query),
      'countries.save': (country) => books.saveCountry(country),
      'countries.exportBook': async ({ format }) =>
        (await referenceFiles()).exportCountries(await books.countries(), format),
      'countries.importBook': async (file) =>
        books.importCountries(await (await referenceFiles()).readCountriesFile(file)),
      'forms.list': () => books.forms(),
      'forms.page': (query) => formsPage(db, query),
      'forms.get': ({ id }) => books.form(id),
      'forms.save': (input) => books.saveForm(input),
      'forms.delete': ({ id }) => books.deleteForm(id),
      'forms.saveField': ({ formId, field }) => books.saveField(formId, field),
      'forms.deleteField': ({ id }) => books.deleteField(id),
      'forms.exportBook': async ({ id, format }) =>
        (await referenceFiles()).exportForm(await books.exportForm(id), format),
      'forms.importBook': async (file) =>
        books.importForms(await (await referenceFiles()).readFormsFile(file)),
      'dictionary.list': (query) => books.dictionaryList(query),
      'dictionary.save': (entry) => books.saveDictionaryEntry(entry),
      'dictionary.delete': ({ id }) => books.deleteDictionaryEntry(id),
      'dictionary.exportBook': async ({ format }) =>
        (await referenceFiles()).exportDictionary(await books.dictionaryEntries(), format),
      'dictionary.importBook': async (file) =>
        books.importDictionary(await (await referenceFiles()).readDictionaryFile(file)),
      'questionnaire.open': ({ subject, country }) => questionnaires.open(subject, country),
      'questionnaire.save': (request) => questionnaires.save(request),
      'questionnaire.copy': ({ from, to }) => questionnaires.copy(from, to),
      'questionnaire.print': ({ subjects, country }) => questionnaires.printJob(subjects, country),
      'tours.list': (query) => tours.list(query),
      'tours.get': ({ id }) => tours.get(id),
      'tours.save': (input) => tours.save(input),
      'tours.delete': ({ id, version }) => tours.delete(id, version),
      'tours.copy': (request) => tours.copy(request),
      'tours.exportTourists': async ({ id }) => {
        const tour = await tours.get(id);
        const bytes = await (await touristsXlsx()).touristsWorkbook(tour);
        return {
          fileName: `tourists-${tour.voucher.replace(/[^\w.-]+/g, '_')}.xlsx`,
          base64: bytes.toString('base64'),
        };
      },
      'tourists.save': (request) => tours.saveTourist(request),
      'tourists.delete': ({ id }) => tours.deleteTourist(id),
      'import.readFile': async ({ fileName, base64, sheet }) => {
        readPercent = 0;
        try {
          const { readTableFile } = await readTable();
          const table = await readTableFile(fileName, Buffer.from(base64, 'base64'), sheet, (percent) => {
            readPercent = percent;
          });
          return table;
        } finally {
          readPercent = null;
        }
      },
      'import.readProgress': () => ({ percent: readPercent }),
      'import.match': async ({ drafts, tourId }) => {
        await mustExist(db, 'tours', tourId, 'tour');
        return imports.match(drafts, tourId);
      },
      'import.commit': (request) => imports.commit(request),
      'import.undo': ({ batchId }) => imports.undo(batchId),
      'tourists.bindServices': ({ tourId, touristIds, serviceIds, bind }) =>
        tours.bindServices(tourId, touristIds, serviceIds, bind),
      'undo.list': ({ limit }) => journal.list(limit),
      'consents.list': ({ clientId }) => privacy.consents(clientId),
      'consents.save': (consent) => privacy.saveConsent(consent),
      'clients.exportPersonalData': ({ id }) => privacy.exportPersonalData(id),
      'clients.forget': ({ id }) => privacy.forget(id),
      'backup.list': () => (serverBackups ? serverBackups.list() : fileOnly(backups, 'backup').list()),
      'backup.create': async () =>
        backupAudited(
          'create',
          serverBackups ? await serverBackups.create('manual') : fileOnly(backups, 'backup').create('manual'),
        ),
      'backup.restore': async ({ name }) => {
        if (serverBackups) {
          const result = await serverBackups.restore(name);
          await backupAudited('restore', result.restored);
          return { ...result, restartNeeded: false };
        }
        const fileBackups = fileOnly(backups, 'backup');
        if (readOnly) return { restored: fileBackups.stageRestore(name), safety: null, restartNeeded: true };
        const result = await fileBackups.restore(name);
        await backupAudited('restore', result.restored);
        return { ...result, restartNeeded: false };
      },
      'undo.apply': ({ id }) => journal.undo(id),
      // Loaded by the first loyalty command (the Loyalty screen, the worklist), not at start.
      ...lazyHandlers(LOYALTY_COMMAND_NAMES, async () =>
        (await import('./repositories/loyalty-handlers')).loyaltyHandlers(ctx, clerk),
      ),
      ...(sqlite && backups
        ? cryptoHandlers({
            sqlite,
            backups,
            key: options.key ?? null,
            clock,
            readOnly,
            session: options.keySession ?? null,
            audited: async (action, name) => {
              await backupAudited(action, { name });
            },
          })
        : serverCryptoHandlers()),
      // Screens a start does not open: their handlers and repositories load with their first command.
      ...lazyHandlers(DUPLICATES_COMMAND_NAMES, async () =>
        (await import('./repositories/duplicates-handlers')).duplicatesHandlers(ctx, clients),
      ),
      ...lazyHandlers(VISA_COMMAND_NAMES, async () =>
        (await import('./repositories/visa-handlers')).visaHandlers(ctx, questionnaires),
      ),
      ...clerksHandlers(clerks, session, passwordRequired),
      ...lazyHandlers(CONNECTION_COMMAND_NAMES, async () =>
        (await import('./connection/connection-handlers')).connectionHandlers({
          path: connectionFilePath(options.dbPath),
          secrets: options.secrets ?? secretWrapperFromKeyFile(fileKeyWrapper(dirname(options.dbPath))),
          active: passwordRequired ? 'server' : 'local',
        }),
      ),
      ...lazyHandlers(MOVE_COMMAND_NAMES, async () =>
        (await import('./connection/move-handlers')).moveHandlers({
          dbPath: options.dbPath,
          key: options.key ?? null,
          active: options.postgres ? 'server' : 'local',
        }),
      ),
    },
    options.logger ?? consoleLogger,
    damageAnswer(markDamaged),
  );
  return {
    dispatch: guardedDispatch(
      checked ? holdWritesUntilChecked(dispatch, () => holding && !damaged(), checked) : dispatch,
      session,
    ),
    db,
    clients,
    tours,
    books,
    questionnaires,
    backups,
    privacy,
    changes,
    liveReady: listening?.ready ?? Promise.resolve(),
    integrityChecked: (checked ?? Promise.resolve(!damaged())).then(async (passed) => {
      await startBackup;
      return passed && !damaged();
    }),
    close: async () => {
      integrity?.stop();
      await stopBackups();
      await listening?.stop();
      await db.destroy();
    },
  };
}
