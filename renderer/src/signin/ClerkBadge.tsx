import { useTranslation } from 'react-i18next';
import { useClerk } from './ClerkContext';

/** The top bar's "who is working": the clerk's name (the role in its tooltip), and a way to hand the desk over. */
export function ClerkBadge() {
  const { t } = useTranslation();
  const { clerk, signOut } = useClerk();
  if (!clerk) return null;
  const role = t(`office.roles.${clerk.role}`);
  return (
    <span className="clerk-badge" data-testid="clerk-badge" data-role={clerk.role}>
      <span className="clerk-name" title={`${clerk.name} · ${role}`}>
        {clerk.name}
      </span>
      <button
        type="button"
        className="link-button"
        aria-label={t('office.signIn.switch')}
        title={t('office.signIn.switch')}
        onClick={signOut}
      >
        {t('office.signIn.switchShort')}
      </button>
    </span>
  );
}
