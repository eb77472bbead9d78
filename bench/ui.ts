import { chromium } from 'playwright';
import type { Dispatch } from '../electron/backend/dispatch';
import { startWebServer } from '../electron/web/server';
import { chromiumExecutable } from '../tests/helpers/chromium';

/** Serves the built UI over the benchmark database and times it in a real Chromium. */
export async function measureUi(dispatch: Dispatch, rendererDir: string) {
  const server = await startWebServer({ dispatch, staticDir: rendererDir, token: 'bench' });
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
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
