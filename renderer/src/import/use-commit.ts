import { useRef, useState, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tour } from '../../../shared/domain/tour';
import type { ImportPreview } from '../../../shared/import';
import { ApiCallError, call } from '../api/client';
import { withIdempotencyKey, type Attempt } from '../api/idempotency';
import { describeError } from '../ui/errors';
import { useToast } from '../ui/toasts';
import { refusedRow } from './import-errors';
import { choiceOf, issueCounts, type ScreenAction, type ScreenState } from './import-reducer';
import { manualMappings } from './import-state';
import { saveRemembered } from './mapping-settings';

interface CommitOptions {
  tour: Tour | null;
  screen: ScreenState;
  current: ImportPreview | null;
  serviceIds: number[];
  dispatch: Dispatch<ScreenAction>;
  setMessage: (message: string | null) => void;
  fail: (error: unknown) => void;
  onCommitted: () => void;
  onClose: () => void;
}

/**
 * Loads the rows in one go, remembers the clerk's hand mappings for the header layout, and offers
 * the undo of the whole import; a refused row is shown at the grid row the clerk sees.
 */
export function useCommit(options: CommitOptions) {
  const { tour, screen, current, serviceIds, dispatch, setMessage, fail, onCommitted, onClose } = options;
  const { t } = useTranslation();
  const toast = useToast();
  const [committing, setCommitting] = useState(false);
  // Load pressed again on the same rows after a lost reply reuses the key: nothing is loaded twice.
  const lastAttempt = useRef<Attempt | null>(null);

  const undoImport = (batchId: number) =>
    call('import.undo', { batchId }).then((u) => {
      toast({
        kind: 'info',
        message: t('import.undone', { tourists: u.touristsRemoved, clients: u.clientsRemoved }),
      });
      onCommitted();
    }, fail);

  const rememberMappings = () => {
    const doc = screen.doc;
    const headers = doc?.headers ?? undefined;
    if (!doc || !headers) return;
    saveRemembered(headers, manualMappings(doc)).catch((e: unknown) =>
      toast({ kind: 'error', message: t('import.mappingNotSaved', { reason: describeError(t, e) }) }),
    );
  };

  const commit = async () => {
    const rows = current?.rows ?? [];
    if (!screen.doc || issueCounts(rows).errors > 0) {
      setMessage(t('import.commitBlocked'));
      return;
    }
    setCommitting(true);
    try {
      const result = await call(
        'import.commit',
        withIdempotencyKey(lastAttempt, {
          tourId: tour?.id ?? null,
          serviceIds: tour ? serviceIds : [],
          rows: rows.map((r) => ({
            draft: r.draft,
            sourceRow: r.sourceIndex + 1,
            ...choiceOf(screen, r.key, tour !== null),
          })),
        }),
      );
      lastAttempt.current = null;
      toast({
        kind: 'info',
        message: [
          t('import.committed', {
            tourists: result.touristsAdded,
            clients: result.clientsCreated,
            passports: result.passportsAdded,
          }),
          // Rows whose client is in the tour already were not written (issue 13).
          result.skipped.length > 0
            ? t('duplicates.importSkipped', { rows: result.skipped.map((s) => s.row).join(', ') })
            : '',
        ]
          .filter(Boolean)
          .join(' '),
        action: { label: t('import.undoImport'), run: () => void undoImport(result.batchId) },
      });
      rememberMappings();
      onCommitted();
      onClose();
    } catch (e) {
      const refused =
        e instanceof ApiCallError
          ? refusedRow(
              e.error,
              rows.map((r) => r.key),
            )
          : null;
      if (refused) {
        dispatch({ type: 'commitRefused', refused });
        const message = t(`validation.${refused.issue.code}`, refused.issue.params ?? {});
        const label = rows.find((r) => r.key === refused.sourceIndex)?.label ?? '';
        setMessage(t('import.rowError', { row: label, message }));
      } else fail(e);
    } finally {
      setCommitting(false);
    }
  };

  return { commit, committing };
}
