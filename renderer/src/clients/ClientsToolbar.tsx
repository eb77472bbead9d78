import type { Table } from '@tanstack/react-table';
import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientRow } from '../../../shared/domain/client';
import { CONSENT_SCOPES, type ConsentScope } from '../../../shared/domain/consent-scopes';

export interface ToolbarFilters {
  search: string;
  citizenship: string;
  passportWithinMonths: number | null;
  birthdayThisMonth: boolean;
  consent: ConsentScope | 'none' | null;
}

interface ClientsToolbarProps {
  filters: ToolbarFilters;
  onChange: (filters: ToolbarFilters) => void;
  citizenships: { code: string; count: number }[];
  /** The list of citizenships costs a scan of the base: it is fetched when the filter is first opened. */
  onCitizenshipsWanted: () => void;
  table: Table<ClientRow>;
  total: number | null;
  /** False when the total is an estimate, shown as "about N". */
  totalExact: boolean;
  onNew: () => void;
  onImport: () => void;
  onSearchKeyDown: (e: React.KeyboardEvent<HTMLInputElement>) => void;
}

const EXPIRY_CHOICES = [3, 6, 12];

export const ClientsToolbar = forwardRef<HTMLInputElement, ClientsToolbarProps>(
  function ClientsToolbar(props, searchRef) {
    const {
      filters,
      onChange,
      citizenships,
      onCitizenshipsWanted,
      table,
      total,
      totalExact,
      onNew,
      onImport,
      onSearchKeyDown,
    } = props;
    const { t } = useTranslation();
    const [columnsOpen, setColumnsOpen] = useState(false);
    const set = (patch: Partial<ToolbarFilters>) => onChange({ ...filters, ...patch });
    const filtered =
      filters.citizenship !== '' ||
      filters.passportWithinMonths !== null ||
      filters.birthdayThisMonth ||
      filters.consent !== null;

    return (
      <div className="toolbars">
        <div className="toolbar">
          <button type="button" className="primary" onClick={onNew} title="Ctrl+N / Insert">
            + {t('clients.newClient')}
          </button>
          <input
            ref={searchRef}
            className="search"
            type="search"
            value={filters.search}
            placeholder={t('clients.searchPlaceholder')}
            aria-label={t('clients.searchLabel')}
            title={t('clients.searchHint')}
            onChange={(e) => set({ search: e.target.value })}
            onKeyDown={onSearchKeyDown}
            maxLength={200}
          />
          <span className="spacer" />
          <span className="count" data-testid="clients-count">
            {total === null
              ? t('app.loading')
              : t(totalExact ? 'clients.count' : 'clients.countAbout', { count: total })}
          </span>
          <button type="button" onClick={onImport}>
            {t('import.openBase')}
          </button>
          <div className="menu-anchor">
            <button type="button" aria-expanded={columnsOpen} onClick={() => setColumnsOpen((open) => !open)}>
              {t('clients.columnsButton')} ▾
            </button>
            {columnsOpen && (
              <div
                className="menu"
                role="menu"
                onKeyDown={(e) => e.key === 'Escape' && setColumnsOpen(false)}
              >
                {table.getAllLeafColumns().map((column) => (
                  <label key={column.id} className="menu-item">
                    <input
                      type="checkbox"
                      disabled={!column.getCanHide()}
                      checked={column.getIsVisible()}
                      onChange={column.getToggleVisibilityHandler()}
                    />
                    {String(column.columnDef.header)}
                  </label>
                ))}
              </div>
            )}
          </div>
        </div>
        <div className="toolbar filters" role="group" aria-label={t('clients.filters.title')}>
          <select
            aria-label={t('clients.filters.citizenship')}
            value={filters.citizenship}
            onFocus={onCitizenshipsWanted}
            onMouseDown={onCitizenshipsWanted}
            onChange={(e) => set({ citizenship: e.target.value })}
          >
            <option value="">{t('clients.filters.allCitizenships')}</option>
            {citizenships.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} ({c.count})
              </option>
            ))}
          </select>
          <label className="inline-field">
            {t('clients.filters.passportExpiring')}
            <select
              aria-label={t('clients.filters.passportExpiring')}
              value={filters.passportWithinMonths ?? ''}
              onChange={(e) =>
                set({ passportWithinMonths: e.target.value === '' ? null : Number(e.target.value) })
              }
            >
              <option value="">{t('clients.filters.passportAny')}</option>
              {EXPIRY_CHOICES.map((months) => (
                <option key={months} value={months}>
                  {t('clients.filters.passportWithin', { count: months })}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            <input
              type="checkbox"
              checked={filters.birthdayThisMonth}
              onChange={(e) => set({ birthdayThisMonth: e.target.checked })}
            />
            {t('clients.filters.birthdayThisMonth')}
          </label>
          <label className="inline-field">
            {t('clients.filters.consent')}
            <select
              aria-label={t('clients.filters.consent')}
              value={filters.consent ?? ''}
              onChange={(e) => set({ consent: (e.target.value || null) as ToolbarFilters['consent'] })}
            >
              <option value="">{t('clients.filters.consentAny')}</option>
              {CONSENT_SCOPES.map((scope) => (
                <option key={scope} value={scope}>
                  {t(`privacy.scopes.${scope}`)}
                </option>
              ))}
              <option value="none">{t('clients.filters.consentNone')}</option>
            </select>
          </label>
          {filtered && (
            <button
              type="button"
              className="link-button"
              onClick={() =>
                set({ citizenship: '', passportWithinMonths: null, birthdayThisMonth: false, consent: null })
              }
            >
              {t('clients.filters.reset')}
            </button>
          )}
        </div>
      </div>
    );
  },
);
