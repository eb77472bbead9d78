import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeErrorDetail } from '../ui/errors';
import { downloadBase64, fileToBase64 } from '../ui/files';
import { useToast } from '../ui/toasts';

interface BookFileButtonsProps {
  exportFile: (format: 'xlsx' | 'json') => Promise<{ fileName: string; base64: string }>;
  /** Imports the file and says what changed. */
  importFile: (file: { fileName: string; base64: string }) => Promise<string>;
}

/** Export a reference book to .xlsx or .json, and import one back (all or nothing). */
export function BookFileButtons({ exportFile, importFile }: BookFileButtonsProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const fail = (e: unknown) => toast({ kind: 'error', message: describeErrorDetail(t, e) });
  const run = (work: Promise<void>) => {
    setBusy(true);
    work.catch(fail).finally(() => setBusy(false));
  };
  return (
    <>
      {(['xlsx', 'json'] as const).map((format) => (
        <button
          key={format}
          type="button"
          disabled={busy}
          onClick={() =>
            run(
              exportFile(format).then(({ fileName, base64 }) => {
                downloadBase64(fileName, base64);
                toast({ kind: 'info', message: t('books.exported', { file: fileName }) });
              }),
            )
          }
        >
          {t('books.export', { format: format.toUpperCase() })}
        </button>
      ))}
      <button type="button" disabled={busy} onClick={() => input.current?.click()}>
        {t('books.import')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".xlsx,.json"
        aria-label={t('books.import')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          run(
            fileToBase64(file)
              .then((base64) => importFile({ fileName: file.name, base64 }))
              .then((message) => toast({ kind: 'info', message })),
          );
        }}
      />
    </>
  );
}
