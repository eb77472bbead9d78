import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TourRow } from '../../shared/domain/tour';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';
import { greeceTour } from '../e2e/seed-tours';

let t: TempBackend;
// The renderer's client sends through Electron's preload API when there is one: here the real dispatch.
(globalThis as { window?: object }).window ??= {
  api: { invoke: (name: string, input: unknown) => t.backend.dispatch(name as never, input as never) },
};
const { TourPager, TOUR_PAGE_SIZE } = await import('../../renderer/src/tours/tour-pager');
type Loaded = Parameters<ConstructorParameters<typeof TourPager>[0]>[0];

const TOURS = 1_150;
const voucher = (i: number) => `V${String(i).padStart(4, '0')}`;

function saveTour(code: string) {
  return t.call('tours.save', greeceTour(code));
}

beforeAll(async () => {
  t = await createTempBackend({ today: '2026-11-23' });
  for (let i = 1; i <= TOURS; i++) await saveTour(voucher(i));
}, 120_000);
afterAll(async () => {
  await t.dispose();
});

async function until(what: string, done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!done()) throw new Error(`never: ${what}`);
}

// A change moves every page's boundary: a page dropped while scrolled away must not be read again by
// the cursor it had before (with a tour added that sorts first, V0100 was shown nowhere).
it('a refresh after a change keeps every tour once, also across pages dropped while scrolled away', async () => {
  let loaded: Loaded = { pages: null, total: 0 };
  const pager = new TourPager((l) => (loaded = l));
  pager.setOnError((error) => {
    throw error;
  });
  const read = () => loaded.pages?.filter((p) => p.rows !== null).length ?? 0;
  const pages = () => loaded.pages?.length ?? 0;
  pager.load({ sort: 'voucher', direction: 'asc' });
  await until('the first page', () => pages() === 1);
  // Scrolled to the end page by page, as the list does: far pages are dropped on the way.
  for (let page = 1; page < Math.ceil(TOURS / TOUR_PAGE_SIZE); page++) {
    pager.ensureRows(page * TOUR_PAGE_SIZE, page * TOUR_PAGE_SIZE + 30);
    pager.loadMore();
    await until(`page ${page}`, () => pages() === page + 1);
  }
  expect(loaded.pages?.[0]?.rows).toBeNull();
  expect(read()).toBeLessThan(pages());

  // Another clerk adds a tour that sorts first; the screen refreshes where it is (the last pages).
  await saveTour('V0000A');
  await pager.refresh();
  // Then the clerk scrolls back to the top, a screenful at a time: dropped pages are read again.
  for (let row = TOURS - 30; row >= 0; row -= 30) {
    pager.ensureRows(row, row + 30);
    await until(`rows ${row}`, () =>
      [Math.floor(row / TOUR_PAGE_SIZE), Math.floor((row + 30) / TOUR_PAGE_SIZE)].every(
        (p) => p >= pages() || loaded.pages?.[p]?.rows !== null,
      ),
    );
  }
  const seen = new Map<number, TourRow[]>();
  // Every page as last read (pages are dropped again while scrolling: keep what each one showed).
  for (let row = 0; row < pages() * TOUR_PAGE_SIZE; row += TOUR_PAGE_SIZE) {
    pager.ensureRows(row, row + 30);
    const page = row / TOUR_PAGE_SIZE;
    await until(`page ${page} again`, () => loaded.pages?.[page]?.rows != null);
    seen.set(page, loaded.pages?.[page]?.rows ?? []);
  }
  const shown = [...seen.keys()].sort((a, b) => a - b).flatMap((p) => seen.get(p)!.map((r) => r.voucher));
  const all = await t.call('tours.list', { sort: 'voucher', direction: 'asc', limit: 1000 });
  const rest = await t.call('tours.list', {
    sort: 'voucher',
    direction: 'asc',
    limit: 1000,
    after: all.next,
  });
  expect(shown).toEqual([...all.rows, ...rest.rows].map((r) => r.voucher));
});
