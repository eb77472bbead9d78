import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { today } from '../../../shared/domain/clock';
import {
  CONSENT_SCOPES,
  consentInputSchema,
  type Consent,
  type ConsentScope,
  type DestructionAct,
} from '../../../shared/domain/consent';
import { formatDate } from '../../../shared/domain/dates';
import type { Client } from '../../../shared/domain/client';
import { call } from '../api/client';
import { DateInput } from '../ui/DateInput';
import { Dialog } from '../ui/Dialog';
import { maxLengthOf } from '../ui/limits';
import { TextField } from '../ui/TextField';
import { describeError } from '../ui/errors';
import { downloadBase64 } from '../ui/files';
import { displayName } from './format';

const DOCUMENT_MAX = maxLengthOf(consentInputSchema(), 'document');

interface PrivacySectionProps {
  client: Client;
  onForgotten: (act: DestructionAct) => void;
}

/** 152-FZ / GDPR on the card: the client's consents, their data in one file, and erasure. */
export function PrivacySection({ client, onForgotten }: PrivacySectionProps) {
  const { t } = useTranslation();
  const [consents, setConsents] = useState<Consent[]>([]);
  const [scope, setScope] = useState<ConsentScope>('processing');
  const [givenOn, setGivenOn] = useState<string | null>(today());
  const [document, setDocument] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [forgetting, setForgetting] = useState(false);
  const fail = useCallback((e: unknown) => setError(describeError(t, e)), [t]);
  const reload = useCallback(
    () => call('consents.list', { clientId: client.id }).then(setConsents, fail),
    [client.id, fail],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  const add = () => {
    if (!givenOn || document.length > DOCUMENT_MAX) return;
    setError(null);
    call('consents.save', { clientId: client.id, scope, givenOn, document }).then(() => {
      setDocument('');
      void reload();
    }, fail);
  };
  const withdraw = (consent: Consent) =>
    call('consents.save', { ...consent, withdrawnOn: today() }).then(() => void reload(), fail);
  const exportData = () =>
    call('clients.exportPersonalData', { id: client.id }).then(
      ({ fileName, base64 }) => downloadBase64(fileName, base64),
      fail,
    );
  const forget = () =>
    call('clients.forget', { id: client.id }).then((act) => {
      setForgetting(false);
      onForgotten(act);
    }, fail);

  return (
    <section aria-label={t('privacy.title')} data-testid="client-privacy">
      <h3>{t('privacy.title')}</h3>
      {consents.length === 0 ? (
        <p className="muted">{t('privacy.noConsent')}</p>
      ) : (
        <ul className="plain-list">
          {consents.map((c) => (
            <li key={c.id}>
              <strong>{t(`privacy.scopes.${c.scope}`)}</strong>{' '}
              {t('privacy.given', { date: formatDate(c.givenOn), clerk: c.clerk })}
              {c.document && ` · ${c.document}`}
              {c.withdrawnOn ? (
                <span className="cell-danger">
                  {' '}
                  · {t('privacy.withdrawnOn', { date: formatDate(c.withdrawnOn) })}
                </span>
              ) : (
                <button type="button" className="link-button" onClick={() => void withdraw(c)}>
                  {t('privacy.withdraw')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="form-row">
        <label className="field">
          <span>{t('privacy.scope')}</span>
          <select value={scope} onChange={(e) => setScope(e.target.value as ConsentScope)}>
            {CONSENT_SCOPES.map((s) => (
              <option key={s} value={s}>
                {t(`privacy.scopes.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('privacy.givenOn')}</span>
          <DateInput value={givenOn} onChange={setGivenOn} placeholder={t('card.datePlaceholder')} pastOnly />
        </label>
        <TextField
          className="grow"
          label={t('privacy.document')}
          max={DOCUMENT_MAX}
          value={document}
          onChange={setDocument}
        />
        <button type="button" onClick={add} disabled={!givenOn}>
          {t('privacy.add')}
        </button>
      </div>
      <div className="form-row">
        <button type="button" onClick={() => void exportData()}>
          {t('privacy.export')}
        </button>
        <button type="button" className="danger" onClick={() => setForgetting(true)}>
          {t('privacy.forget')}
        </button>
      </div>
      {error && <p className="error-text">{error}</p>}
      {forgetting && (
        <Dialog
          title={t('privacy.forgetTitle')}
          onClose={() => setForgetting(false)}
          footer={
            <>
              <button type="button" onClick={() => setForgetting(false)}>
                {t('privacy.cancel')}
              </button>
              <button type="button" className="danger" onClick={() => void forget()}>
                {t('privacy.forgetConfirm')}
              </button>
            </>
          }
        >
          <p>{t('privacy.forgetText', { name: displayName(client) })}</p>
        </Dialog>
      )}
    </section>
  );
}
