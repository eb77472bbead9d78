import { choiceCodes, YES_NO } from '../../../../shared/questionnaire/answers';
import type { FormField, PrintJob, PrintSheet } from '../../../../shared/questionnaire/model';
import type { QuestionnaireLanguage } from '../../../../shared/questionnaire/reference';

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
 * The compact worksheet: field numbers, the labels in the form's language, the values as the
 * embassy reads them, one A4 sheet (or more) per person.
 */
export function WorksheetSheet({ job, sheet }: { job: PrintJob; sheet: PrintSheet }) {
  const language = job.country.language;
  const answers = new Map(sheet.answers.map((a) => [a.fieldKey, a]));
  return (
    <>
      <header className="print-header">
        <div className="print-title">{job.form.name[language] || job.form.name.en}</div>
        <div className="print-person">{sheet.fullNameLat || sheet.header}</div>
      </header>
      <table className="print-table">
        <tbody>
          {job.form.fields.map((field) => {
            const answer = answers.get(field.key);
            const choice = field.type === 'choice' || field.type === 'multichoice' || field.type === 'yesno';
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
    </>
  );
}
