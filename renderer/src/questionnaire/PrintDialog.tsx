import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintTarget } from '../../../shared/api/transport';
import type { PrintJob, Subject } from '../../../shared/questionnaire/model';
import { call, runningInElectron } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { useToast } from '../ui/toasts';
import { ConsulateForms } from './ConsulateForms';
import { OnlineSheet } from './forms/OnlineSheet';
import { PrintSheets, type PrintMode } from './PrintSheets';
import { uiLabel } from './ui-label';

interface PrintDialogProps {
  current: Subject;
  everyone: readonly Subject[];
  country: string;
  /** Proposed PDF file name: the tour's voucher and the country. */
  fileName: string;
  onClose: () => void;
}

/** Prints the shell's way: Electron writes a PDF or prints; browser mode opens the browser's print. */
async function printPage(target: PrintTarget, fileName: string): Promise<string | null> {
  if (window.api) {
    const result = await window.api.print(target, fileName);
    return result.done ? (result.path ?? '') : null;
  }
  window.print();
  return '';
}

/** R14: one tourist or the whole tour, with the empty required fields listed first. */
export function PrintDialog({ current, everyone, country, fileName, onClose }: PrintDialogProps) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const [scope, setScope] = useState<'one' | 'all'>(everyone.length > 1 ? 'all' : 'one');
  const [job, setJob] = useState<PrintJob | null>(null);
  const [busy, setBusy] = useState(false);
  const [chosenMode, setMode] = useState<PrintMode | null>(null);
  // A country that applies online gets the online worksheet first; a form without an official
  // layout prints as the worksheet.
  const mode: PrintMode =
    chosenMode ??
    (job?.country.appliesOnline ? 'online' : job?.form.layout === 'worksheet' ? 'worksheet' : 'official');

  useEffect(() => {
    setJob(null);
    setBusy(true);
    call('questionnaire.print', { subjects: scope === 'all' ? [...everyone] : [current], country }).then(
      (result) => {
        setBusy(false);
        setJob(result);
      },
      (e: unknown) => {
        setBusy(false);
        toast({ kind: 'error', message: describeError(t, e) });
      },
    );
  }, [scope, current, everyone, country, t, toast]);

  useEffect(() => {
    document.body.classList.add('printing');
    return () => document.body.classList.remove('printing');
  }, []);

  const print = (target: PrintTarget) => {
    void printPage(target, fileName).then(
      (path) => {
        if (path) toast({ kind: 'info', message: t('questionnaire.print.saved', { path }) });
      },
      (e: unknown) => toast({ kind: 'error', message: describeError(t, e) }),
    );
  };

  const incomplete = job?.sheets.filter((s) => s.missing.length > 0) ?? [];
  const untranslated = job?.sheets.filter((s) => s.untranslated.length > 0) ?? [];
  const missingLabel = (missing: { key: string; label: string }) => {
    const field = job?.form.fields.find((f) => f.key === missing.key);
    return field ? uiLabel(field.label, i18n.language) : missing.label;
  };
  return (
    <Dialog
      title={t('questionnaire.print.title')}
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('questionnaire.print.close')}
          </button>
          <button type="button" disabled={!job || busy} onClick={() => print('printer')}>
            {t('questionnaire.print.toPrinter')}
          </button>
          <button type="button" className="primary" disabled={!job || busy} onClick={() => print('pdf')}>
            {runningInElectron ? t('questionnaire.print.toPdf') : t('questionnaire.print.toPdfBrowser')}
          </button>
        </>
      }
    >
      {everyone.length > 1 && (
        <fieldset className="choice-list inline">
          <label className="checkbox">
            <input type="radio" checked={scope === 'one'} onChange={() => setScope('one')} />
            {t('questionnaire.print.one')}
          </label>
          <label className="checkbox">
            <input type="radio" checked={scope === 'all'} onChange={() => setScope('all')} />
            {t('questionnaire.print.all', { count: everyone.length })}
          </label>
        </fieldset>
      )}
      {busy && <p className="muted">{t('questionnaire.print.preparing')}</p>}
      {job && incomplete.length === 0 && (
        <p className="ok-note">{t('questionnaire.print.complete', { count: job.sheets.length })}</p>
      )}
      {incomplete.length > 0 && (
        <div role="region" aria-label={t('questionnaire.print.missingTitle')}>
          <p className="hint-warning">
            {t('questionnaire.print.missingIntro', {
              count: incomplete.length,
              total: job?.sheets.length ?? 0,
            })}
          </p>
          <ul className="missing-list">
            {incomplete.map((sheet) => (
              <li key={`${sheet.subject.kind}-${sheet.subject.id}`}>
                <strong>{sheet.header}</strong>:{' '}
                {sheet.missing.map((m) => [m.number, missingLabel(m)].filter(Boolean).join(' ')).join('; ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {job && (
        <fieldset className="choice-list inline" aria-label={t('questionnaire.print.layout')}>
          <legend>{t('questionnaire.print.layout')}</legend>
          {(['official', 'worksheet', 'online'] as const)
            .filter((m) => m !== 'official' || job.form.layout !== 'worksheet')
            .map((m) => (
              <label key={m} className="checkbox">
                <input type="radio" name="print-mode" checked={mode === m} onChange={() => setMode(m)} />
                {t(`questionnaire.print.${m}`)}
              </label>
            ))}
        </fieldset>
      )}
      {untranslated.length > 0 && (
        <div role="region" aria-label={t('questionnaire.print.untranslatedTitle')}>
          <p className="hint-warning">
            {t('questionnaire.print.untranslatedIntro', {
              count: untranslated.reduce((n, s) => n + s.untranslated.length, 0),
            })}
          </p>
          <ul className="missing-list">
            {untranslated.map((sheet) => (
              <li key={`${sheet.subject.kind}-${sheet.subject.id}`}>
                <strong>{sheet.header}</strong>:{' '}
                {sheet.untranslated
                  .map(
                    (u) => `${[u.number, missingLabel(u)].filter(Boolean).join(' ')} (${u.words.join(', ')})`,
                  )
                  .join('; ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {job && mode === 'online' && (
        <div className="online-sheets">
          {job.sheets.map((sheet) => (
            <OnlineSheet
              key={`${sheet.subject.kind}-${sheet.subject.id}`}
              job={job}
              sheet={sheet}
              interactive
            />
          ))}
        </div>
      )}
      {job && (
        <ConsulateForms
          country={country}
          subjects={job.sheets.map((s) => s.subject)}
          fields={job.form.fields}
        />
      )}
      {job && <PrintSheets job={job} mode={mode} />}
    </Dialog>
  );
}
