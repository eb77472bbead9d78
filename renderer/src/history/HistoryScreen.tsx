import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TabbedScreen } from '../ui/TabbedScreen';
import { BackupsPanel } from './BackupsPanel';
import { UndoJournalPanel } from './UndoJournalPanel';

const TABS = ['journal', 'backups'] as const;
type Tab = (typeof TABS)[number];

/** What can be taken back: recent actions from the undo journal, and the whole base from a backup. */
export function HistoryScreen({ initialTab = 'journal' }: { initialTab?: Tab }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>(initialTab);
  return (
    <TabbedScreen
      title={t('undoScreen.title')}
      tabs={TABS}
      tab={tab}
      label={(name) => t(`undoScreen.tabs.${name}`)}
      onTab={setTab}
    >
      {tab === 'journal' ? <UndoJournalPanel /> : <BackupsPanel />}
    </TabbedScreen>
  );
}
