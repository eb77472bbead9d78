import type { FormField, PrintJob, PrintSheet } from '../../../../shared/questionnaire/model';
import { Page } from './parts';
import { sheetValues, type SheetValues } from './sheet-values';
import { Tick } from './Wording';

/** Items on the first page of the Ministry of Foreign Affairs form; the rest go on the second. */
const FIRST_PAGE_LAST_KEY = 'hotel_address';
const APPLICATION_DATE_KEY = 'application_date';

const DECLARATION =
  'I hereby declare that the statement given above is true and correct. I understand that immigration status and period of stay to be granted are decided by the Japanese immigration authorities upon my arrival. I understand that possession of a visa does not entitle the bearer to enter Japan upon arrival at port of entry if he or she is found inadmissible.';

/** Fields sharing a number are one item of the form (place of birth: city, state, country). */
function groups(fields: readonly FormField[]): FormField[][] {
  const out: FormField[][] = [];
  for (const field of fields) {
    const last = out.at(-1);
    if (last && field.number !== '' && last[0]!.number === field.number) last.push(field);
    else out.push([field]);
  }
  return out;
}

/** The common start of a group's labels ("Place of birth: City", "Place of birth: Country" -> "Place of birth"). */
function groupTitle(group: readonly FormField[]): string | null {
  const heads = group.map((f) => f.label.en.split(':')[0]!.trim());
  return group.length > 1 && heads.every((h) => h === heads[0]) && group[0]!.label.en.includes(':')
    ? heads[0]!
    : null;
}

function Item({ field, values, titled }: { field: FormField; values: SheetValues; titled: boolean }) {
  const label = titled ? field.label.en.split(':').slice(1).join(':').trim() : field.label.en;
  const value = values.value(field.key);
  const body =
    field.type === 'choice' ? (
      <span className="form-options">
        {field.options.map((o) => (
          <span key={o.code} className="form-option">
            {o.label.en} <Tick on={values.ticked(field.key, o.code)} />
          </span>
        ))}
      </span>
    ) : field.type === 'yesno' ? (
      <span className="form-options">
        <span className="form-option">
          Yes <Tick on={values.ticked(field.key, 'yes')} />
        </span>
        <span className="form-option">
          No <Tick on={values.ticked(field.key, 'no')} />
        </span>
      </span>
    ) : (
      // The Ministry asks for N/A in the items that do not apply.
      <b className="form-value-inline">{value !== '' ? value : field.required ? '' : 'N/A'}</b>
    );
  return (
    <div className="form-japan-item">
      <span className="form-label">{label}</span> {body}
    </div>
  );
}

function Groups({ list, values }: { list: readonly FormField[][]; values: SheetValues }) {
  return (
    <>
      {list.map((group) => {
        const title = groupTitle(group);
        return (
          <div key={group[0]!.key} className="form-field">
            {title && <div className="form-label">{title}:</div>}
            <div className={group.length > 1 ? 'form-japan-row' : undefined}>
              {group.map((f) => (
                <Item key={f.key} field={f} values={values} titled={title !== null} />
              ))}
            </div>
          </div>
        );
      })}
    </>
  );
}

/**
 * Japan's visa application form as the Ministry of Foreign Affairs prints it: no item numbers,
 * the photo box, N/A in the items that do not apply, the declaration, date and signature.
 */
export function JapanForm({ job, sheet }: { job: PrintJob; sheet: PrintSheet }) {
  const values = sheetValues(sheet);
  const fields = job.form.fields.filter((f) => f.key !== APPLICATION_DATE_KEY);
  const split = fields.findIndex((f) => f.key === FIRST_PAGE_LAST_KEY) + 1 || Math.ceil(fields.length / 2);
  return (
    <div className="form-japan" lang="en">
      <Page number={1} of={2}>
        <header className="form-head form-head-japan">
          <div className="form-titles">
            <h1 className="form-title">VISA APPLICATION FORM TO ENTER JAPAN</h1>
          </div>
          <div className="form-photo form-photo-japan">
            PHOTO
            <br />
            45mm × 45mm
          </div>
        </header>
        <Groups list={groups(fields.slice(0, split))} values={values} />
      </Page>
      <Page number={2} of={2}>
        <Groups list={groups(fields.slice(split))} values={values} />
        <p className="form-declarations">{DECLARATION}</p>
        <div className="form-boxes">
          <div className="form-field">
            <div className="form-label">Date of application (day/month/year):</div>
            <div className="form-value">{values.value(APPLICATION_DATE_KEY)}</div>
          </div>
          <div className="form-field">
            <div className="form-label">Signature of applicant:</div>
            <div className="form-signature-space" />
          </div>
        </div>
      </Page>
    </div>
  );
}
