import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChanges } from './live-changes';

/**
 * An open card's notice that another clerk saved the same record: who, and a reload. The card keeps
 * what this clerk typed until they choose; saving it anyway meets the version check (STALE_VERSION).
 */
export function ChangedElsewhere({
  entity,
  id,
  onReload,
}: {
  entity: 'client' | 'tour';
  id: number | null;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [by, setBy] = useState<string | null>(null);
  useChanges(entity, (event) => {
    if (id !== null && (event.id === id || event.id === null)) setBy(event.clerk);
  });
  if (by === null) return null;
  return (
    <div className="banner banner-warning" role="alert" data-testid="changed-elsewhere">
      {by ? t('office.live.changedBy', { clerk: by }) : t('office.live.changed')}{' '}
      <button
        type="button"
        onClick={() => {
          setBy(null);
          onReload();
        }}
      >
        {t('office.live.reload')}
      </button>
    </div>
  );
}
