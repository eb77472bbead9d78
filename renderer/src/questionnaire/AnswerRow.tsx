import { useEffect, useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../../shared/i18n/languages';
import { choiceCodes, YES_NO } from '../../../shared/questionnaire/answers';
import type { Answer, FormField } from '../../../shared/questionnaire/model';
import type { QuestionnaireLanguage } from '../../../shared/questionnaire/reference';
import { DateInput } from '../ui/DateInput';
import { LengthNote } from '../ui/LengthNote';
import { uiLabel } from './ui-label';

interface AnswerRowProps {
  field: FormField;
  answer: Answer;
  language: QuestionnaireLanguage;
  /**
   * Saves the Russian source (or option codes); `value` is the clerk's own translation; `accept`
   * keeps its untranslated Russian words as they are.
   */
  onSave: (source: string, value?: string, accept?: boolean) => void;
  /** What is typed in the row and not saved yet (null when nothing): the screen asks before losing it. */
  onDraft: (draft: AnswerDraft | null) => void;
}

export interface AnswerDraft {
  source: string;
  /** The clerk's own translation, when typed. */
  value?: string;
}

/**
 * Leaving a box saves it (the translation is made then), except when the focus goes to what leaves
 * the questionnaire (Close, the unsaved-work question, marked data-keeps-drafts): that asks first.
 */
function keepsDraft(e: FocusEvent): boolean {
  const to = e.relatedTarget;
  return to instanceof Element && to.closest('[data-keeps-drafts]') !== null;
}

/** questionnaire.save's limit of an answer and of its translation. */
const ANSWER_MAX = 2000;

/** One line of the questionnaire grid (R11): the labels, the Russian answer and its translation. */
export function AnswerRow({ field, answer, language, onSave, onDraft }: AnswerRowProps) {
  const { t, i18n } = useTranslation();
  const [source, setSource] = useState(answer.source);
  const [value, setValue] = useState(answer.value);
  // Only what the clerk typed is saved on leaving a box: a blur caused by a dialog opening is not an edit.
  const [valueEdited, setValueEdited] = useState(false);
  useEffect(() => {
    setSource(answer.source);
    setValue(answer.value);
  }, [answer.source, answer.value]);
  const translated = language !== 'ru';
  const inputId = `answer-${field.key}`;
  // The field's name in the clerk's language; the form's own wording (what is printed) goes under it.
  const ui = isLanguage(i18n.language) ? i18n.language : 'ru';
  const label = uiLabel(field.label, ui);
  const printedLabel = field.label[language];
  // Leaving a pre-filled field untouched keeps it bound: only a change is stored.
  const commitSource = (next: string) => {
    // Past the limit the text stays in its box, red, as unsaved work: never cut, never sent.
    if (next.length > ANSWER_MAX) return;
    onDraft(null);
    if (next.trim() !== answer.source.trim()) onSave(next);
  };
  const typed = (nextSource: string, nextValue: string | null) => {
    const sourceChanged = nextSource.trim() !== answer.source.trim();
    if (nextValue !== null && nextValue !== answer.value) onDraft({ source: nextSource, value: nextValue });
    else onDraft(sourceChanged ? { source: nextSource } : null);
  };

  const editor = () => {
    switch (field.type) {
      case 'date':
        return (
          <span onBlur={(e) => !keepsDraft(e) && commitSource(source)}>
            <DateInput
              id={inputId}
              value={source === '' ? null : source}
              placeholder={t('questionnaire.datePlaceholder')}
              onChange={(iso) => {
                setSource(iso ?? '');
                typed(iso ?? '', null);
              }}
            />
          </span>
        );
      case 'yesno':
      case 'choice':
        return (
          <select
            id={inputId}
            aria-required={field.required || undefined}
            value={source}
            onChange={(e) => commitSource(e.target.value)}
          >
            <option value="">—</option>
            {field.type === 'yesno'
              ? (['yes', 'no'] as const).map((code) => (
                  <option key={code} value={code}>
                    {YES_NO[code][ui]}
                  </option>
                ))
              : field.options.map((o) => (
                  <option key={o.code} value={o.code}>
                    {uiLabel(o.label, ui)}
                  </option>
                ))}
          </select>
        );
      case 'multichoice': {
        const codes = choiceCodes(source);
        return (
          <div className="choices" role="group" aria-label={label}>
            {field.options.map((o) => (
              <label key={o.code} className="checkbox">
                <input
                  type="checkbox"
                  checked={codes.includes(o.code)}
                  onChange={(e) => {
                    const next = field.options
                      .map((x) => x.code)
                      .filter((code) => (code === o.code ? e.target.checked : codes.includes(code)));
                    onSave(next.join(','));
                  }}
                />
                {uiLabel(o.label, ui)}
              </label>
            ))}
          </div>
        );
      }
      case 'text':
        return (
          <>
            <input
              id={inputId}
              aria-required={field.required || undefined}
              value={source}
              onChange={(e) => {
                setSource(e.target.value);
                typed(e.target.value, valueEdited ? value : null);
              }}
              onBlur={(e) => !keepsDraft(e) && commitSource(source)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
              }}
            />
            <LengthNote length={source.length} max={ANSWER_MAX} />
          </>
        );
    }
  };

  return (
    <tr
      className={[
        'answer-row',
        field.required && answer.value.trim() === '' ? 'missing' : '',
        answer.untranslated.length > 0 ? 'untranslated' : '',
      ]
        .filter(Boolean)
        .join(' ')}
    >
      <td className="num">{field.number}</td>
      <th scope="row" className="answer-label">
        <label htmlFor={inputId}>
          {label}
          {field.required && (
            <span className="required-mark" aria-hidden="true">
              {' '}
              *
            </span>
          )}
        </label>
        {field.familyExempt && <div className="muted small">{t('questionnaire.familyExempt')}</div>}
        {field.wording === 'unverified' && field.number !== '' && (
          <div className="muted small wording-unverified">{t('questionnaire.unverified')}</div>
        )}
        {printedLabel && printedLabel !== label && (
          <div className="muted small" lang={language}>
            {printedLabel}
          </div>
        )}
      </th>
      <td className="answer-value">
        {editor()}
        {answer.origin !== 'answer' && answer.origin !== 'empty' && (
          <div className="muted small">{t(`questionnaire.origin.${answer.origin}`)}</div>
        )}
      </td>
      {translated && (
        <td className="answer-translated">
          {field.type === 'text' ? (
            <input
              aria-label={t('questionnaire.translationOf', { field: label })}
              value={value}
              lang={language}
              onChange={(e) => {
                setValue(e.target.value);
                setValueEdited(true);
                typed(source, e.target.value);
              }}
              onBlur={(e) => {
                if (!valueEdited || keepsDraft(e) || value.length > ANSWER_MAX) return;
                setValueEdited(false);
                onDraft(null);
                if (value !== answer.value) onSave(source, value);
              }}
            />
          ) : (
            <span lang={language}>{answer.value}</span>
          )}
          {field.type === 'text' && <LengthNote length={value.length} max={ANSWER_MAX} />}
          {answer.untranslated.length > 0 && (
            <div className="untranslated-mark" role="status">
              <span className="hint-warning">
                {t('questionnaire.untranslated', { words: answer.untranslated.join(', ') })}
              </span>{' '}
              <button
                type="button"
                className="link-button"
                title={t('questionnaire.acceptHint')}
                onClick={() => onSave(answer.source, answer.value, true)}
              >
                {t('questionnaire.acceptAsIs')}
              </button>
            </div>
          )}
        </td>
      )}
    </tr>
  );
}
