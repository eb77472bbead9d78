import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DictionaryRow } from '../../../shared/questionnaire/model';
import { call } from '../api/client';
import { DictionaryEntryDialog } from '../questionnaire/DictionaryEntryDialog';
import { describeErrorDetail } from '../ui/errors';
import { useToast } from '../ui/toasts';
import { BookFileButtons } from './BookFileButtons';

const PAGE = 200;

/** R15: the RU/EN/FR dictionary: search, edit in place, add, delete with undo, import and export. */
export function DictionaryBook() {
  const { t } = useTranslation();
  const toast = useToast();
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<DictionaryRow[]>([]);
  const [total, setTotal] = useState(0);
  const [adding, setAdding] = useState(false);
  const request = useRef(0);
  const fail = useCallback(
    (e: unknown) => toast({ kind: 'error', message: describeErrorDetail(t, e) }),
    [t, toast],
  );

  // The next page follows the previous one's cursor; the words are counted once per search.
  const next = useRef<string | null>(null);
  const load = useCallback(
    (offset = 0) => {
      const mine = ++request.current;
      const after = offset === 0 ? null : next.current;
      call('dictionary.list', { search, limit: PAGE, offset, after, count: offset === 0 }).then((page) => {
        if (mine !== request.current) return;
        next.current = page.next;
        if (page.total !== null) setTotal(page.total);
        setRows((list) => (offset === 0 ? page.rows : [...list, ...page.rows]));
      }, fail);
    },
    [search, fail],
  );
  useEffect(() => {
    const timer = window.setTimeout(() => load(0), 150);
    return () => window.clearTimeout(timer);
  }, [load]);

  const update = (row: DictionaryRow, patch: Partial<DictionaryRow>) => {
    if (Object.entries(patch).every(([k, v]) => row[k as keyof DictionaryRow] === v)) return;
    call('dictionary.save', { ...row, ...patch }).then(
      (saved) => setRows((list) => list.map((r) => (r.id === saved.id ? saved : r))),
      fail,
    );
  };

  const remove = (row: DictionaryRow) => {
    call('dictionary.delete', { id: row.id }).then(({ undoId }) => {
      setRows((list) => list.filter((r) => r.id !== row.id));
      setTotal((n) => n - 1);
      toast({
        kind: 'info',
        message: t('dictionary.deleted', { word: row.ru }),
        action: {
          label: t('dictionary.undo'),
          // The undo journal brings the same row back (same id), or refuses if the word was added anew.
          run: () =>
            call('undo.apply', { id: undoId }).then(() => {
              toast({ kind: 'info', message: t('dictionary.restored', { word: row.ru }) });
              load(0);
            }, fail),
        },
      });
    }, fail);
  };

  return (
    <div className="book">
      <div className="toolbar">
        <input
          type="search"
          className="search-input"
          placeholder={t('dictionary.search')}
          aria-label={t('dictionary.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <span className="muted">{t('dictionary.count', { count: total })}</span>
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          {t('dictionary.add')}
        </button>
        <BookFileButtons
          exportFile={(format) => call('dictionary.exportBook', { format })}
          importFile={(file) =>
            call('dictionary.importBook', file).then((r) => {
              load(0);
              return t('dictionary.imported', r);
            })
          }
        />
      </div>
      <div className="book-table-wrap">
        <table className="table book-table" aria-label={t('dictionary.title')}>
          <thead>
            <tr>
              <th>{t('dictionary.ru')}</th>
              <th>{t('dictionary.en')}</th>
              <th>{t('dictionary.fr')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.id}-${row.version}`}>
                {(['ru', 'en', 'fr'] as const).map((lang) => (
                  <td key={lang}>
                    <input
                      className="cell-input"
                      lang={lang}
                      aria-label={`${row.ru} ${t(`dictionary.${lang}`)}`}
                      defaultValue={row[lang]}
                      onBlur={(e) => update(row, { [lang]: e.target.value.trim() })}
                    />
                  </td>
                ))}
                <td>
                  <button type="button" className="danger-link" onClick={() => remove(row)}>
                    {t('dictionary.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length < total && (
          <button type="button" className="link-button" onClick={() => load(rows.length)}>
            {t('dictionary.more', { count: total - rows.length })}
          </button>
        )}
      </div>
      {adding && (
        <DictionaryEntryDialog
          entry={{ ru: search.trim() }}
          onClose={() => setAdding(false)}
          onSaved={(row) => {
            setAdding(false);
            toast({ kind: 'info', message: t('dictionary.added', { word: row.ru }) });
            load(0);
          }}
        />
      )}
    </div>
  );
}
