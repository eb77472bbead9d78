import { useEffect, useState } from 'react';
import { TourPager, type LoadedTours, type TourQuery } from './tour-pager';

export { TOUR_PAGE_SIZE, type TourPage, type TourQuery } from './tour-pager';

/** The tours list's pages for a screen: see TourPager (keyset pages, far ones dropped and read again). */
export function useTourPages(onError: (error: unknown) => void) {
  const [loaded, setLoaded] = useState<LoadedTours>({ pages: null, total: 0 });
  // One pager and one set of actions for the screen's life: the actions keep their identity.
  const [{ pager, actions }] = useState(() => {
    const made = new TourPager(setLoaded);
    return {
      pager: made,
      actions: {
        load: (query: TourQuery) => made.load(query),
        refresh: () => void made.refresh(),
        loadMore: () => made.loadMore(),
        ensureRows: (first: number, last: number) => made.ensureRows(first, last),
      },
    };
  });
  useEffect(() => {
    pager.setOnError(onError);
  }, [pager, onError]);
  return { pages: loaded.pages, total: loaded.total, ...actions };
}
