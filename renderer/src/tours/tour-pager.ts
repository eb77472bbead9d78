import type { CommandInput } from '../../../shared/api/contract';
import type { TourRow } from '../../../shared/domain/tour';
import { ApiCallError, call } from '../api/client';
import { pagesToDrop } from '../clients/page-window';

export const TOUR_PAGE_SIZE = 100;
/** Pages kept in memory: the ones nearest the rows in view. Farther pages are dropped and read again. */
export const TOUR_MAX_PAGES = 10;

export type TourQuery = Omit<CommandInput<'tours.list'>, 'limit' | 'after' | 'offset'>;

/** A page of the list: its rows, or null when dropped (the screen keeps its place with a spacer). */
export interface TourPage {
  page: number;
  rows: TourRow[] | null;
  /** How many rows the page had when it was read (its spacer's height). */
  size: number;
}

export interface LoadedTours {
  /** Every page read so far, in order; dropped ones have no rows. Null before the first answer. */
  pages: TourPage[] | null;
  total: number;
}

/**
 * The tours list a page at a time: the first page, then each next one after the previous page's
 * cursor (`next`, a keyset seek at any depth) as the list is scrolled to its end. Pages far from the
 * rows in view are dropped and read again, by the cursor that read them, when they come back into
 * view, so memory stays bounded however far the list is scrolled. A new query starts again; answers
 * to an older one are ignored; a cursor the backend no longer accepts (another sort) starts the list
 * again from its first page.
 */
export class TourPager {
  private onError: (error: unknown) => void = () => undefined;
  private generation = 0;
  private query: TourQuery | null = null;
  /** The cursor that reads page p (page 0: null); the entry after the last page reads the next one. */
  private cursors = new Map<number, string | null>();
  /** Pages to read by their place in the list: a change since made their cursors stale. */
  private byOffset = new Set<number>();
  private pages = new Map<number, TourRow[]>();
  /** Rows of each page read so far: its count is the number of pages the list has shown. */
  private sizes: number[] = [];
  private total = 0;
  private inFlight = new Set<number>();
  private inView = { first: 0, last: 0 };

  constructor(private readonly publish: (loaded: LoadedTours) => void) {}

  setOnError(onError: (error: unknown) => void): void {
    this.onError = onError;
  }

  /** Reads the list from its first page for a new query. */
  load(query: TourQuery): void {
    this.query = query;
    this.inView = { first: 0, last: 0 };
    this.restart();
  }

  /**
   * The same query read again after a change, keeping the place: the pages in memory are read again
   * one after another, the first from its place in the list and each next one after the page before.
   * A change moves every page's boundary, so an old cursor would skip or repeat a tour there: a page
   * read again later (dropped while away) is read by its place too, until a fresh page before it
   * gives it a cursor.
   */
  async refresh(): Promise<void> {
    const kept = [...this.pages.keys()].sort((a, b) => a - b);
    const first = kept[0];
    const last = kept[kept.length - 1];
    if (first === undefined || last === undefined) return this.restart();
    const mine = ++this.generation;
    this.inFlight = new Set();
    this.cursors = new Map([[0, null]]);
    this.byOffset = new Set();
    for (let page = 1; page < this.sizes.length; page++) {
      this.cursors.set(page, null);
      this.byOffset.add(page);
    }
    this.sizes = this.sizes.slice(0, last + 1);
    for (let page = first; page <= last && mine === this.generation; page++) await this.fetch(page);
  }

  /** The next page after the last one read, when there is one. */
  loadMore(): void {
    void this.fetch(this.sizes.length);
  }

  /** The rows in view (by index in the whole list): dropped pages among them are read again. */
  ensureRows(first: number, last: number): void {
    this.inView = { first, last };
    const to = Math.min(Math.floor(last / TOUR_PAGE_SIZE), this.sizes.length - 1);
    for (let page = Math.floor(first / TOUR_PAGE_SIZE); page <= to; page++)
      if (!this.pages.has(page)) void this.fetch(page);
  }

  private restart(): void {
    this.generation++;
    this.cursors = new Map([[0, null]]);
    this.byOffset = new Set();
    this.pages = new Map();
    this.sizes = [];
    this.inFlight = new Set();
    void this.fetch(0);
  }

  /** Reads page p by its cursor; resolves once it is in (at once when it cannot be read now). */
  private async fetch(page: number): Promise<void> {
    const query = this.query;
    const after = this.cursors.get(page);
    if (!query || after === undefined || this.inFlight.has(page)) return;
    const offset = this.byOffset.has(page) ? page * TOUR_PAGE_SIZE : 0;
    const mine = this.generation;
    this.inFlight.add(page);
    try {
      const answer = await call('tours.list', {
        ...query,
        limit: TOUR_PAGE_SIZE,
        ...(offset > 0 ? { after: null, offset } : { after }),
      });
      if (mine !== this.generation) return;
      this.inFlight.delete(page);
      this.byOffset.delete(page);
      this.pages.set(page, answer.rows);
      this.sizes[page] = answer.rows.length;
      this.total = answer.total;
      if (answer.next !== null) {
        this.cursors.set(page + 1, answer.next);
        this.byOffset.delete(page + 1);
      } else {
        for (const later of [...this.cursors.keys()]) if (later > page) this.cursors.delete(later);
        this.byOffset = new Set([...this.byOffset].filter((p) => p <= page));
        this.sizes = this.sizes.slice(0, page + 1);
      }
      this.changed();
    } catch (error) {
      if (mine !== this.generation) return;
      this.inFlight.delete(page);
      if (after !== null && error instanceof ApiCallError && error.error.reason === 'cursorStale')
        return this.restart();
      this.onError(error);
    }
  }

  private changed(): void {
    for (const page of pagesToDrop([...this.pages.keys()], this.inView, TOUR_PAGE_SIZE, TOUR_MAX_PAGES))
      this.pages.delete(page);
    this.publish({
      total: this.total,
      pages: Array.from({ length: this.sizes.length }, (_, page) => ({
        page,
        rows: this.pages.get(page) ?? null,
        size: this.sizes[page] ?? TOUR_PAGE_SIZE,
      })),
    });
  }
}
