import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_KINDS,
  documentInputSchema,
  emptyDocument,
  type DocumentKind,
} from '../../../shared/domain/client';
import { splitRussianPassport } from '../../../shared/domain/passport';
import { CountryPicker } from '../ui/CountryPicker';
import type { CountryNames } from '../ui/country-search';
import { DateTextField } from '../ui/DateField';
import { Field } from '../ui/Field';
import { maxLengthOf } from '../ui/limits';
import { TextField } from '../ui/TextField';
import { newDocumentKey, type DocumentForm } from './client-form';
import { icaoLatin, latinMatchesCyrillic } from './name-proposals';

interface DocumentsEditorProps {
  documents: DocumentForm[];
  citizenship: string;
  /** The client's names: a new passport starts with the client's Latin, and a mismatch is flagged. */
  names: { lastNameRu: string; firstNameRu: string; lastNameLat: string; firstNameLat: string };
  onChange: (documents: DocumentForm[]) => void;
  errorAt: (path: string) => string | undefined;
  countries: readonly CountryNames[];
  /** Tells the card a document's country box holds a text that names no country (by its path). */
  onCountryValidity: (path: string) => (valid: boolean) => void;
}

/** Several documents per client: foreign passports (current and old), internal passport, birth certificate. */
export function DocumentsEditor(props: DocumentsEditorProps) {
  const { documents, citizenship, names, onChange, errorAt, countries, onCountryValidity } = props;
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<DocumentForm>) =>
    onChange(documents.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const add = () => {
    const kind: DocumentKind = documents.some((d) => d.kind === 'foreign_passport')
      ? 'internal_passport'
      : 'foreign_passport';
    onChange([
      ...documents,
      {
        ...emptyDocument(kind, citizenship || 'RUS'),
        ...(kind === 'foreign_passport'
          ? { lastNameLat: names.lastNameLat, firstNameLat: names.firstNameLat }
          : {}),
        issueDate: '',
        expiryDate: '',
        key: newDocumentKey(),
      },
    ]);
  };

  return (
    <div className="documents">
      {documents.length === 0 && <p className="muted">{t('card.documents.none')}</p>}
      {documents.map((doc, i) => {
        const at = (field: string) => errorAt(`documents.${i}.${field}`);
        const latinWarning = (field: 'lastNameLat' | 'firstNameLat') => {
          const cyrillic = field === 'lastNameLat' ? names.lastNameRu : names.firstNameRu;
          if (doc.issuingCountry !== 'RUS' || latinMatchesCyrillic(cyrillic, doc[field])) return undefined;
          return (
            <span className="hint-warning">
              {t('card.documents.latinMismatch', { cyrillic, icao: icaoLatin(cyrillic) })}
            </span>
          );
        };
        // A Russian passport typed in one run (751234567, 75 1234567) is shown split as the card stores it.
        const splitNumber = () => {
          if (doc.issuingCountry !== 'RUS' || doc.series.trim() !== '') return;
          if (doc.kind !== 'foreign_passport' && doc.kind !== 'internal_passport') return;
          const split = splitRussianPassport(doc.kind, doc.number);
          if (split) update(i, split);
        };
        const text = (
          field: 'series' | 'number' | 'issuedBy' | 'lastNameLat' | 'firstNameLat',
          extra = '',
        ) => (
          <TextField
            label={t(`card.documents.${field}`)}
            value={doc[field]}
            onChange={(value) => update(i, { [field]: value })}
            max={maxLengthOf(documentInputSchema(), field)}
            error={at(field)}
            className={extra}
            hint={field === 'lastNameLat' || field === 'firstNameLat' ? latinWarning(field) : undefined}
            onBlur={field === 'number' ? splitNumber : undefined}
          />
        );
        const date = (field: 'issueDate' | 'expiryDate') => (
          <DateTextField
            label={t(`card.documents.${field}`)}
            value={doc[field]}
            onChange={(value) => update(i, { [field]: value })}
            kind={field === 'issueDate' ? 'past' : 'future'}
            error={at(field)}
          />
        );
        return (
          <fieldset
            key={doc.key}
            className={`document${doc.archived ? ' archived' : ''}`}
            data-testid={`document-${i}`}
          >
            <legend>
              {t(`card.documents.kinds.${doc.kind}`)}{' '}
              {doc.archived ? `(${t('card.documents.archived')})` : ''}
            </legend>
            <div className="form-row">
              <Field label={t('card.documents.kind')}>
                <select
                  value={doc.kind}
                  onChange={(e) => update(i, { kind: e.target.value as DocumentKind })}
                >
                  {DOCUMENT_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`card.documents.kinds.${kind}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <CountryPicker
                label={t('card.documents.issuingCountry')}
                value={doc.issuingCountry}
                onChange={(issuingCountry) => update(i, { issuingCountry })}
                countries={countries}
                error={at('issuingCountry')}
                onValidity={onCountryValidity(`documents.${i}.issuingCountry`)}
              />
              {text('series', 'narrow')}
              {text('number')}
              {date('issueDate')}
              {date('expiryDate')}
            </div>
            <div className="form-row">
              {text('lastNameLat', 'name')}
              {text('firstNameLat', 'name')}
              {text('issuedBy', 'grow')}
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={doc.archived}
                  onChange={(e) => update(i, { archived: e.target.checked })}
                />
                {t('card.documents.archived')}
              </label>
              <button
                type="button"
                className="danger-link"
                onClick={() => onChange(documents.filter((_, j) => j !== i))}
                aria-label={`${t('card.documents.remove')} ${i + 1}`}
              >
                {t('card.documents.remove')}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button type="button" onClick={add}>
        + {t('card.documents.add')}
      </button>
    </div>
  );
}
