import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGuardedLeave } from '../ui/leave-guard';
import { TabbedScreen } from '../ui/TabbedScreen';
import { CountriesBook } from './CountriesBook';
import { DictionaryBook } from './DictionaryBook';
import { FormsBook } from './FormsBook';

const TABS = ['countries', 'forms', 'dictionary'] as const;
type Tab = (typeof TABS)[number];

/** R15: the editable reference books behind the questionnaires. */
export function ReferenceBooksScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('forms');
  const leave = useGuardedLeave();
  return (
    <TabbedScreen
      title={t('books.title')}
      tabs={TABS}
      tab={tab}
      label={(name) => t(`books.tabs.${name}`)}
      onTab={(next) => leave(() => setTab(next))}
    >
      {tab === 'countries' && <CountriesBook />}
      {tab === 'forms' && <FormsBook />}
      {tab === 'dictionary' && <DictionaryBook />}
    </TabbedScreen>
  );
}
