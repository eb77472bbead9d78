import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientListQuery } from '../../../shared/api/contract';
import type { ClientRow } from '../../../shared/domain/client';
import { ApiCallError, call } from '../api/client';
import { PAGE_SIZE, takeAnsweredOpeningPage, takeOpeningPage } from './opening-page';
import { pagesToDrop, roundEstimate, totalAfterPage, trimCursors } from './page-window';

/** Pages kept in memory: the ones nearest the rows in view. Farther pages are dropped and fetched again. */
export const MAX_PAGES = 12;
/** A jump (the scrollbar dragged) is fetched once the thumb rests this long, not at every position. */
const JUMP_DELAY_MS = 80;

export type ClientFilter = Omit<ClientListQuery, 'offset' | 'limit' | 'after' | 'count'>;

interface PagesState {
  total: number | null;
  /** False while the total is the backend's estimate ("about N"). */
  totalExact: boolean;
  /** True until the count of this query has answered: `total` is then only the rows seen so far. */
  counting: boolean;
  pages: ReadonlyMap<number, ClientRow[]>;
}

/**
 * The clients list, fetched a page at a time as the table scrolls, so a million clients cost no more
 * than the rows near the screen. The next page is asked for after the previous page's cursor (an
 * index seek at any depth); a jump asks by offset. The total is counted once per query, in a request
 * of its own sent after the first page's, so the rows paint without waiting for the count (a cold
 * count of a big base costs several times the page). A new filter drops the cached pages; answers to
 * an older filter are ignored.
 */
export function useClientPages(filter: ClientFilter, onError: (error: unknown) => void) {
  // The boot's first page, when it has answered already: the screen's first render shows its rows.
  const [seed] = useState(() => {
    const page = takeAnsweredOpeningPage(filter);
    if (!page) return undefined;
    const known = { value: null, exact: true };
    return { page, total: totalAfterPage(known, 0, page.rows.length, page.next, PAGE_SIZE) };
  });
  const [state, setState] = useState<PagesState>({
    total: seed?.total.value ?? null,
    totalExact: seed?.total.exact ?? true,
    counting: true,
    pages: new Map(seed ? [[0, seed.page.rows]] : []),
  });
  const firstLoad = useRef(true);
  const generation = useRef(0);
  const inFlight = useRef(new Set<number>());
  const loaded = useRef(new Map<number, ClientRow[]>(seed ? [[0, seed.page.rows]] : []));
  /** The cursor that fetches page p (the `next` of page p - 1). */
  const cursors = useRef(new Map<number, string>(seed?.page.next ? [[1, seed.page.next]] : []));
  const total = useRef<{ value: number | null; exact: boolean }>(seed?.total ?? { value: null, exact: true });
  const inView = useRef({ first: 0, last: 0 });
  const counting = useRef(true);
  const jumpTimer = useRef<number | undefined>(undefined);
  const filterKey = JSON.stringify(filter);

  const publish = useCallback(() => {
    for (const page of pagesToDrop([...loaded.current.keys()], inView.current, PAGE_SIZE, MAX_PAGES))
      loaded.current.delete(page);
    trimCursors(cursors.current, inView.current.first / PAGE_SIZE);
    setState({
      total: total.current.value,
      totalExact: total.current.exact,
      counting: counting.current,
      pages: new Map(loaded.current),
    });
  }, []);

  const loadPage = useCallback(
    (page: number) => {
      if (loaded.current.has(page) || inFlight.current.has(page)) return;
      const myGeneration = generation.current;
      inFlight.current.add(page);
      const fetchPage = (byOffset: boolean) => {
        const current = JSON.parse(filterKey) as ClientFilter;
        const after = byOffset ? undefined : cursors.current.get(page);
        const input = after === undefined ? { offset: page * PAGE_SIZE } : { after };
        const ask = () => call('clients.list', { ...current, ...input, limit: PAGE_SIZE, count: false });
        // The boot asked for the opening list's first page already (opening-page.ts).
        const opening = page === 0 && after === undefined ? takeOpeningPage(current) : undefined;
        (opening ? opening.then((answer) => answer ?? ask()) : ask()).then(
          (result) => {
            if (myGeneration !== generation.current) return;
            inFlight.current.delete(page);
            loaded.current.set(page, result.rows);
            if (result.next !== null) cursors.current.set(page + 1, result.next);
            total.current = totalAfterPage(total.current, page, result.rows.length, result.next, PAGE_SIZE);
            publish();
          },
          (error: unknown) => {
            if (myGeneration !== generation.current) return;
            inFlight.current.delete(page);
            if (
              after !== undefined &&
              error instanceof ApiCallError &&
              error.error.reason === 'cursorStale'
            ) {
              cursors.current.delete(page);
              inFlight.current.add(page);
              fetchPage(true);
              return;
            }
            onError(error);
          },
        );
      };
      fetchPage(false);
    },
    [filterKey, onError, publish],
  );

  const countTotal = useCallback(() => {
    const myGeneration = generation.current;
    const current = JSON.parse(filterKey) as ClientFilter;
    call('clients.list', { ...current, offset: 0, limit: 1, count: true }).then(
      (result) => {
        if (myGeneration !== generation.current) return;
        counting.current = false;
        // The pages found the end already: that is exact, whatever the count said.
        if (result.total !== null && !(total.current.exact && total.current.value !== null))
          total.current = {
            value: result.totalExact ? result.total : roundEstimate(result.total),
            exact: result.totalExact,
          };
        publish();
      },
      (error: unknown) => {
        if (myGeneration !== generation.current) return;
        counting.current = false;
        publish();
        onError(error);
      },
    );
  }, [filterKey, onError, publish]);

  const reload = useCallback(() => {
    // The first load keeps the boot's page it started with and the pages the table asked for in its
    // own effects, which run before this one: dropping them asked for the same page twice.
    if (!firstLoad.current) {
      generation.current++;
      inFlight.current = new Set();
      loaded.current = new Map();
      cursors.current = new Map();
      total.current = { value: null, exact: true };
      window.clearTimeout(jumpTimer.current);
    }
    firstLoad.current = false;
    counting.current = true;
    loadPage(0);
    countTotal();
  }, [loadPage, countTotal]);

  useEffect(() => {
    reload();
    return () => window.clearTimeout(jumpTimer.current);
  }, [reload]);

  const ensureRows = useCallback(
    (first: number, last: number) => {
      inView.current = { first, last };
      const wanted: number[] = [];
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++)
        wanted.push(page);
      // Scrolling on: the next page follows a cursor at once. A jump waits until the thumb rests.
      const far = wanted.filter((page) => page !== 0 && !cursors.current.has(page));
      for (const page of wanted) if (!far.includes(page)) loadPage(page);
      window.clearTimeout(jumpTimer.current);
      if (far.length > 0)
        jumpTimer.current = window.setTimeout(() => far.forEach((p) => loadPage(p)), JUMP_DELAY_MS);
    },
    [loadPage],
  );

  const rowAt = useCallback(
    (index: number): ClientRow | undefined =>
      state.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [state.pages],
  );

  return {
    total: state.total,
    totalExact: state.totalExact,
    counting: state.counting,
    rowAt,
    ensureRows,
    reload,
    loadedPages: state.pages.size,
  };
}
