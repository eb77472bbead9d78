import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TabbedScreen } from '../ui/TabbedScreen';
import { ClerksPanel } from './ClerksPanel';
import { ConnectionPanel } from './ConnectionPanel';
import '../signin/office.css';

const TABS = ['clerks', 'connection'] as const;
type Tab = (typeof TABS)[number];

/** The administrator's settings (issue 14): who may sign in, and where the base is. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('clerks');
  return (
    <TabbedScreen
      title={t('office.settings.title')}
      tabs={TABS}
      tab={tab}
      label={(name) => t(`office.settings.tabs.${name}`)}
      onTab={setTab}
    >
      {tab === 'clerks' ? <ClerksPanel /> : <ConnectionPanel />}
    </TabbedScreen>
  );
}
