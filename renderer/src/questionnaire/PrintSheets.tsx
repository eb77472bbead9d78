import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import './forms/forms.css';
import { createPortal } from 'react-dom';
import type { PrintJob, PrintSheet } from '../../../shared/questionnaire/model';
import { JapanForm } from './forms/JapanForm';
import { OnlineSheet } from './forms/OnlineSheet';
import { SchengenForm } from './forms/SchengenForm';
import { WorksheetSheet } from './forms/WorksheetSheet';

/** What is printed: the official form's layout, the compact worksheet, or the online-form worksheet. */
export type PrintMode = 'official' | 'worksheet' | 'online';

function Sheet({ job, sheet, mode }: { job: PrintJob; sheet: PrintSheet; mode: PrintMode }) {
  if (mode === 'online') return <OnlineSheet job={job} sheet={sheet} interactive={false} />;
  if (mode === 'official') {
    switch (job.form.layout) {
      case 'schengen_2019':
        return <SchengenForm job={job} sheet={sheet} version="2019" />;
      case 'schengen_2023':
        return <SchengenForm job={job} sheet={sheet} version="2023" />;
      case 'japan':
        return <JapanForm job={job} sheet={sheet} />;
      case 'worksheet':
        break;
    }
  }
  return <WorksheetSheet job={job} sheet={sheet} />;
}

/**
 * R14: the questionnaires as printed, one form (or worksheet) per person. Rendered outside the
 * app's root and shown only by the print stylesheet.
 */
export function PrintSheets({ job, mode }: { job: PrintJob; mode: PrintMode }) {
  const language = job.country.language;
  return createPortal(
    <div id="print-root" lang={language}>
      {job.sheets.map((sheet) => (
        <section key={`${sheet.subject.kind}-${sheet.subject.id}`} className={`print-sheet print-${mode}`}>
          <Sheet job={job} sheet={sheet} mode={mode} />
        </section>
      ))}
    </div>,
    document.body,
  );
}
