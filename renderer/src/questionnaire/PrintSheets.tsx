import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import { createPortal } from 'react-dom';
import { choiceCodes, YES_NO } from '../../../shared/questionnaire/answers';
import type { FormField, PrintJob } from '../../../shared/questionnaire/model';
import type { QuestionnaireLanguage } from '../../../shared/questionnaire/reference';

const SIGNATURE: Record<QuestionnaireLanguage, string> = {
  ru: 'Подпись',
  en: 'Signature',
  fr: 'Signature',
};

function Choices({
  field,
  source,
  language,
}: {
  field: FormField;
  source: string;
  language: QuestionnaireLanguage;
}) {
  const codes = choiceCodes(source);
  const options =
    field.type === 'yesno'
      ? (['no', 'yes'] as const).map((code) => ({ code, label: YES_NO[code][language] }))
      : field.options.map((o) => ({ code: o.code, label: o.label[language] || o.label.en }));
  return (
    <span className="print-choices">
      {options.map((o) => (
        <span key={o.code} className="print-choice">
          <span className="print-box">{codes.includes(o.code) ? 'X' : '\u00a0'}</span> {o.label}
        </span>
      ))}
    </span>
  );
}

/**
 * R14: the questionnaires as printed, one A4 sheet (or more) per person: field numbers, the labels
 * in the form's language, the values as the embassy reads them. Rendered outside the app's root and
 * shown only by the print stylesheet.
 */
export function PrintSheets({ job }: { job: PrintJob }) {
  const language = job.country.language;
  return createPortal(
    <div id="print-root" lang={language}>
      {job.sheets.map((sheet) => {
        const answers = new Map(sheet.answers.map((a) => [a.fieldKey, a]));
        return (
          <section key={`${sheet.subject.kind}-${sheet.subject.id}`} className="print-sheet">
            <header className="print-header">
              <div className="print-title">{job.form.name[language] || job.form.name.en}</div>
              <div className="print-person">{sheet.fullNameLat || sheet.header}</div>
            </header>
            <table className="print-table">
              <tbody>
                {job.form.fields.map((field) => {
                  const answer = answers.get(field.key);
                  const choice =
                    field.type === 'choice' || field.type === 'multichoice' || field.type === 'yesno';
                  return (
                    <tr key={field.key}>
                      <td className="print-num">{field.number}</td>
                      <td className="print-label">{field.label[language] || field.label.en}</td>
                      <td className="print-value">
                        {choice ? (
                          <Choices field={field} source={answer?.source ?? ''} language={language} />
                        ) : (
                          answer?.value
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <footer className="print-signature">{SIGNATURE[language]}: ______________________</footer>
          </section>
        );
      })}
    </div>,
    document.body,
  );
}
