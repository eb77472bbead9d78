import { useEffect, useMemo, useRef, type Dispatch } from 'react';
import type { PreviewRow } from '../../../shared/import';
import { call } from '../api/client';
import type { ScreenAction } from './import-reducer';

const SETTLE_MS = 300;

/**
 * Matches the drafts against the base once they settle. Every change of the drafts is a new
 * request with a new id, announced at once: a reply to an earlier one (about drafts that no longer
 * exist, or slower than a later one) is dropped by the reducer.
 */
export function useMatching(
  rows: readonly PreviewRow[],
  generation: number,
  dispatch: Dispatch<ScreenAction>,
  fail: (e: unknown) => void,
  /** The tour the list goes into: a client who is in it already is flagged (issue 13). */
  tourId: number | null = null,
) {
  const lastRequest = useRef(0);
  const draftsKey = useMemo(() => JSON.stringify(rows.map((r) => [r.key, r.draft])), [rows]);
  useEffect(() => {
    if (rows.length === 0) return;
    const requestId = ++lastRequest.current;
    dispatch({ type: 'matchRequested', requestId });
    const timer = window.setTimeout(() => {
      call('import.match', { drafts: rows.map((r) => r.draft), tourId }).then(
        (matches) => dispatch({ type: 'matchReplied', requestId, rows: rows.map((r) => r.key), matches }),
        (e: unknown) => {
          if (requestId === lastRequest.current) fail(e);
        },
      );
    }, SETTLE_MS);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- draftsKey stands for rows
  }, [draftsKey, generation, dispatch, fail, tourId]);
}
