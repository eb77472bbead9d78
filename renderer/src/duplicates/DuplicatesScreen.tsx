import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../shared/domain/duplicates';
import { formatDate } from '../../../shared/domain/dates';
import { call } from '../api/client';
import type { CommandOutput } from '../../../shared/api/contract';
import { describeError } from '../ui/errors';
import { useToast } from '../ui/toasts';
import { MergeDialog } from './MergeDialog';

type Side = DuplicateCandidate['a'];

function SideCell({ side }: { side: Side }) {
  const { t } = useTranslation();
  return (
    <td>
      <div>{side.name || side.nameLat}</div>
      <div className="muted">
        {[
          side.name ? side.nameLat : '',
          side.birthDate ? t('duplicates.born', { date: formatDate(side.birthDate) }) : '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </div>
    </td>
  );
}

/** Pairs fetched per page; "Show more" fetches the next page after the last pair shown. */
const PAGE = 500;

type ScanResult = CommandOutput<'duplicates.scan'>;

/**
 * Cards likely to be one person, strongest first: merge them, or say they are different people.
 * Arrow keys move between pairs, Enter opens the merge of the focused pair.
 */
export function DuplicatesScreen() {
  const { t } = useTranslation();
  const toast = useToast();
  const [result, setResult] = useState<ScanResult | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  /** The pair Tab reaches in the table (one stop for the whole list; arrows move within it). */
  const [focused, setFocused] = useState(0);
  const [merging, setMerging] = useState<DuplicateCandidate | null>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const fail = useCallback(
    (e: unknown) => toast({ kind: 'error', message: describeError(t, e) }),
    [t, toast],
  );
  const scan = useCallback(() => {
    setResult(null);
    call('duplicates.scan', { limit: PAGE }).then(setResult, fail);
  }, [fail]);
  useEffect(() => scan(), [scan]);

  const rowAt = (index: number) =>
    body.current?.querySelectorAll<HTMLTableRowElement>('tr[data-testid="duplicate-pair"]')[index];
  const more = () => {
    if (!result?.next) return;
    const shown = result.candidates.length;
    setLoadingMore(true);
    call('duplicates.scan', { limit: PAGE, after: result.next }).then(
      (page) => {
        setLoadingMore(false);
        setResult((r) => r && { ...page, candidates: [...r.candidates, ...page.candidates] });
        // The first pair of the new page takes the focus, where the reading goes on.
        window.requestAnimationFrame(() => rowAt(shown)?.focus());
      },
      (e: unknown) => {
        setLoadingMore(false);
        fail(e);
      },
    );
  };
  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, index: number, c: DuplicateCandidate) => {
    if (event.target !== event.currentTarget) return;
    const last = (result?.candidates.length ?? 1) - 1;
    const to = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: last }[event.key];
    if (to !== undefined) {
      event.preventDefault();
      rowAt(Math.max(0, Math.min(last, to)))?.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      setMerging(c);
    }
  };

  const dismiss = (c: DuplicateCandidate) =>
    call('duplicates.dismiss', { a: c.a.id, b: c.b.id }).then(() => {
      toast({
        kind: 'info',
        message: t('duplicates.dismissed', { a: c.a.name || c.a.nameLat, b: c.b.name || c.b.nameLat }),
      });
      setResult((r) => r && { ...r, total: r.total - 1, candidates: r.candidates.filter((x) => x !== c) });
    }, fail);

  return (
    <section className="screen" aria-label={t('duplicates.title')} data-testid="duplicates-screen">
      <div className="toolbar">
        <h2>{t('duplicates.title')}</h2>
        {result && <span className="muted">{t('duplicates.total', { count: result.total })}</span>}
        {result && result.candidates.length < result.total && (
          <span className="muted">
            {t('duplicates.shown', { shown: result.candidates.length, total: result.total })}
          </span>
        )}
        <span className="spacer" />
        <button type="button" onClick={scan} disabled={result === null}>
          {t('duplicates.refresh')}
        </button>
      </div>
      {result === null && <p className="muted">{t('duplicates.scanning')}</p>}
      {result && result.candidates.length === 0 && <p className="muted">{t('duplicates.none')}</p>}
      {result && result.candidates.length > 0 && (
        <table className="table duplicates-table" aria-label={t('duplicates.title')}>
          <thead>
            <tr>
              <th className="num">{t('duplicates.score')}</th>
              <th>{t('duplicates.first')}</th>
              <th>{t('duplicates.second')}</th>
              <th>{t('duplicates.why')}</th>
              <th />
            </tr>
          </thead>
          <tbody ref={body}>
            {result.candidates.map((c, index) => (
              <tr
                key={`${c.a.id}-${c.b.id}`}
                data-testid="duplicate-pair"
                tabIndex={index === focused ? 0 : -1}
                onFocus={() => setFocused(index)}
                onKeyDown={(e) => onRowKey(e, index, c)}
              >
                <td className="num">{c.score}</td>
                <SideCell side={c.a} />
                <SideCell side={c.b} />
                <td>{c.reasons.map((r) => t(`duplicates.reasons.${r}`)).join('; ')}</td>
                <td className="actions">
                  <button type="button" onClick={() => setMerging(c)}>
                    {t('duplicates.merge')}
                  </button>
                  <button type="button" onClick={() => void dismiss(c)}>
                    {t('duplicates.dismiss')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result?.next && (
        <p>
          <button type="button" onClick={more} disabled={loadingMore}>
            {loadingMore ? t('duplicates.scanning') : t('duplicates.more')}
          </button>
        </p>
      )}
      {merging && (
        <MergeDialog
          // The card edited last stays by default: its values are the newest.
          keepId={merging.a.updatedAt >= merging.b.updatedAt ? merging.a.id : merging.b.id}
          mergeId={merging.a.updatedAt >= merging.b.updatedAt ? merging.b.id : merging.a.id}
          onClose={() => setMerging(null)}
          onChanged={scan}
        />
      )}
    </section>
  );
}
