import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CountriesBook } from './CountriesBook';
import { DictionaryBook } from './DictionaryBook';
import { FormsBook } from './FormsBook';

const TABS = ['countries', 'forms', 'dictionary'] as const;
type Tab = (typeof TABS)[number];

/** R15: the editable reference books behind the questionnaires. */
export function ReferenceBooksScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('forms');
  return (
    <section className="screen" aria-label={t('books.title')}>
      <div className="toolbar">
        <h2 className="screen-title">{t('books.title')}</h2>
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
              {t(`books.tabs.${name}`)}
            </button>
          ))}
        </div>
      </div>
      <div role="tabpanel" className="book-panel">
        {tab === 'countries' && <CountriesBook />}
        {tab === 'forms' && <FormsBook />}
        {tab === 'dictionary' && <DictionaryBook />}
      </div>
    </section>
  );
}
