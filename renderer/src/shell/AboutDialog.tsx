import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandOutput } from '../../../shared/api/contract';
import { call } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';

export function AboutDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [info, setInfo] = useState<CommandOutput<'app.info'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('app.info', {}).then(setInfo, (e: unknown) => setError(describeError(t, e)));
  }, [t]);
  return (
    <Dialog
      title={t('about.title')}
      onClose={onClose}
      footer={
        <button type="button" onClick={onClose}>
          {t('about.close')}
        </button>
      }
    >
      <p>{t('about.description')}</p>
      {error && <p className="error-text">{error}</p>}
      {info && (
        <dl className="about-list">
          <dt>{t('about.version')}</dt>
          <dd data-testid="about-version">{info.version}</dd>
          <dt>{t('about.database')}</dt>
          <dd data-testid="about-db-path" className="mono">
            {info.dbPath}
          </dd>
          <dt>{t('about.schema')}</dt>
          <dd>{info.schemaVersion}</dd>
        </dl>
      )}
    </Dialog>
  );
}
