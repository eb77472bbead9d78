import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loyaltyParamsSchema, type LoyaltyParams } from '../../../shared/loyalty';
import { TabbedScreen } from '../ui/TabbedScreen';
import { OverviewPanel } from './OverviewPanel';
import { WorklistPanel } from './WorklistPanel';
import './loyalty.css';

type Tab = 'overview' | 'worklist';
const TABS: readonly Tab[] = ['overview', 'worklist'];

/** Issue 15: the agency head's loyalty figures and the clerks' who-to-contact list. */
export function LoyaltyScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('overview');
  const [params, setParams] = useState<LoyaltyParams>(() => loyaltyParamsSchema.parse({}));
  return (
    <TabbedScreen
      title={t('loyalty.title')}
      tabs={TABS}
      tab={tab}
      label={(x) => t(`loyalty.tabs.${x}`)}
      onTab={setTab}
    >
      {tab === 'overview' ? <OverviewPanel params={params} onParams={setParams} /> : <WorklistPanel />}
    </TabbedScreen>
  );
}
