import type { ReactNode } from 'react';

interface TabbedScreenProps<T extends string> {
  title: string;
  tabs: readonly T[];
  tab: T;
  label: (tab: T) => string;
  onTab: (tab: T) => void;
  children: ReactNode;
}

/** A screen with a title and a row of tabs above one panel (reference books, undo and backups). */
export function TabbedScreen<T extends string>({
  title,
  tabs,
  tab,
  label,
  onTab,
  children,
}: TabbedScreenProps<T>) {
  return (
    <section className="screen" aria-label={title}>
      <div className="toolbar">
        <h2 className="screen-title">{title}</h2>
        <div role="tablist" className="tabs">
          {tabs.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              className={tab === name ? 'tab active' : 'tab'}
              onClick={() => onTab(name)}
            >
              {label(name)}
            </button>
          ))}
        </div>
      </div>
      <div role="tabpanel" className="book-panel">
        {children}
      </div>
    </section>
  );
}
