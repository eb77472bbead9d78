import { useTranslation } from 'react-i18next';
import type { FormField, PrintJob, PrintSheet } from '../../../../shared/questionnaire/model';
import { onlineOrder } from '../../../../shared/questionnaire/online-order';
import { useToast } from '../../ui/toasts';

/** Only what the clerk types into the online form: fields with a value, in the portal's order where known. */
function rows(job: PrintJob, sheet: PrintSheet, fields: readonly FormField[]) {
  const language = job.country.language;
  const answers = new Map(sheet.answers.map((a) => [a.fieldKey, a]));
  return fields
    .map((field) => ({
      field,
      label: field.label[language] || field.label.en,
      value: answers.get(field.key)?.value.trim() ?? '',
    }))
    .filter((r) => r.value !== '');
}

/**
 * The online-form worksheet (France-Visas, VIDEX, visaonweb, the Swiss portal): each answer as the
 * clerk types it, with a copy button on screen; printed, the same list without the buttons.
 */
export function OnlineSheet({
  job,
  sheet,
  interactive,
}: {
  job: PrintJob;
  sheet: PrintSheet;
  interactive: boolean;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const { fields, portal } = onlineOrder(job.country.code, job.form.fields);
  const copy = (value: string) =>
    void navigator.clipboard.writeText(value).then(
      () => toast({ kind: 'info', message: t('questionnaire.print.copied', { value }) }),
      () => undefined,
    );
  return (
    <div className="online-sheet">
      <header className="print-header">
        <div className="print-title">{job.form.name[job.country.language] || job.form.name.en}</div>
        <div className="print-person">{sheet.fullNameLat || sheet.header}</div>
      </header>
      {/* Where no portal's screen order is on record (docs/forms/wording.md), the sheet says whose it keeps. */}
      <p className="online-order-note">
        {portal
          ? t('questionnaire.print.onlinePortalOrder', { portal })
          : t('questionnaire.print.onlineOrder')}
      </p>
      <table className="print-table online-table">
        <tbody>
          {rows(job, sheet, fields).map(({ field, label, value }) => (
            <tr key={field.key}>
              <td className="print-num">{field.number}</td>
              <td className="print-label">{label}</td>
              <td className="print-value">{value}</td>
              {interactive && (
                <td>
                  <button
                    type="button"
                    aria-label={`${t('questionnaire.print.copyValue')}: ${label}`}
                    onClick={() => copy(value)}
                  >
                    {t('questionnaire.print.copyValue')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
