import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientListQuery } from '../../../shared/api/contract';
import type { ClientRow } from '../../../shared/domain/client';
import { call } from '../api/client';

export const PAGE_SIZE = 100;

export type ClientFilter = Omit<ClientListQuery, 'offset' | 'limit'>;

interface PagesState {
  total: number | null;
  pages: ReadonlyMap<number, ClientRow[]>;
}

/**
 * The clients list, fetched a page at a time as the table scrolls, so 200,000 clients cost no more
 * than the rows on screen. A new filter drops the cached pages; answers to an older filter are ignored.
 */
export function useClientPages(filter: ClientFilter, onError: (error: unknown) => void) {
  const [state, setState] = useState<PagesState>({ total: null, pages: new Map() });
  const generation = useRef(0);
  const inFlight = useRef(new Set<number>());
  const loaded = useRef(new Map<number, ClientRow[]>());
  const filterKey = JSON.stringify(filter);

  const loadPage = useCallback(
    (page: number) => {
      if (loaded.current.has(page) || inFlight.current.has(page)) return;
      const myGeneration = generation.current;
      inFlight.current.add(page);
      const current = JSON.parse(filterKey) as ClientFilter;
      call('clients.list', { ...current, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
        (result) => {
          if (myGeneration !== generation.current) return;
          inFlight.current.delete(page);
          loaded.current.set(page, result.rows);
          setState({ total: result.total, pages: new Map(loaded.current) });
        },
        (error: unknown) => {
          if (myGeneration !== generation.current) return;
          inFlight.current.delete(page);
          onError(error);
        },
      );
    },
    [filterKey, onError],
  );

  const reload = useCallback(() => {
    generation.current++;
    inFlight.current = new Set();
    loaded.current = new Map();
    loadPage(0);
  }, [loadPage]);

  useEffect(() => {
    reload();
  }, [reload]);

  const ensureRows = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++)
        loadPage(page);
    },
    [loadPage],
  );

  const rowAt = useCallback(
    (index: number): ClientRow | undefined =>
      state.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [state.pages],
  );

  return { total: state.total, rowAt, ensureRows, reload };
}
