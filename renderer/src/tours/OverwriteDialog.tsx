import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSyncField } from '../../../shared/domain/tour';
import type { SyncDifference } from '../../../shared/domain/tourist-client';
import { formatDate } from '../../../shared/domain/dates';
import { Dialog } from '../ui/Dialog';

/** R3: the fields where the tourist differs from the client's card, side by side; the clerk ticks what to copy. */
export function OverwriteDialog(props: {
  differences: SyncDifference[];
  onUpdate: (fields: ClientSyncField[]) => void;
  onKeep: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  // Values as the clerk reads them elsewhere: dates dd.mm.yyyy (also inside a passport's text), sex in words.
  const shown = (field: ClientSyncField, value: string) => {
    if (value === '') return '—';
    if (field === 'gender') return t(`card.genders.${value}`);
    return value.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => formatDate(iso));
  };
  const [chosen, setChosen] = useState<Set<ClientSyncField>>(new Set(props.differences.map((d) => d.field)));
  const toggle = (field: ClientSyncField) =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(field)) next.delete(field);
      else next.add(field);
      return next;
    });
  return (
    <Dialog
      title={t('overwrite.title')}
      onClose={props.onCancel}
      wide
      footer={
        <>
          <button type="button" onClick={props.onCancel}>
            {t('overwrite.cancel')}
          </button>
          <span className="spacer" />
          <button type="button" onClick={props.onKeep}>
            {t('overwrite.keep')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={chosen.size === 0}
            onClick={() => props.onUpdate([...chosen])}
          >
            {t('overwrite.update')}
          </button>
        </>
      }
    >
      <p>{t('overwrite.intro')}</p>
      <table className="table" data-testid="overwrite-table">
        <thead>
          <tr>
            <th />
            <th>{t('overwrite.field')}</th>
            <th>{t('overwrite.tourist')}</th>
            <th>{t('overwrite.client')}</th>
          </tr>
        </thead>
        <tbody>
          {props.differences.map((d) => (
            <tr key={d.field}>
              <td>
                <input
                  type="checkbox"
                  aria-label={t(`overwrite.fields.${d.field}`)}
                  checked={chosen.has(d.field)}
                  onChange={() => toggle(d.field)}
                />
              </td>
              <td>{t(`overwrite.fields.${d.field}`)}</td>
              <td className="diff-new">{shown(d.field, d.tourist)}</td>
              <td className="diff-old">{shown(d.field, d.client)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
