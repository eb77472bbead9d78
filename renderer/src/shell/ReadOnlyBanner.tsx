import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandOutput } from '../../../shared/api/contract';
import { call, onReadOnlyAnswer } from '../api/client';

type Reason = CommandOutput<'app.info'>['readOnlyReason'];

const CHECK_POLL_MS = 1000;

/**
 * Says, above every screen, that the base was opened read-only and why: its file is damaged (restore
 * a backup: `action` holds the way to) or this account may not write it. Nothing shows otherwise.
 */
export function ReadOnlyBanner({ action }: { action?: ReactNode }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<Reason>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The base is checked in the background after the first answer: asked again until that is done.
    const ask = () =>
      // The About dialog reports a failure to read app.info; here there is simply nothing to say.
      call('app.info', {}).then(
        (info) => {
          setReason(info.readOnlyReason);
          if (info.checking === true) timer = setTimeout(ask, CHECK_POLL_MS);
        },
        () => undefined,
      );
    void ask();
    // A command that meets a damaged page later turns the base read-only then: its answer says so.
    const unsubscribe = onReadOnlyAnswer(() => {
      clearTimeout(timer);
      void ask();
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, []);
  if (reason === null) return null;
  return (
    <div className="banner banner-error read-only-banner" role="alert" data-testid="read-only-banner">
      <span>{t(`app.readOnly.${reason}`)}</span>
      {action}
    </div>
  );
}
