import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../shared/domain/client';
import { formatDate } from '../../../shared/domain/dates';
import { travelPassport } from '../../../shared/domain/tourist-client';

const ROW_HEIGHT = 29;

/**
 * The lookup's candidates, virtualised: only the rows in view are in the DOM (spacer rows stand for
 * the others, and are left out when empty), and `onNearEnd` asks for the next page as the list
 * scrolls towards the last loaded row.
 */
export function LookupCandidates(props: {
  candidates: readonly Client[];
  total: number;
  selected: number;
  onSelect: (index: number) => void;
  onPick: (client: Client) => void;
  onNearEnd: (lastIndexInView: number) => void;
}) {
  const { candidates, total, selected, onSelect, onPick, onNearEnd } = props;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  // Rows not loaded yet are counted too, so the scrollbar is as long as the whole list.
  const count = Math.max(total, candidates.length);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const lastInView = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (lastInView >= 0) onNearEnd(lastInView);
  }, [lastInView, candidates.length, onNearEnd]);

  useEffect(() => {
    if (selected >= 0 && selected < count) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, count, virtualizer]);

  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return (
    <div ref={scrollRef} className="table-scroll lookup-scroll" data-testid="lookup-scroll">
      <table className="table sticky-head" data-testid="lookup-candidates" aria-rowcount={count}>
        <thead>
          <tr>
            <th>{t('clients.columns.name')}</th>
            <th>{t('clients.columns.nameLat')}</th>
            <th>{t('clients.columns.birthDate')}</th>
            <th>{t('clients.columns.passportNumber')}</th>
            <th>{t('clients.columns.phone')}</th>
          </tr>
        </thead>
        <tbody>
          {top > 0 && <tr aria-hidden className="spacer-row" style={{ height: top }} />}
          {items.map((item) => {
            const c = candidates[item.index];
            if (!c)
              return (
                <tr key={item.key} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                  <td colSpan={5}>
                    <span className="placeholder-bar" />
                  </td>
                </tr>
              );
            const passport = travelPassport(c.documents);
            const isSelected = item.index === selected;
            return (
              <tr
                key={c.id}
                aria-rowindex={item.index + 2}
                className={isSelected ? 'selected' : undefined}
                aria-selected={isSelected}
                style={{ height: ROW_HEIGHT }}
                onClick={() => onSelect(item.index)}
                onDoubleClick={() => onPick(c)}
              >
                <td>{[c.lastNameRu, c.firstNameRu, c.middleNameRu].filter(Boolean).join(' ')}</td>
                <td>{[c.lastNameLat, c.firstNameLat].filter(Boolean).join(' ')}</td>
                <td>{formatDate(c.birthDate)}</td>
                <td className="mono">{passport ? `${passport.series} ${passport.number}` : ''}</td>
                <td>{c.phone}</td>
              </tr>
            );
          })}
          {bottom > 0 && <tr aria-hidden className="spacer-row" style={{ height: bottom }} />}
        </tbody>
      </table>
    </div>
  );
}
