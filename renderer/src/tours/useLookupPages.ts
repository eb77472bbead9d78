import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommandOutput, ParsedInput } from '../../../shared/api/contract';
import { ApiCallError, call } from '../api/client';

export const LOOKUP_PAGE_SIZE = 100;
/** The next page is asked for once the rows in view come this close to the end of what is loaded. */
const PREFETCH_ROWS = 30;

/** What the dialog searches by: the command's criteria without its paging. */
export type LookupCriteria = Omit<ParsedInput<'clients.lookup'>, 'limit' | 'after'>;

export type LookupPage = CommandOutput<'clients.lookup'>;

/**
 * The candidates of a tourist lookup, read page by page after the previous page's `next` as the list
 * scrolls. A surname is a few hundred clients at most, so the loaded pages are kept; a cursor the
 * backend refuses as stale starts the list again from its first page. Answers to older criteria are
 * ignored. `onError` should keep its identity (a new one asks for the list again).
 */
export function useLookupPages(
  criteria: LookupCriteria,
  initial: LookupPage,
  onError: (error: unknown) => void,
) {
  const [result, setResult] = useState<LookupPage>(initial);
  const generation = useRef(0);
  const loading = useRef(false);
  const key = JSON.stringify(criteria);
  const first = useRef(true);

  const fetchFirst = useCallback(
    (myGeneration: number) =>
      call('clients.lookup', { ...(JSON.parse(key) as LookupCriteria), limit: LOOKUP_PAGE_SIZE }).then(
        (page) => {
          if (myGeneration !== generation.current) return;
          loading.current = false;
          setResult(page);
        },
        (error: unknown) => {
          if (myGeneration !== generation.current) return;
          loading.current = false;
          onError(error);
        },
      ),
    [key, onError],
  );

  useEffect(() => {
    // The dialog opens on the answer it was given; only a change of criteria asks again.
    if (first.current) {
      first.current = false;
      return;
    }
    const myGeneration = ++generation.current;
    loading.current = true;
    const timer = window.setTimeout(() => void fetchFirst(myGeneration), 150);
    return () => window.clearTimeout(timer);
  }, [fetchFirst]);

  /** Called with the last row index in view: reads the next page when it comes near the end. */
  const ensureRows = useCallback(
    (last: number) => {
      const { candidates, next } = result;
      if (next === null || loading.current || last < candidates.length - PREFETCH_ROWS) return;
      const myGeneration = generation.current;
      loading.current = true;
      const criteriaNow = JSON.parse(key) as LookupCriteria;
      call('clients.lookup', { ...criteriaNow, limit: LOOKUP_PAGE_SIZE, after: next }).then(
        (page) => {
          if (myGeneration !== generation.current) return;
          loading.current = false;
          setResult((r) => ({
            total: page.total,
            candidates: [...r.candidates, ...page.candidates],
            next: page.next,
          }));
        },
        (error: unknown) => {
          if (myGeneration !== generation.current) return;
          if (error instanceof ApiCallError && error.error.reason === 'cursorStale') {
            void fetchFirst(++generation.current);
            return;
          }
          loading.current = false;
          onError(error);
        },
      );
    },
    [key, result, fetchFirst, onError],
  );

  return { result, ensureRows };
}
