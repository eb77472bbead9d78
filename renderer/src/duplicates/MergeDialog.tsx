import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../shared/domain/client';
import type { MergeOption, MergePreview } from '../../../shared/domain/duplicates';
import { formatDate } from '../../../shared/domain/dates';
import { call } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { useToast } from '../ui/toasts';

interface MergeDialogProps {
  keepId: number;
  mergeId: number;
  onClose: () => void;
  /** After a merge, and after it was undone from the message. */
  onChanged: () => void;
}

const DATE_FIELDS = new Set(['birthDate']);

function shown(value: string | null, field: string, empty: string): string {
  if (value === null || value === '') return empty;
  return DATE_FIELDS.has(field) ? formatDate(value) : value;
}

/**
 * Two cards side by side, each field a choice between them (the newest non-empty value and the
 * newest passport's Latin chosen already); merging keeps the left card and can be undone.
 */
export function MergeDialog({ keepId, mergeId, onClose, onChanged }: MergeDialogProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const [ids, setIds] = useState({ keep: keepId, merge: mergeId });
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setPreview(null);
    call('duplicates.mergePreview', { keepId: ids.keep, mergeId: ids.merge }).then(
      (p) => {
        setPreview(p);
        setChosen(Object.fromEntries(p.fields.map((f) => [f.field, f.chosen])));
      },
      (e: unknown) => setError(describeError(t, e)),
    );
  }, [ids, t]);

  const label = (c: Client) =>
    [c.lastNameRu, c.firstNameRu, c.middleNameRu].filter(Boolean).join(' ') ||
    [c.lastNameLat, c.firstNameLat].filter(Boolean).join(' ');

  const optionOf = (source: MergeOption['source'], options: MergeOption[]) =>
    options.findIndex((o) => o.source === source);

  const merge = () => {
    if (!preview) return;
    setBusy(true);
    const values = Object.fromEntries(
      preview.fields.map((f) => [f.field, f.options[chosen[f.field] ?? f.chosen]?.value ?? null]),
    );
    call('duplicates.merge', {
      keepId: preview.keep.id,
      keepVersion: preview.keep.version,
      mergeId: preview.merge.id,
      mergeVersion: preview.merge.version,
      values,
    }).then(
      ({ client, undoId }) => {
        toast({
          kind: 'info',
          message: t('duplicates.merged', { name: label(client) }),
          action: {
            label: t('duplicates.undo'),
            run: () =>
              void call('undo.apply', { id: undoId }).then(
                () => {
                  toast({ kind: 'info', message: t('duplicates.undone') });
                  onChanged();
                },
                (e: unknown) => toast({ kind: 'error', message: describeError(t, e) }),
              ),
          },
        });
        onChanged();
        onClose();
      },
      (e: unknown) => {
        setBusy(false);
        setError(describeError(t, e));
      },
    );
  };

  return (
    <Dialog
      title={t('duplicates.mergeTitle')}
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" onClick={() => setIds({ keep: ids.merge, merge: ids.keep })} disabled={busy}>
            {t('duplicates.swap')}
          </button>
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            {t('duplicates.cancel')}
          </button>
          <button type="button" className="primary" onClick={merge} disabled={!preview || busy}>
            {t('duplicates.doMerge')}
          </button>
        </>
      }
    >
      {error && <p className="error-text">{error}</p>}
      {!preview && !error && <p className="muted">{t('app.loading')}</p>}
      {preview && (
        <>
          <table className="table merge-table" aria-label={t('duplicates.mergeTitle')}>
            <thead>
              <tr>
                <th>{t('duplicates.field')}</th>
                <th>
                  {t('duplicates.keep')}: {label(preview.keep)}
                </th>
                <th>
                  {t('duplicates.joins')}: {label(preview.merge)}
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.fields.map((f) => {
                const keepIndex = optionOf('keep', f.options);
                const mergeIndex = optionOf('merge', f.options);
                const passportIndex = optionOf('passport', f.options);
                const current = chosen[f.field] ?? f.chosen;
                const choice = (index: number, value: string | null) => (
                  <label className="merge-choice">
                    <input
                      type="radio"
                      name={`merge-${f.field}`}
                      checked={current === index}
                      onChange={() => setChosen((c) => ({ ...c, [f.field]: index }))}
                    />
                    <span>{shown(value, f.field, t('duplicates.empty'))}</span>
                  </label>
                );
                return (
                  <tr key={f.field} data-field={f.field}>
                    <th scope="row">{t(`duplicates.fields.${f.field}`)}</th>
                    <td colSpan={mergeIndex < 0 ? 2 : 1}>
                      {mergeIndex < 0 && passportIndex < 0
                        ? shown(f.options[keepIndex]?.value ?? null, f.field, t('duplicates.empty'))
                        : choice(keepIndex, f.options[keepIndex]?.value ?? null)}
                      {passportIndex >= 0 && mergeIndex < 0 && (
                        <div>
                          {choice(passportIndex, f.options[passportIndex]?.value ?? null)}{' '}
                          <span className="muted">{t('duplicates.fromPassport')}</span>
                        </div>
                      )}
                    </td>
                    {mergeIndex >= 0 && (
                      <td>
                        {choice(mergeIndex, f.options[mergeIndex]?.value ?? null)}
                        {passportIndex >= 0 && (
                          <div>
                            {choice(passportIndex, f.options[passportIndex]?.value ?? null)}{' '}
                            <span className="muted">{t('duplicates.fromPassport')}</span>
                          </div>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p>
            {t('duplicates.documentsNote', { documents: preview.documents, folded: preview.foldedDocuments })}
          </p>
          {preview.sharedTours.length > 0 && (
            <p className="banner banner-info" role="note">
              {t('duplicates.sharedTours', {
                vouchers: preview.sharedTours.map((s) => s.voucher).join(', '),
              })}
            </p>
          )}
          <p className="muted">{t('duplicates.moves')}</p>
        </>
      )}
    </Dialog>
  );
}
