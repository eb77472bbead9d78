import { chromium, type BrowserContext } from 'playwright';
import type { Dispatch } from '../electron/backend/dispatch';
import { sessionCookieName } from '../electron/web/security';
import { startWebServer, type WebServer } from '../electron/web/server';
import { chromiumExecutable } from '../tests/helpers/chromium';

/** Signs a browser context in as the launcher's sign-in page does, so timings start at the app itself. */
export async function signIn(server: WebServer, context: BrowserContext): Promise<void> {
  const response = await fetch(`${server.url}login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url.replace(/\/$/, '') },
    body: JSON.stringify({ code: server.issueLoginCode() }),
  });
  const name = sessionCookieName(server.port);
  const value = new RegExp(`${name}=([^;]+)`).exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (!value) throw new Error(`sign-in refused: ${response.status}`);
  await context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Strict' }]);
}

/** Serves the built UI over the benchmark database and times it in a real Chromium. */
export async function measureUi(dispatch: Dispatch, rendererDir: string) {
  const server = await startWebServer({ dispatch, staticDir: rendererDir });
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    await signIn(server, page.context());
    const start = performance.now();
    await page.goto(server.url);
    await page.locator('[role=row][aria-rowindex="1"] [role=gridcell]').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('.placeholder-bar'));
    const firstPaintMs = performance.now() - start;

    const body = page.getByTestId('clients-grid-body');
    const scrollStart = performance.now();
    await body.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await page.waitForTimeout(250);
    const blankRowsAfterScroll = await page.locator('.placeholder-bar').count();
    await page.waitForFunction(() => !document.querySelector('.placeholder-bar'));
    const scrollFillMs = performance.now() - scrollStart;
    return { firstPaintMs, scrollFillMs, blankRowsAfterScroll };
  } finally {
    await browser.close();
    await server.close();
  }
}
