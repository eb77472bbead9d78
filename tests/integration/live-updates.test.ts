import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../shared/api/live-events';
import { createBackend, type Backend } from '../../electron/backend';
import { emptyTourInput, emptyTouristFields } from '../../shared/domain/tour';
import { ivanov } from '../helpers/fixtures';
import { testPgServer } from '../helpers/pg-server';
import { createTempBackend } from '../helpers/temp-backend';

/** Two apps of one office, each with its own pool and listening connection, on one real server base. */
let dir: string;
let databaseUrl: string;
let anna: Backend;
let boris: Backend;

const open = (clerk: string) =>
  createBackend({
    dbPath: join(dir, `${clerk}.sqlite`),
    postgres: { connectionString: databaseUrl, max: 3 },
    clerk,
    backupEveryMinutes: null,
    logger: { error: () => undefined },
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tourdesk-live-'));
  databaseUrl = await (await testPgServer()).createDatabase('live');
  anna = await open('Анна');
  boris = await open('Борис');
  await Promise.all([anna.liveReady, boris.liveReady]);
}, 60_000);
afterAll(async () => {
  await anna?.close();
  await boris?.close();
  await (await testPgServer()).dropDatabase(databaseUrl);
  rmSync(dir, { recursive: true, force: true });
});

/** The events a backend hears until `until` says enough, or the time runs out. */
function hear(backend: Backend, ms: number, until: (events: ChangeEvent[]) => boolean = () => false) {
  const events: ChangeEvent[] = [];
  const started = Date.now();
  return new Promise<{ events: ChangeEvent[]; ms: number }>((resolve) => {
    const stop = backend.changes.subscribe((event) => {
      events.push(event);
      if (until(events)) finish();
    });
    const timer = setTimeout(() => finish(), ms);
    function finish() {
      clearTimeout(timer);
      stop();
      resolve({ events, ms: Date.now() - started });
    }
  });
}

const ok = async <T>(answer: Promise<{ ok: boolean; value?: unknown; error?: unknown }>) => {
  const envelope = await answer;
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  return envelope.value as T;
};

describe('live updates between two apps on one PostgreSQL base', () => {
  it("one clerk's saved client reaches the other app within a second, naming the clerk; the writer does not hear itself", async () => {
    const borisHears = hear(boris, 1000, (events) => events.some((e) => e.entity === 'client'));
    const annaHears = hear(anna, 400);
    const saved = await ok<{ id: number; version: number }>(anna.dispatch('clients.save', ivanov()));
    const { events, ms } = await borisHears;
    expect(events).toContainEqual({ entity: 'client', id: saved.id, clerk: 'Анна' });
    expect(ms).toBeLessThan(1000);
    expect((await annaHears).events).toEqual([]);

    // Boris reads the card again and saves it; Anna hears it the same way.
    const annaHearsBack = hear(anna, 1000, (e) => e.length > 0);
    await ok(
      boris.dispatch('clients.save', {
        ...ivanov({ phone: '+7 900 111-22-33' }),
        id: saved.id,
        version: saved.version,
      }),
    );
    expect((await annaHearsBack).events).toEqual([{ entity: 'client', id: saved.id, clerk: 'Борис' }]);
  });

  it('a refused write announces nothing: the version check stays the guard and only a commit is heard', async () => {
    const saved = await ok<{ id: number; version: number }>(
      anna.dispatch('clients.save', ivanov({ lastNameRu: 'Петров' })),
    );
    await ok(
      boris.dispatch('clients.save', {
        ...ivanov({ lastNameRu: 'Петров', phone: '+7 900 1' }),
        id: saved.id,
        version: saved.version,
      }),
    );
    const borisHears = hear(boris, 600);
    const stale = await anna.dispatch('clients.save', {
      ...ivanov({ lastNameRu: 'Петрова' }),
      id: saved.id,
      version: saved.version,
    });
    expect(stale.ok ? 'ok' : (stale.error as { code: string }).code).toBe('STALE_VERSION');
    expect((await borisHears).events).toEqual([]);
  });
});

describe('a tourist is part of its tour', () => {
  it('a tourist Boris adds reaches Anna as a change of the tour, so her open tour card is told', async () => {
    const tour = await ok<{ id: number }>(
      anna.dispatch('tours.save', {
        ...emptyTourInput(),
        voucher: 'LIVE-1',
        country: 'FRA',
        arrivalDate: '2027-05-01',
        departureDate: '2027-05-10',
      }),
    );
    const annaHears = hear(anna, 1000, (events) => events.some((e) => e.entity === 'tour'));
    const added = await ok<{ tourist: { id: number } }>(
      boris.dispatch('tourists.save', {
        tourId: tour.id,
        tourist: {
          ...emptyTouristFields(),
          lastNameRu: 'Сидоров',
          firstNameRu: 'Пётр',
          clientId: null,
          serviceIds: [],
        },
      }),
    );
    const { events, ms } = await annaHears;
    expect(events).toContainEqual({ entity: 'tour', id: tour.id, clerk: 'Борис' });
    expect(events).toContainEqual({ entity: 'tourist', id: added.tourist.id, clerk: 'Борис' });
    expect(ms).toBeLessThan(1000);

    // A list Boris imports into the tour is a change of the tour too.
    const annaHearsImport = hear(anna, 1000, (e) => e.some((x) => x.entity === 'tour'));
    await ok(
      boris.dispatch('import.commit', {
        tourId: tour.id,
        rows: [
          { draft: { lastNameRu: 'Орлова', firstNameRu: 'Анна' }, action: 'touristOnly', clientId: null },
        ],
      }),
    );
    expect((await annaHearsImport).events).toContainEqual({ entity: 'tour', id: tour.id, clerk: 'Борис' });
  });
});

describe('live updates on a SQLite file', () => {
  it('nothing is announced: one app writes the file', async () => {
    const t = await createTempBackend({ dialect: 'sqlite' });
    const heard = hear(t.backend, 300);
    await t.call('clients.save', ivanov());
    expect((await heard).events).toEqual([]);
    await t.dispose();
  });
});
