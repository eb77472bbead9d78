import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import { LeaveGuardProvider, useGuardedLeave } from '../ui/leave-guard';
import { CountriesBook } from './CountriesBook';

interface CountriesBookDialogProps {
  onClose: () => void;
  onChanged: () => void;
}

/** The countries book opened over the tours screen: closing it asks first about a new country typed. */
export function CountriesBookDialog(props: CountriesBookDialogProps) {
  return (
    <LeaveGuardProvider>
      <GuardedDialog {...props} />
    </LeaveGuardProvider>
  );
}

function GuardedDialog({ onClose, onChanged }: CountriesBookDialogProps) {
  const { t } = useTranslation();
  const leave = useGuardedLeave();
  const close = () => leave(onClose);
  return (
    <Dialog
      title={t('books.tabs.countries')}
      onClose={close}
      wide
      footer={
        <button type="button" onClick={close}>
          {t('books.close')}
        </button>
      }
    >
      <CountriesBook onChanged={onChanged} />
    </Dialog>
  );
}
