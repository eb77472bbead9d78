import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Country } from '../../../shared/domain/tour';
import type { Answer, Questionnaire } from '../../../shared/questionnaire/model';
import { ApiCallError, call } from '../api/client';
import { DictionaryBook } from '../books/DictionaryBook';
import { countryName } from '../ui/country-name';
import { Dialog } from '../ui/Dialog';
import { useDialogFocus } from '../ui/dialog-focus';
import { isSaveShortcut } from '../ui/keys';
import { useUnsavedGuard } from '../ui/UnsavedGuard';
import { describeError, describeErrorDetail } from '../ui/errors';
import { useToast } from '../ui/toasts';
import { AnswerRow, type AnswerDraft } from './AnswerRow';
import { CopyDialog, type Person } from './CopyDialog';
import { DictionaryEntryDialog } from './DictionaryEntryDialog';
import { PrintDialog } from './PrintDialog';
import { uiLabel } from './ui-label';

interface QuestionnaireScreenProps {
  /** The tourists of the tour (or the one regular client) whose questionnaires are filled. */
  people: readonly Person[];
  initialIndex: number;
  /** The tour's country, chosen first when it has a questionnaire form. */
  defaultCountry: string;
  /** For the PDF's name: the tour's voucher or the client's name. */
  title: string;
  onClose: () => void;
}

/** An answer waiting for the clerk to add its unknown words to the dictionary (R12). */
interface PendingWord {
  fieldKey: string;
  source: string;
  word: string;
  skipped: string[];
}

/** R11: the embassy questionnaire of one person for one country, translated as the clerk types. */
export function QuestionnaireScreen({
  people,
  initialIndex,
  defaultCountry,
  title,
  onClose,
}: QuestionnaireScreenProps) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const [index, setIndex] = useState(initialIndex);
  const [countries, setCountries] = useState<Country[]>([]);
  const [countryCode, setCountryCode] = useState('');
  const [questionnaire, setQuestionnaire] = useState<Questionnaire | null>(null);
  const [pending, setPending] = useState<PendingWord | null>(null);
  const [dialog, setDialog] = useState<'takeFrom' | 'copyTo' | 'print' | 'dictionary' | null>(null);
  // Answers typed and not saved yet, by field (a box is saved when left, so usually the one in focus).
  const [drafts, setDrafts] = useState<Readonly<Record<string, AnswerDraft>>>({});
  // A refused answer has no field to be marked at here, so the toast says what its issue is.
  const fail = useCallback(
    (e: unknown) =>
      toast({
        kind: 'error',
        message:
          e instanceof ApiCallError && e.error.issues ? describeErrorDetail(t, e) : describeError(t, e),
      }),
    [t, toast],
  );
  const person = people[index]!;
  const everyone = useMemo(() => people.map((p) => p.subject), [people]);

  useEffect(() => {
    call('countries.list', {}).then((list) => {
      const withForms = list.filter((c) => c.formKey);
      setCountries(withForms);
      setCountryCode(withForms.find((c) => c.code === defaultCountry)?.code ?? withForms[0]?.code ?? '');
    }, fail);
  }, [defaultCountry, fail]);

  const { kind, id } = person.subject;
  const load = useCallback(() => {
    if (countryCode === '') return;
    call('questionnaire.open', { subject: { kind, id }, country: countryCode }).then(setQuestionnaire, fail);
  }, [countryCode, kind, id, fail]);
  useEffect(() => {
    setQuestionnaire(null);
    load();
  }, [load]);

  const replaceAnswer = (answer: Answer) =>
    setQuestionnaire((q) =>
      q ? { ...q, answers: q.answers.map((a) => (a.fieldKey === answer.fieldKey ? answer : a)) } : q,
    );

  /** Saves one answer; false when it was refused (the toast says why). */
  const save = (
    fieldKey: string,
    source: string,
    value?: string,
    skipped: string[] = [],
    accept?: boolean,
  ): Promise<boolean> =>
    call('questionnaire.save', {
      subject: person.subject,
      country: countryCode,
      fieldKey,
      source,
      value,
      accept,
    }).then(
      ({ answer, unknownWords }) => {
        replaceAnswer(answer);
        const word = unknownWords.find((w) => !skipped.includes(w));
        setPending(word ? { fieldKey, source, word, skipped } : null);
        return true;
      },
      (e: unknown) => {
        fail(e);
        return false;
      },
    );

  const setDraft = (fieldKey: string, draft: AnswerDraft | null) =>
    setDrafts((all) => {
      if (draft === null && !(fieldKey in all)) return all;
      const next = { ...all };
      if (draft === null) delete next[fieldKey];
      else next[fieldKey] = draft;
      return next;
    });
  /** Saves every answer typed and not saved yet; false when one was refused (it stays typed). */
  const saveDrafts = async (): Promise<boolean> => {
    for (const [fieldKey, draft] of Object.entries(drafts)) {
      if (!(await save(fieldKey, draft.source, draft.value))) return false;
      setDraft(fieldKey, null);
    }
    return true;
  };
  const { guard, prompt } = useUnsavedGuard({ dirty: Object.keys(drafts).length > 0, save: saveDrafts });
  /** Another person or country: what is typed for this one is saved first, as leaving a box saves it. */
  const switchTo = (apply: () => void) => void saveDrafts().then((saved) => saved && apply());

  const country = countries.find((c) => c.code === countryCode);
  const language = questionnaire?.country.language ?? 'ru';
  const pendingField = pending && questionnaire?.form.fields.find((f) => f.key === pending.fieldKey);
  const screenRef = useRef<HTMLElement>(null);
  const onScreenBlur = useDialogFocus(screenRef);
  // Answers are saved as each box is left; leaving the screen with one still typed asks first.
  const close = () => guard(onClose);

  return (
    <div className="backdrop import-backdrop">
      <section
        className="dialog import-screen questionnaire-screen"
        role="dialog"
        aria-label={t('questionnaire.title')}
        ref={screenRef}
        tabIndex={-1}
        onBlur={onScreenBlur}
        onKeyDown={(e) => {
          if (dialog || pending) return;
          if (isSaveShortcut(e)) {
            e.preventDefault();
            void saveDrafts();
          } else if (e.key === 'Escape') {
            e.stopPropagation();
            close();
          }
        }}
      >
        <header className="dialog-header toolbar">
          <h2>
            {t('questionnaire.title')}
            {questionnaire && <span className="questionnaire-header"> — {questionnaire.header}</span>}
          </h2>
          <span className="spacer" />
          <label className="inline-field">
            {t('questionnaire.country')}
            <select
              aria-label={t('questionnaire.country')}
              value={countryCode}
              onChange={(e) => {
                const code = e.target.value;
                switchTo(() => setCountryCode(code));
              }}
            >
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {countryName(c, i18n.language)} ({t(`questionnaire.languages.${c.questionnaireLanguage}`)})
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => setDialog('takeFrom')} disabled={!country}>
            {t('questionnaire.takeFrom')}
          </button>
          <button type="button" onClick={() => setDialog('copyTo')} disabled={!country}>
            {t('questionnaire.copyTo')}
          </button>
          <button type="button" onClick={() => setDialog('dictionary')}>
            {t('questionnaire.dictionary')}
          </button>
          <button type="button" className="primary" onClick={() => setDialog('print')} disabled={!country}>
            {t('questionnaire.print.open')}
          </button>
          <button type="button" data-keeps-drafts onClick={close}>
            {t('questionnaire.close')}
          </button>
        </header>
        <div className="questionnaire-body">
          {people.length > 1 && (
            <nav className="people-list" aria-label={t('questionnaire.people')}>
              {people.map((p, i) => (
                <button
                  key={`${p.subject.kind}-${p.subject.id}`}
                  type="button"
                  className={i === index ? 'person active' : 'person'}
                  aria-current={i === index ? 'true' : undefined}
                  onClick={() => switchTo(() => setIndex(i))}
                >
                  {p.name}
                </button>
              ))}
            </nav>
          )}
          <div className="questionnaire-grid">
            {countries.length === 0 && <p className="muted">{t('questionnaire.noCountries')}</p>}
            {questionnaire && (
              <table className="table answers-table">
                <thead>
                  <tr>
                    <th>{t('books.fields.number')}</th>
                    <th>{t('questionnaire.field')}</th>
                    <th>{t('questionnaire.answerRu')}</th>
                    {language !== 'ru' && (
                      <th>
                        {t('questionnaire.answerIn', { language: t(`questionnaire.languages.${language}`) })}
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {questionnaire.form.fields.map((field) => (
                    <AnswerRow
                      key={`${person.subject.id}-${countryCode}-${field.key}`}
                      field={field}
                      answer={questionnaire.answers.find((a) => a.fieldKey === field.key)!}
                      language={language}
                      onSave={(source, value, accept) => void save(field.key, source, value, [], accept)}
                      onDraft={(draft) => setDraft(field.key, draft)}
                    />
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </div>
      </section>
      <div data-keeps-drafts>{prompt}</div>
      {pending && (
        <DictionaryEntryDialog
          key={pending.word}
          entry={{ ru: pending.word }}
          context={t('questionnaire.unknownWord', {
            word: pending.word,
            field: pendingField ? uiLabel(pendingField.label, i18n.language) : pending.fieldKey,
          })}
          onClose={() => {
            const skipped = [...pending.skipped, pending.word];
            void save(pending.fieldKey, pending.source, undefined, skipped);
          }}
          onSaved={() => void save(pending.fieldKey, pending.source, undefined, pending.skipped)}
        />
      )}
      {(dialog === 'takeFrom' || dialog === 'copyTo') && country && (
        <CopyDialog
          mode={dialog}
          person={person}
          country={country}
          people={people}
          countries={countries}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            load();
          }}
        />
      )}
      {dialog === 'print' && country && (
        <PrintDialog
          current={person.subject}
          everyone={everyone}
          country={country.code}
          fileName={`${title} ${country.code}`}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'dictionary' && (
        <Dialog title={t('dictionary.title')} onClose={() => setDialog(null)} wide>
          <DictionaryBook />
        </Dialog>
      )}
    </div>
  );
}
