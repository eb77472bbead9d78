import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { RecoveryKeyDialog } from './RecoveryKeyDialog';
import { UnlockScreen } from './UnlockScreen';

type Gate = 'checking' | 'locked' | 'open' | 'showRecoveryKey';

/**
 * Over the app: a base whose key did not unwrap asks for the recovery key (covering every screen,
 * whose commands answer "locked" meanwhile); a key made at this start shows its recovery key once.
 * A failed status call shows nothing (the screens report the backend's errors themselves).
 */
export function EncryptionGate() {
  const [gate, setGate] = useState<Gate>('checking');
  useEffect(() => {
    call('crypto.status', {}).then(
      (status) => setGate(status.locked ? 'locked' : status.recoveryKeyPending ? 'showRecoveryKey' : 'open'),
      () => setGate('open'),
    );
  }, []);
  // Every screen reads the now-open base from the start.
  if (gate === 'locked') return <UnlockScreen onUnlocked={() => window.location.reload()} />;
  if (gate === 'showRecoveryKey') return <RecoveryKeyDialog onDone={() => setGate('open')} />;
  return null;
}
