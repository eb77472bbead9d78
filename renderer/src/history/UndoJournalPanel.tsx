import { useCallback, useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CommandOutput } from '../../../shared/api/contract';
import { call } from '../api/client';
import { describeError } from '../ui/errors';
import { useToast } from '../ui/toasts';

type Entry = CommandOutput<'undo.list'>[number];

function describeEntry(t: TFunction, entry: Entry): string {
  const voucher = entry.summary.voucher;
  const where = voucher ? t('journal.intoTour', { voucher }) : t('journal.intoBase');
  return t(`journal.kinds.${entry.kind}`, { ...entry.summary, where });
}

/** Issue 12 item 4: recent undoable actions, each undoable here after its message is gone. */
export function UndoJournalPanel() {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const fail = useCallback(
    (e: unknown) => toast({ kind: 'error', message: describeError(t, e) }),
    [t, toast],
  );
  const reload = useCallback(() => call('undo.list', { limit: 100 }).then(setEntries, fail), [fail]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const undo = (entry: Entry) =>
    call('undo.apply', { id: entry.id }).then(() => {
      toast({ kind: 'info', message: t('journal.undone', { what: describeEntry(t, entry) }) });
      void reload();
    }, fail);

  if (entries === null) return <p className="muted">{t('app.loading')}</p>;
  if (entries.length === 0) return <p className="muted">{t('journal.none')}</p>;
  return (
    <table className="table book-table" aria-label={t('journal.title')}>
      <thead>
        <tr>
          <th>{t('journal.when')}</th>
          <th>{t('journal.who')}</th>
          <th>{t('journal.what')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id} data-testid={`journal-${entry.id}`}>
            <td>
              {new Date(entry.at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}
            </td>
            <td>{entry.clerk}</td>
            <td>{describeEntry(t, entry)}</td>
            <td>
              {entry.undoneAt ? (
                <span className="muted">{t('journal.wasUndone')}</span>
              ) : (
                <button type="button" onClick={() => void undo(entry)}>
                  {t('journal.undo')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
