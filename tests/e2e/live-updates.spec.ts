import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { connectionFilePath, writeConnectionFile } from '../../electron/backend/connection/connection-file';
import { emptyTourInput, emptyTouristFields } from '../../shared/domain/tour';
import { ivanov } from '../helpers/fixtures';
import { startPgServer, type PgServer } from '../helpers/pg-server';
import { expect, startServer, test, type AppServer } from './fixtures';

const SCREENSHOTS = 'test-results/screenshots';

/**
 * Issue 14 live updates in a real browser: two TourDesk apps (browser mode, each its own process, pool
 * and LISTEN connection) on one real PostgreSQL base. What Boris saves in his app shows on Anna's
 * screen within a second: a banner on her open card, new rows in her tours list.
 */
let pg: PgServer;
const stops: (() => void)[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  pg = await startPgServer();
});
test.afterAll(() => {
  for (const stop of stops.splice(0)) stop();
  // The server's own log, kept for a failed run (the cluster folder goes with stop()).
  if (pg) copyFileSync(join(pg.dataDir, 'server.log'), 'test-results/live-updates-pg.log');
  pg?.stop();
});

async function officeApp(databaseUrl: string): Promise<AppServer> {
  const database = new URL(databaseUrl).pathname.slice(1);
  const { server, stop } = await startServer({
    prepare: (dbPath) =>
      writeConnectionFile(connectionFilePath(dbPath), {
        kind: 'server',
        server: { host: pg.host, port: pg.port, database, user: pg.user, tls: false },
        password: null,
      }),
  });
  stops.push(stop);
  return server;
}

const ok = <T>(value: unknown) => value as T;

async function withinASecond(change: () => Promise<unknown>, shown: () => Promise<void>) {
  // From the commit (the other app's answer) to this screen showing it.
  await change();
  const started = Date.now();
  await shown();
  return Date.now() - started;
}

test('a client and a tour another clerk changes show on the open screens within a second', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const databaseUrl = await pg.createDatabase('live');
  const anna = await officeApp(databaseUrl);
  const boris = await officeApp(databaseUrl);
  // On a server every clerk signs in with a password; the first becomes the administrator.
  await anna.api('clerks.signIn', { name: 'Анна', password: 'пароль анны' });
  await anna.api('clerks.save', { name: 'Борис', role: 'clerk', active: true, password: 'пароль бориса' });
  await boris.api('clerks.signIn', { name: 'Борис', password: 'пароль бориса' });
  const client = ok<{ id: number }>(await anna.api('clients.save', ivanov()));
  const tour = ok<{ id: number }>(
    await anna.api('tours.save', {
      ...emptyTourInput(),
      voucher: 'LIVE-1',
      country: 'FRA',
      hotel: 'Ritz',
      arrivalDate: '2027-05-01',
      departureDate: '2027-05-10',
    }),
  );

  await page.goto(await anna.signInUrl());
  await page.waitForURL(anna.url);
  await expect(page.getByTestId('clerk-badge')).toHaveAttribute('data-role', 'admin');
  // Anna's client card is open when Boris saves the same client in his app.
  await page.getByTestId('clients-grid').getByRole('row').filter({ hasText: 'Иванов' }).first().dblclick();
  const card = page.getByRole('dialog');
  await expect(card.getByLabel('Телефон')).toBeVisible();
  const banner = page.getByTestId('changed-elsewhere');
  const clientMs = await withinASecond(
    async () => {
      const current = ok<Record<string, unknown>>(await boris.api('clients.get', { id: client.id }));
      await boris.api('clients.save', {
        ...ivanov({ phone: '+7 900 555-44-33' }),
        id: client.id,
        version: current.version,
      });
    },
    () => expect(banner).toHaveText(/Эту запись только что изменил\(а\) Борис\./, { timeout: 1000 }),
  );
  expect(clientMs).toBeLessThan(1000);
  await banner.getByRole('button', { name: 'Загрузить заново' }).click();
  await expect(card.getByLabel('Телефон')).toHaveValue('+7 900 555-44-33');
  await expect(banner).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();

  // Anna's tours list: a tour Boris makes appears in it without her touching anything.
  await page.getByRole('button', { name: 'Туры', exact: true }).click();
  const tours = page.getByTestId('tours-table');
  await expect(tours.getByRole('row').filter({ hasText: 'LIVE-1' })).toBeVisible();
  const listMs = await withinASecond(
    () =>
      boris.api('tours.save', {
        ...emptyTourInput(),
        voucher: 'LIVE-2',
        country: 'ITA',
        arrivalDate: '2027-06-01',
        departureDate: '2027-06-08',
      }),
    () => expect(tours.getByRole('row').filter({ hasText: 'LIVE-2' })).toBeVisible({ timeout: 1000 }),
  );
  expect(listMs).toBeLessThan(1000);

  // Anna's tour card is open when Boris adds a tourist to that tour.
  await tours.getByRole('row').filter({ hasText: 'LIVE-1' }).dblclick();
  await expect(page.getByRole('heading', { name: 'Тур LIVE-1' })).toBeVisible();
  const tourists = page.getByTestId('tourists-table');
  await expect(tourists).toHaveCount(0);
  const touristMs = await withinASecond(
    () =>
      boris.api('tourists.save', {
        tourId: tour.id,
        tourist: {
          ...emptyTouristFields(),
          lastNameRu: 'Сидоров',
          firstNameRu: 'Пётр',
          clientId: null,
          serviceIds: [],
        },
      }),
    () => expect(banner).toHaveText(/изменил\(а\) Борис\./, { timeout: 1000 }),
  );
  expect(touristMs).toBeLessThan(1000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/live-tour-changed.png` });
  await banner.getByRole('button', { name: 'Загрузить заново' }).click();
  await expect(tourists).toContainText('Сидоров');
  console.log(
    `live updates seen after: client ${clientMs} ms, tours list ${listMs} ms, tour card ${touristMs} ms`,
  );
});

test('Settings → Base creates the schema of an empty server database at once', async ({ openApp }) => {
  test.setTimeout(120_000);
  const databaseUrl = await pg.createDatabase('empty');
  const database = new URL(databaseUrl).pathname.slice(1);
  const page = await openApp();
  await page.getByRole('navigation', { name: 'main' }).getByRole('button', { name: 'Настройки' }).click();
  await page.getByRole('tab', { name: 'База' }).click();
  const panel = page.getByTestId('connection-panel');
  await panel.getByLabel('на сервере офиса (PostgreSQL)').check();
  await panel.getByLabel('Адрес сервера').fill(pg.host);
  await panel.getByLabel('Порт').fill(String(pg.port));
  await panel.getByLabel('База данных').fill(database);
  await panel.getByLabel('Пользователь').fill(pg.user);
  await panel.getByLabel('Шифровать соединение (TLS)').uncheck();
  await panel.getByRole('button', { name: 'Проверить соединение' }).click();
  const outcome = panel.getByTestId('connection-outcome');
  await expect(outcome).toContainText(`база ${database} пуста: создайте таблицы сейчас`);
  await panel.getByRole('button', { name: 'Создать таблицы сейчас' }).click();
  await expect(outcome).toHaveText(`Соединение есть: база ${database} на ${pg.host} готова к работе.`, {
    timeout: 30_000,
  });
  await expect(page.getByText(`Таблицы базы ${database} созданы.`)).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Создать таблицы сейчас' })).toHaveCount(0);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/connection-schema-created.png` });
});
