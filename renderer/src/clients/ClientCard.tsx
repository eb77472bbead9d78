import { today as todayOf } from '../../../shared/domain/clock';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { clientFieldsSchema, clientInputSchema, type Client } from '../../../shared/domain/client';
import { validateClient, type ValidationIssue } from '../../../shared/domain/client-validation';
import { ApiCallError, call } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { CardForm } from '../ui/CardForm';
import { CountryPicker, useCountries } from '../ui/CountryPicker';
import { DateTextField } from '../ui/DateField';
import { useInvalidFields } from '../ui/invalid-fields';
import { lengthIssues, maxLengthOf } from '../ui/limits';
import { TextField } from '../ui/TextField';
import { useUnsavedGuard } from '../ui/UnsavedGuard';
import { GenderField } from '../ui/GenderField';
import { clientToForm, formToInput, type ClientForm } from './client-form';
import { ClientHistory } from './ClientHistory';
import { DocumentsEditor } from './DocumentsEditor';
import { PrivacySection } from './PrivacySection';
import { ChangedElsewhere } from '../live/ChangedElsewhere';
import { ClientLoyaltySection } from '../loyalty/ClientLoyaltySection';
import { FamilySection } from './FamilySection';
import type { DestructionAct } from '../../../shared/domain/consent';
import { displayName } from './format';
import { blankFillsFromCyrillic, cyrillicProposals, icaoLatin, latinMatchesCyrillic } from './name-proposals';

const QuestionnaireScreen = lazy(() =>
  import('../questionnaire/QuestionnaireScreen').then((m) => ({ default: m.QuestionnaireScreen })),
);

interface ClientCardProps {
  clientId: number | null;
  onClose: () => void;
  onSaved: (client: Client) => void;
  onDeleted: (client: Client, undoId: number) => void;
  onForgotten: (act: DestructionAct) => void;
}

const NAME_PAIRS = [
  ['lastNameRu', 'lastNameLat'],
  ['firstNameRu', 'firstNameLat'],
] as const;

type TextKey =
  | 'lastNameRu'
  | 'firstNameRu'
  | 'middleNameRu'
  | 'lastNameLat'
  | 'firstNameLat'
  | 'birthPlace'
  | 'phone'
  | 'email'
  | 'address'
  | 'cardLast4';

/** Create or edit one regular client with all their documents. */
export function ClientCard({ clientId, onClose, onSaved, onDeleted, onForgotten }: ClientCardProps) {
  const { t } = useTranslation();
  const [client, setClient] = useState<Client | null>(null);
  const [questionnaireOpen, setQuestionnaireOpen] = useState(false);
  const questionnairePeople = useMemo(
    () =>
      client ? [{ subject: { kind: 'client' as const, id: client.id }, name: displayName(client) }] : [],
    [client],
  );
  const [form, setForm] = useState<ClientForm | null>(clientId === null ? clientToForm(null) : null);
  const [pristine, setPristine] = useState<string>(JSON.stringify(form));
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [error, setError] = useState<{ message: string; stale: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const countries = useCountries();
  const countryChecks = useInvalidFields('countryUnknown');

  const load = useCallback(() => {
    if (clientId === null) return;
    call('clients.get', { id: clientId }).then(
      (loaded) => {
        const loadedForm = clientToForm(loaded);
        setClient(loaded);
        setForm(loadedForm);
        setPristine(JSON.stringify(loadedForm));
        setIssues([]);
        setError(null);
      },
      (e: unknown) => setError({ message: describeError(t, e), stale: false }),
    );
  }, [clientId, t]);
  useEffect(load, [load]);

  const dirty = form !== null && JSON.stringify(form) !== pristine;

  const errorAt = (path: string) => {
    const issue = issues.find((i) => i.path === path);
    return issue ? t(`validation.${issue.code}`, issue.params) : undefined;
  };

  /** Saves the card; false when it was refused (the reasons are shown at their fields). */
  const save = async (): Promise<boolean> => {
    if (!form || busy) return false;
    const { input, issues: dateIssues } = formToInput(form);
    const first = [...dateIssues, ...countryChecks.issues, ...lengthIssues(clientInputSchema(), input)];
    const all = [
      ...first,
      ...validateClient(input, todayOf()).filter((i) => !first.some((d) => d.path === i.path)),
    ];
    setIssues(all);
    if (all.length > 0) {
      setError({ message: t('card.fixErrors', { count: all.length }), stale: false });
      return false;
    }
    setBusy(true);
    try {
      const saved = await call(
        'clients.save',
        client ? { ...input, id: client.id, version: client.version } : input,
      );
      setPristine(JSON.stringify(form));
      onSaved(saved);
      return true;
    } catch (e) {
      if (e instanceof ApiCallError && e.error.issues) setIssues(e.error.issues);
      setError({
        message: describeError(t, e),
        stale: e instanceof ApiCallError && e.error.code === 'STALE_VERSION',
      });
      return false;
    } finally {
      setBusy(false);
    }
  };
  const { guard, prompt } = useUnsavedGuard({ dirty, save });
  const close = () => guard(onClose);

  const remove = async () => {
    if (!client) return;
    try {
      const { undoId } = await call('clients.delete', { id: client.id, version: client.version });
      onDeleted(client, undoId);
    } catch (e) {
      setError({
        message: describeError(t, e),
        stale: e instanceof ApiCallError && e.error.code === 'STALE_VERSION',
      });
    }
  };

  const title = client ? `${t('card.editTitle')}: ${displayName(client)}` : t('card.newTitle');
  if (!form) {
    return (
      <Dialog title={title} onClose={onClose}>
        {error ? <p className="error-text">{error.message}</p> : <p>{t('app.loading')}</p>}
      </Dialog>
    );
  }

  const set = (patch: Partial<ClientForm>) => setForm({ ...form, ...patch });
  const input = (
    field: TextKey,
    extra: { className?: string; placeholder?: string; hint?: ReactNode; onBlur?: () => void } = {},
  ) => (
    <TextField
      label={t(`card.fields.${field}`)}
      value={form[field]}
      onChange={(value) => set({ [field]: value })}
      max={maxLengthOf(clientFieldsSchema(), field)}
      error={errorAt(field)}
      className={extra.className}
      hint={extra.hint}
      placeholder={extra.placeholder}
      onBlur={extra.onBlur}
    />
  );

  /** Leaving a Cyrillic name proposes what only fills blanks: the ICAO Latin, and the sex. */
  const onCyrillicLeft = () => {
    const patch = blankFillsFromCyrillic(form);
    if (Object.keys(patch).length > 0) set(patch);
  };

  /** The Latin is passport data: replacing a filled one needs the clerk's yes. */
  const replaceLatin = (field: 'lastNameLat' | 'firstNameLat', proposed: string) => {
    const current = form[field];
    if (
      current.trim() !== '' &&
      current !== proposed &&
      !window.confirm(t('card.replaceLatinConfirm', { current, proposed }))
    ) {
      return;
    }
    set({ [field]: proposed });
  };
  const proposeLatin = () => {
    for (const [cyr, lat] of NAME_PAIRS) if (form[cyr].trim() !== '') replaceLatin(lat, icaoLatin(form[cyr]));
  };

  const latinHint = (cyr: 'lastNameRu' | 'firstNameRu', lat: 'lastNameLat' | 'firstNameLat') => {
    if (latinMatchesCyrillic(form[cyr], form[lat])) return undefined;
    const icao = icaoLatin(form[cyr]);
    return (
      <span className="hint-warning">
        {t('card.names.latinMismatch', { cyrillic: form[cyr], icao })}{' '}
        <button type="button" className="link-button" onClick={() => replaceLatin(lat, icao)}>
          {t('card.names.useIcao', { icao })}
        </button>
      </span>
    );
  };

  const cyrillicHint = (cyr: 'lastNameRu' | 'firstNameRu', lat: 'lastNameLat' | 'firstNameLat') => {
    if (form[cyr].trim() !== '' || form[lat].trim() === '') return undefined;
    const options = cyrillicProposals(form[lat]);
    if (options.length === 0) return undefined;
    return (
      <span>
        {t('card.names.cyrillicOptions')}{' '}
        {options.map((option) => (
          <button key={option} type="button" className="chip" onClick={() => set({ [cyr]: option })}>
            {option}
          </button>
        ))}
      </span>
    );
  };

  return (
    <Dialog
      title={title}
      onClose={close}
      wide
      footer={
        <>
          {client && (
            <button type="button" className="danger" onClick={() => void remove()}>
              {t('card.delete')}
            </button>
          )}
          {client && (
            <button type="button" onClick={() => setQuestionnaireOpen(true)}>
              {t('card.questionnaire')}
            </button>
          )}
          <span className="spacer" />
          <button type="button" onClick={close}>
            {t('card.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            data-save-button
            disabled={busy}
            title={t('card.saveHint')}
            onClick={() => void save()}
          >
            {t('card.save')}
          </button>
        </>
      }
    >
      <CardForm id="client-form" onSave={() => void save()}>
        <ChangedElsewhere entity="client" id={clientId} onReload={load} />
        {error && (
          <div className="banner banner-error" role="alert">
            <span>{error.message}</span>
            {error.stale && (
              <button type="button" onClick={load}>
                {t('card.reload')}
              </button>
            )}
          </div>
        )}
        <h3>{t('card.sections.names')}</h3>
        <div className="form-row">
          {input('lastNameRu', {
            className: 'name',
            hint: cyrillicHint('lastNameRu', 'lastNameLat'),
            onBlur: onCyrillicLeft,
          })}
          {input('firstNameRu', {
            className: 'name',
            hint: cyrillicHint('firstNameRu', 'firstNameLat'),
            onBlur: onCyrillicLeft,
          })}
          {input('middleNameRu', { className: 'name', onBlur: onCyrillicLeft })}
        </div>
        <div className="form-row">
          {input('lastNameLat', { className: 'name', hint: latinHint('lastNameRu', 'lastNameLat') })}
          {input('firstNameLat', { className: 'name', hint: latinHint('firstNameRu', 'firstNameLat') })}
          <button
            type="button"
            className="align-end"
            onClick={proposeLatin}
            disabled={!form.lastNameRu && !form.firstNameRu}
          >
            {t('card.proposeLatin')}
          </button>
        </div>
        <h3>{t('card.sections.personal')}</h3>
        <div className="form-row">
          <GenderField value={form.gender} onChange={(gender) => set({ gender })} error={errorAt('gender')} />
          <DateTextField
            label={t('card.fields.birthDate')}
            value={form.birthDate}
            onChange={(birthDate) => set({ birthDate })}
            kind="past"
            error={errorAt('birthDate')}
          />
          {input('birthPlace', { className: 'grow' })}
          <CountryPicker
            label={t('card.fields.citizenship')}
            value={form.citizenship}
            onChange={(citizenship) => set({ citizenship })}
            countries={countries}
            error={errorAt('citizenship')}
            onValidity={countryChecks.report('citizenship')}
          />
        </div>
        <h3>{t('card.sections.documents')}</h3>
        <DocumentsEditor
          documents={form.documents}
          citizenship={form.citizenship}
          names={form}
          onChange={(documents) => set({ documents })}
          errorAt={errorAt}
          countries={countries}
          onCountryValidity={countryChecks.report}
        />
        <h3>{t('card.sections.contacts')}</h3>
        <div className="form-row">
          {input('phone')}
          {input('email')}
          {input('address', { className: 'grow' })}
          {input('cardLast4', { className: 'narrow' })}
        </div>
        {client && <ClientHistory clientId={client.id} />}
        {client && <FamilySection clientId={client.id} version={client.version} />}
        {client && <ClientLoyaltySection clientId={client.id} />}
        {client && <PrivacySection client={client} onForgotten={onForgotten} />}
        <h3>{t('card.sections.notes')}</h3>
        <div className="form-row">
          {(['notes', 'preferences'] as const).map((field) => (
            <TextField
              key={field}
              label={t(`card.fields.${field}`)}
              className="grow"
              rows={3}
              value={form[field]}
              onChange={(value) => set({ [field]: value })}
              max={maxLengthOf(clientFieldsSchema(), field)}
              error={errorAt(field)}
            />
          ))}
        </div>
      </CardForm>
      {prompt}
      {client && questionnaireOpen && (
        <Suspense fallback={null}>
          <QuestionnaireScreen
            people={questionnairePeople}
            initialIndex={0}
            defaultCountry=""
            title={displayName(client)}
            onClose={() => setQuestionnaireOpen(false)}
          />
        </Suspense>
      )}
    </Dialog>
  );
}
