import { useCallback, useRef, useState } from 'react';
import type { CommandInput } from '../../../shared/api/contract';
import type { TourRow } from '../../../shared/domain/tour';
import { ApiCallError, call } from '../api/client';

export const TOUR_PAGE_SIZE = 100;
/** The most rows tours.list gives in one answer. */
const MAX_LIMIT = 1000;

export type TourQuery = Omit<CommandInput<'tours.list'>, 'limit' | 'after'>;

interface Loaded {
  rows: TourRow[] | null;
  total: number;
}

/**
 * The tours list a page at a time: the first page, then each next one after the previous page's
 * cursor (`next`, a keyset seek at any depth) as the list is scrolled to its end. A new query starts
 * again; answers to an older one are ignored; a cursor the backend no longer accepts (another sort)
 * starts the list again from its first page.
 */
export function useTourPages(onError: (error: unknown) => void) {
  const [loaded, setLoaded] = useState<Loaded>({ rows: null, total: 0 });
  const generation = useRef(0);
  const query = useRef<TourQuery | null>(null);
  const next = useRef<string | null>(null);
  const busy = useRef(false);

  const fetchPage = useCallback(
    (from: string | null, firstLimit = TOUR_PAGE_SIZE) => {
      const run = (after: string | null, limit: number) => {
        const current = query.current;
        if (!current) return;
        const mine = generation.current;
        busy.current = true;
        call('tours.list', { ...current, limit, after }).then(
          (page) => {
            if (mine !== generation.current) return;
            busy.current = false;
            next.current = page.next;
            setLoaded((was) => ({
              rows: after === null ? page.rows : [...(was.rows ?? []), ...page.rows],
              total: page.total,
            }));
          },
          (error: unknown) => {
            if (mine !== generation.current) return;
            busy.current = false;
            if (after !== null && error instanceof ApiCallError && error.error.reason === 'cursorStale') {
              generation.current++;
              run(null, TOUR_PAGE_SIZE);
              return;
            }
            onError(error);
          },
        );
      };
      run(from, firstLimit);
    },
    [onError],
  );

  /** Reads the list from its first page for a new query. */
  const load = useCallback(
    (q: TourQuery) => {
      query.current = q;
      generation.current++;
      next.current = null;
      fetchPage(null);
    },
    [fetchPage],
  );

  /** The same query read again after a change: as many rows as were on screen, so the place is kept. */
  const refresh = useCallback(() => {
    generation.current++;
    next.current = null;
    fetchPage(null, Math.min(MAX_LIMIT, Math.max(TOUR_PAGE_SIZE, loaded.rows?.length ?? 0)));
  }, [fetchPage, loaded.rows]);

  /** The next page, when there is one and none is on its way. */
  const loadMore = useCallback(() => {
    if (busy.current || next.current === null) return;
    fetchPage(next.current);
  }, [fetchPage]);

  return { rows: loaded.rows, total: loaded.total, load, refresh, loadMore };
}
