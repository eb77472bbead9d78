import { today as todayOf } from '../../../shared/domain/clock';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../shared/domain/client';
import type { ValidationIssue } from '../../../shared/domain/client-validation';
import {
  emptyTouristFields,
  type ClientSyncField,
  type Tour,
  type Tourist,
  type TouristFields,
} from '../../../shared/domain/tour';
import { touristWarnings } from '../../../shared/domain/tourist-checks';
import {
  touristClientDifferences,
  touristFromClient,
  type SyncDifference,
} from '../../../shared/domain/tourist-client';
import { normalizeTouristDocuments, validateTourist } from '../../../shared/domain/tourist-validation';
import { ApiCallError, call } from '../api/client';
import { ClientCard } from '../clients/ClientCard';
import { DateInput } from '../ui/DateInput';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { CardForm } from '../ui/CardForm';
import { Field } from '../ui/Field';
import { GenderField } from '../ui/GenderField';
import { useToast } from '../ui/toasts';
import { touristName, warningText } from './format';
import { LookupDialog } from './LookupDialog';
import { OverwriteDialog } from './OverwriteDialog';

type Form = TouristFields & { clientId: number | null; serviceIds: number[] };
type TextField = Exclude<
  keyof TouristFields,
  'gender' | 'birthDate' | 'passportIssueDate' | 'passportExpiry'
>;
type DateField = 'birthDate' | 'passportIssueDate' | 'passportExpiry';

/** Fields labelled in the tourist's own text; the others share the client card's labels. */
const TOURIST_LABELS = new Set<TextField>([
  'passportSeries',
  'passportNumber',
  'passportLastNameLat',
  'passportFirstNameLat',
  'internalSeries',
  'internalNumber',
  'ticketNumber',
]);

interface TouristDialogProps {
  tour: Tour;
  tourist: Tourist | null;
  marginMonths: number;
  onClose: () => void;
  onSaved: () => void;
}

function initialForm(tourist: Tourist | null, tour: Tour): Form {
  if (!tourist)
    return { ...emptyTouristFields(), clientId: null, serviceIds: tour.services.map((s) => s.id) };
  const { id: _id, tourId: _tourId, version: _version, ...fields } = tourist;
  return fields;
}

/** A tourist of a tour: found in the regular-client base by surname (R1), added to it (R2), synced back (R3). */
export function TouristDialog({ tour, tourist, marginMonths, onClose, onSaved }: TouristDialogProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const [form, setForm] = useState<Form>(() => initialForm(tourist, tour));
  const [addToClients, setAddToClients] = useState(false);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [invalidDates, setInvalidDates] = useState<Set<DateField>>(new Set());
  const [info, setInfo] = useState<string | null>(null);
  const [lookup, setLookup] = useState<{
    lastName: string;
    initial: { total: number; candidates: Client[] };
  } | null>(null);
  const [overwrite, setOverwrite] = useState<{ client: Client; differences: SyncDifference[] } | null>(null);
  const [clientCardOpen, setClientCardOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const fail = (e: unknown) => toast({ kind: 'error', message: describeError(t, e) });

  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const errorAt = (path: string) => {
    const issue = issues.find((i) => i.path === path);
    return issue ? t(`validation.${issue.code}`, issue.params) : undefined;
  };

  const fillFrom = (client: Client) => {
    setForm((f) => ({
      ...touristFromClient(client, { ticketNumber: f.ticketNumber }),
      clientId: client.id,
      serviceIds: f.serviceIds,
    }));
    setAddToClients(false);
    setLookup(null);
    setInfo(t('tourist.filled'));
  };

  const runLookup = async () => {
    const lastName = (form.lastNameRu || form.lastNameLat).trim();
    if (lastName === '') return;
    try {
      const result = await call('clients.lookup', { lastName });
      if (result.total === 0) setInfo(t('tourist.notFound', { name: lastName }));
      else if (result.total === 1 && result.candidates[0]) fillFrom(result.candidates[0]);
      else setLookup({ lastName, initial: result });
    } catch (e) {
      fail(e);
    }
  };

  const persist = async (
    fields: TouristFields,
    updateClient: { clientVersion: number; fields: ClientSyncField[] } | null,
  ) => {
    setBusy(true);
    try {
      const result = await call('tourists.save', {
        tourId: tour.id,
        tourist: {
          ...fields,
          clientId: form.clientId,
          serviceIds: form.serviceIds,
          ...(tourist ? { id: tourist.id, version: tourist.version } : {}),
        },
        addToClients: form.clientId === null && addToClients,
        updateClient,
      });
      toast({ kind: 'info', message: updateClient ? t('tourist.clientUpdated') : t('tourist.saved') });
      setForm((f) => ({ ...f, clientId: result.tourist.clientId }));
      onSaved();
    } catch (e) {
      // The input check names a field inside the request (tourist.lastNameRu); the form's fields are bare.
      if (e instanceof ApiCallError && e.error.issues)
        setIssues(e.error.issues.map((i) => ({ ...i, path: i.path.replace(/^tourist\./, '') })));
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    const { clientId: _c, serviceIds: _s, ...raw } = form;
    const fields = normalizeTouristDocuments(raw);
    const found = [
      ...[...invalidDates].map((path): ValidationIssue => ({ path, code: 'dateInvalid' })),
      ...validateTourist(fields, todayOf()),
    ];
    setIssues(found);
    if (found.length > 0) return;
    if (form.clientId !== null) {
      try {
        const client = await call('clients.get', { id: form.clientId });
        const differences = touristClientDifferences(fields, client);
        if (differences.length > 0) {
          setOverwrite({ client, differences });
          return;
        }
      } catch (e) {
        fail(e);
        return;
      }
    }
    await persist(fields, null);
  };

  const text = (
    field: TextField,
    extra: { className?: string; maxLength?: number; onEnter?: () => void; hint?: ReactNode } = {},
  ) => (
    <Field
      label={t(TOURIST_LABELS.has(field) ? `tourist.fields.${field}` : `card.fields.${field}`)}
      error={errorAt(field)}
      className={extra.className}
      hint={extra.hint}
    >
      <input
        value={form[field]}
        maxLength={extra.maxLength ?? 100}
        onChange={(e) => set({ [field]: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && extra.onEnter) {
            e.preventDefault();
            extra.onEnter();
          }
        }}
      />
    </Field>
  );
  const date = (field: DateField, label: string, pastOnly = false) => (
    <Field label={label} error={errorAt(field)} className="date">
      <DateInput
        value={form[field]}
        onChange={(iso) => set({ [field]: iso })}
        onValidity={(valid) =>
          setInvalidDates((s) => {
            const next = new Set(s);
            if (valid) next.delete(field);
            else next.add(field);
            return next;
          })
        }
        placeholder={t('card.datePlaceholder')}
        pastOnly={pastOnly}
      />
    </Field>
  );

  const warnings = touristWarnings(form, tour, marginMonths);
  const title = tourist ? t('tourist.editTitle', { name: touristName(tourist) }) : t('tourist.newTitle');

  return (
    <>
      <Dialog
        title={title}
        onClose={onClose}
        wide
        footer={
          <>
            {form.clientId === null ? (
              addToClients ? (
                <>
                  <span className="muted">{t('tourist.willAdd')}</span>
                  <button type="button" className="link-button" onClick={() => setAddToClients(false)}>
                    {t('tourist.cancelAdd')}
                  </button>
                </>
              ) : (
                <button type="button" onClick={() => setAddToClients(true)}>
                  {t('tourist.addToClients')}
                </button>
              )
            ) : (
              <button type="button" onClick={() => setClientCardOpen(true)}>
                {t('tourist.editClient')}
              </button>
            )}
            <span className="spacer" />
            <button type="button" onClick={onClose}>
              {t('card.cancel')}
            </button>
            <button type="submit" form="tourist-form" className="primary" disabled={busy}>
              {t('card.save')}
            </button>
          </>
        }
      >
        <CardForm id="tourist-form" onSave={() => void save()}>
          <p className="muted">{form.clientId !== null ? t('tourist.linked') : t('tourist.searchHint')}</p>
          {info && (
            <div className="banner banner-info" role="status">
              {info}
            </div>
          )}
          <h3>{t('tourist.sections.names')}</h3>
          <div className="form-row">
            {text('lastNameRu', { className: 'name', onEnter: () => void runLookup() })}
            {text('firstNameRu', { className: 'name' })}
            {text('middleNameRu', { className: 'name' })}
            <button type="button" className="align-end" onClick={() => void runLookup()}>
              {t('tourist.search')}
            </button>
          </div>
          <div className="form-row">
            {text('lastNameLat', { className: 'name', onEnter: () => void runLookup() })}
            {text('firstNameLat', { className: 'name' })}
            <GenderField value={form.gender} onChange={(gender) => set({ gender })} />
            {date('birthDate', t('card.fields.birthDate'), true)}
            {text('citizenship', { className: 'narrow', maxLength: 3 })}
          </div>
          <h3>{t('tourist.sections.documents')}</h3>
          <div className="form-row">
            {text('passportSeries', { className: 'narrow', maxLength: 20 })}
            {text('passportNumber', { maxLength: 30 })}
            {date('passportIssueDate', t('tourist.fields.passportIssueDate'), true)}
            {date('passportExpiry', t('tourist.fields.passportExpiry'))}
            {text('passportLastNameLat', { className: 'name' })}
            {text('passportFirstNameLat', { className: 'name' })}
          </div>
          <div className="form-row">
            {text('internalSeries', { maxLength: 20 })}
            {text('internalNumber', { maxLength: 30 })}
          </div>
          {warnings.length > 0 && (
            <div className="banner banner-warning" data-testid="tourist-warnings">
              {warnings.map((w) => (
                <div key={w.code}>⚠ {warningText(t, w)}</div>
              ))}
            </div>
          )}
          <h3>{t('tourist.sections.trip')}</h3>
          <div className="form-row">
            {text('ticketNumber', { maxLength: 40 })}
            <fieldset className="services-choice">
              <legend>{t('tourist.fields.services')}</legend>
              {tour.services.map((s) => (
                <label key={s.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={form.serviceIds.includes(s.id)}
                    onChange={(e) =>
                      set({
                        serviceIds: e.target.checked
                          ? [...form.serviceIds, s.id]
                          : form.serviceIds.filter((id) => id !== s.id),
                      })
                    }
                  />
                  {s.description || t(`tours.services.kinds.${s.kind}`)}
                </label>
              ))}
            </fieldset>
          </div>
          <h3>{t('tourist.sections.contacts')}</h3>
          <div className="form-row">
            {text('phone')}
            {text('email', { maxLength: 200 })}
          </div>
        </CardForm>
      </Dialog>
      {lookup && (
        <LookupDialog
          lastName={lookup.lastName}
          initial={lookup.initial}
          onPick={fillFrom}
          onClose={() => setLookup(null)}
        />
      )}
      {overwrite && (
        <OverwriteDialog
          differences={overwrite.differences}
          onCancel={() => setOverwrite(null)}
          onKeep={() => {
            setOverwrite(null);
            const { clientId: _c, serviceIds: _s, ...raw } = form;
            void persist(normalizeTouristDocuments(raw), null);
          }}
          onUpdate={(fields) => {
            const clientVersion = overwrite.client.version;
            setOverwrite(null);
            const { clientId: _c, serviceIds: _s, ...raw } = form;
            void persist(normalizeTouristDocuments(raw), { clientVersion, fields });
          }}
        />
      )}
      {clientCardOpen && form.clientId !== null && (
        <ClientCard
          clientId={form.clientId}
          onClose={() => setClientCardOpen(false)}
          onSaved={() => setClientCardOpen(false)}
          onDeleted={() => setClientCardOpen(false)}
          onForgotten={() => setClientCardOpen(false)}
        />
      )}
    </>
  );
}
