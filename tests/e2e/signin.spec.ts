import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { expect, test } from './fixtures';

const SCREENSHOTS = 'test-results/screenshots';

/** A port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

test('clerks sign in by name; a clerk sees no loyalty figures and the backend refuses them', async ({
  app,
  openApp,
}) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const page = await openApp();
  // A fresh base signed its only clerk in (the OS account, administrator): no sign-in screen.
  const badge = page.getByTestId('clerk-badge');
  await expect(badge).toHaveAttribute('data-role', 'admin');
  const admin = ((await app.api('clerks.status', {})) as { signedIn: { name: string } }).signedIn.name;
  await app.api('clerks.save', { name: 'Ольга Смирнова', role: 'clerk', active: true });

  await badge.getByRole('button', { name: 'Сменить сотрудника' }).click();
  const signIn = page.getByTestId('signin-screen');
  await expect(signIn.getByRole('heading', { name: 'Вход в TourDesk' })).toBeVisible();
  await expect(signIn.getByRole('group', { name: 'Сотрудники' }).getByRole('button')).toHaveText(
    [admin, 'Ольга Смирнова'].sort((a, b) => a.localeCompare(b)),
  );
  await signIn.getByRole('button', { name: 'Ольга Смирнова' }).click();
  await page.screenshot({ path: `${SCREENSHOTS}/sign-in.png` });
  await signIn.getByRole('button', { name: 'Войти' }).click();

  await expect(badge).toHaveAttribute('data-role', 'clerk');
  await expect(badge.getByTitle('Ольга Смирнова · менеджер')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'main' });
  await expect(nav.getByRole('button', { name: 'Клиенты' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Лояльность' })).toHaveCount(0);
  await expect(nav.getByRole('button', { name: 'Настройки' })).toHaveCount(0);
  // Hidden is not enough: the backend itself refuses the money figures to this clerk.
  await expect(app.api('loyalty.overview', {})).rejects.toThrow(/FORBIDDEN.*roleNeeded/);

  // Back as the administrator, typing the name: the loyalty screen and the settings are there.
  await badge.getByRole('button', { name: 'Сменить сотрудника' }).click();
  await signIn.getByLabel('Имя').fill(admin);
  await signIn.getByLabel('Имя').press('Enter');
  await expect(nav.getByRole('button', { name: 'Лояльность' })).toBeVisible();
  await nav.getByRole('button', { name: 'Настройки' }).click();
  await expect(page.getByRole('row', { name: /Ольга Смирнова/ })).toBeVisible();
});

test('a wrong password is refused in the UI language', async ({ app, openApp }) => {
  const page = await openApp();
  const olga = (await app.api('clerks.save', { name: 'Ольга', role: 'head', active: true })) as {
    id: number;
  };
  await app.api('clerks.setPassword', { id: olga.id, password: 'верный пароль' });
  await page.getByTestId('clerk-badge').getByRole('button', { name: 'Сменить сотрудника' }).click();
  const signIn = page.getByTestId('signin-screen');
  await signIn.getByRole('button', { name: 'Ольга' }).click();
  await signIn.getByLabel('Пароль (если задан)').fill('не тот пароль');
  await signIn.getByRole('button', { name: 'Войти' }).click();
  await expect(signIn.getByRole('alert')).toHaveText('Неверное имя или пароль.');
  await signIn.getByLabel('Пароль (если задан)').fill('верный пароль');
  await signIn.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByTestId('clerk-badge').getByTitle('Ольга · руководитель')).toBeVisible();
});

test('five wrong passwords make the name wait, and the sign-in screen says how long', async ({
  app,
  openApp,
}) => {
  test.setTimeout(90_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const page = await openApp();
  const boris = (await app.api('clerks.save', { name: 'Борис', role: 'clerk', active: true })) as {
    id: number;
  };
  await app.api('clerks.setPassword', { id: boris.id, password: 'пароль бориса' });
  await page.getByTestId('clerk-badge').getByRole('button', { name: 'Сменить сотрудника' }).click();
  const signIn = page.getByTestId('signin-screen');
  const password = signIn.getByLabel('Пароль (если задан)');
  const alert = signIn.getByRole('alert');
  await signIn.getByRole('button', { name: 'Борис' }).click();
  for (let i = 1; i <= 5; i++) {
    await password.fill(`догадка ${i}`);
    await signIn.getByRole('button', { name: 'Войти' }).click();
    await expect(alert).toHaveText('Неверное имя или пароль.');
    // The same alert text again: wait for this answer before the next try.
    await expect(signIn.getByRole('button', { name: 'Войти' })).toBeEnabled();
  }
  await password.fill('пароль бориса');
  await signIn.getByRole('button', { name: 'Войти' }).click();
  await expect(alert).toHaveText('Слишком много неверных попыток. Попробуйте войти снова через 30 с.');
  await expect(page.getByTestId('clerk-badge')).toHaveCount(0);
  // The wait counts down on screen, and the button waits with it.
  await expect(alert).toHaveText(
    /^Слишком много неверных попыток\. Попробуйте войти снова через 2[0-7] с\.$/,
    {
      timeout: 10_000,
    },
  );
  await expect(signIn.getByRole('button', { name: 'Войти' })).toBeDisabled();
  await page.screenshot({ path: `${SCREENSHOTS}/sign-in-locked.png` });
  // The wait is Борис's: another name may try at once.
  await signIn.getByLabel('Имя').fill('Другой');
  await expect(alert).toHaveCount(0);
  await expect(signIn.getByRole('button', { name: 'Войти' })).toBeEnabled();
});

test('the connection form tells a server that is down, in the UI language', async ({ openApp }) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const page = await openApp();
  await page.getByRole('navigation', { name: 'main' }).getByRole('button', { name: 'Настройки' }).click();
  await page.getByRole('tab', { name: 'База' }).click();
  const panel = page.getByTestId('connection-panel');
  await panel.getByLabel('на сервере офиса (PostgreSQL)').check();
  const port = await closedPort();
  await panel.getByLabel('Адрес сервера').fill('127.0.0.1');
  await panel.getByLabel('Порт').fill(String(port));
  await panel.getByLabel('Пользователь').fill('tourdesk');
  await panel.getByLabel('Шифровать соединение (TLS)').uncheck();
  await panel.getByRole('button', { name: 'Проверить соединение' }).click();
  await expect(panel.getByTestId('connection-outcome')).toHaveText(
    `Сервер 127.0.0.1:${port} не отвечает. Проверьте адрес и порт и что сервер включён.`,
  );
  await expect(panel).toContainText('Режим браузера: пароль хранится зашифрованным');
  await page.screenshot({ path: `${SCREENSHOTS}/connection-settings.png` });
  await panel.getByRole('button', { name: 'Сохранить' }).click();
  await expect(
    page.getByText('Сохранено. Перезапустите программу, чтобы открыть выбранную базу.'),
  ).toBeVisible();
});
