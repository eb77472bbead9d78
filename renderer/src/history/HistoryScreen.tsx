import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupsPanel } from './BackupsPanel';
import { UndoJournalPanel } from './UndoJournalPanel';

const TABS = ['journal', 'backups'] as const;
type Tab = (typeof TABS)[number];

/** What can be taken back: recent actions from the undo journal, and the whole base from a backup. */
export function HistoryScreen({ initialTab = 'journal' }: { initialTab?: Tab }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>(initialTab);
  return (
    <section className="screen" aria-label={t('undoScreen.title')}>
      <div className="toolbar">
        <h2 className="screen-title">{t('undoScreen.title')}</h2>
        <div role="tablist" className="tabs">
          {TABS.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              className={tab === name ? 'tab active' : 'tab'}
              onClick={() => setTab(name)}
            >
              {t(`undoScreen.tabs.${name}`)}
            </button>
          ))}
        </div>
      </div>
      <div role="tabpanel" className="book-panel">
        {tab === 'journal' ? <UndoJournalPanel /> : <BackupsPanel />}
      </div>
    </section>
  );
}
