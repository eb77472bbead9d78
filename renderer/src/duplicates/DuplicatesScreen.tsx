import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../shared/domain/duplicates';
import { formatDate } from '../../../shared/domain/dates';
import { call } from '../api/client';
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

/** Cards likely to be one person, strongest first: merge them, or say they are different people. */
export function DuplicatesScreen() {
  const { t } = useTranslation();
  const toast = useToast();
  const [result, setResult] = useState<{ total: number; candidates: DuplicateCandidate[] } | null>(null);
  const [merging, setMerging] = useState<DuplicateCandidate | null>(null);
  const fail = useCallback(
    (e: unknown) => toast({ kind: 'error', message: describeError(t, e) }),
    [t, toast],
  );
  const scan = useCallback(() => {
    setResult(null);
    call('duplicates.scan', { limit: 500 }).then(setResult, fail);
  }, [fail]);
  useEffect(() => scan(), [scan]);

  const dismiss = (c: DuplicateCandidate) =>
    call('duplicates.dismiss', { a: c.a.id, b: c.b.id }).then(() => {
      toast({
        kind: 'info',
        message: t('duplicates.dismissed', { a: c.a.name || c.a.nameLat, b: c.b.name || c.b.nameLat }),
      });
      setResult((r) => r && { total: r.total - 1, candidates: r.candidates.filter((x) => x !== c) });
    }, fail);

  return (
    <section className="screen" aria-label={t('duplicates.title')} data-testid="duplicates-screen">
      <div className="toolbar">
        <h2>{t('duplicates.title')}</h2>
        {result && <span className="muted">{t('duplicates.total', { count: result.total })}</span>}
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
          <tbody>
            {result.candidates.map((c) => (
              <tr key={`${c.a.id}-${c.b.id}`} data-testid="duplicate-pair">
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
