import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreviewRow, TargetField } from '../../../shared/import';
import { ResizeHandle, useSizedColumns, type SizedColumn } from '../ui/column-sizing';
import { ColumnHeader } from './ColumnHeader';
import { gridColumns, PINNED_COLUMNS, RESULT_COLUMN, SOURCE_COLUMN, sourceColumnId } from './grid-layout';
import { RowDetails } from './RowDetails';
import type { Match, ScreenAction, ScreenState } from './import-reducer';
import { ImportRow } from './ImportRow';

const ROW_HEIGHT = 30;
const NO_MATCHES: readonly Match[] = [];

interface ImportGridProps {
  rows: readonly PreviewRow[];
  mapping: readonly (TargetField | null)[];
  titles: readonly string[];
  screen: ScreenState;
  forTour: boolean;
  dispatch: Dispatch<ScreenAction>;
}

/** The rows as the source had them, virtualised: a header per source column, a line per row. */
export function ImportGrid({ rows, mapping, titles, screen, forTour, dispatch }: ImportGridProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  // The cell being edited, by row key (two people read from one source row are two grid rows).
  const [editing, setEditing] = useState<{ row: number; column: number } | null>(null);
  // The row whose problems and result the panel under the grid shows (by row key).
  const [detailKey, setDetailKey] = useState<number | null>(null);
  const columns = useMemo<SizedColumn[]>(
    () => [
      ...PINNED_COLUMNS.map((c) => ({ id: c.id, size: c.size, minSize: c.resizable ? 60 : c.size })),
      ...titles.map((title, c) => ({ id: sourceColumnId(c, title), size: SOURCE_COLUMN, minSize: 50 })),
      { id: RESULT_COLUMN.id, size: RESULT_COLUMN.size, minSize: 80 },
    ],
    [titles],
  );
  const sized = useSizedColumns('import', columns);
  const widths = columns.map((c) => sized.size(c.id));
  const widthsKey = widths.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const { template, width, pinnedLeft } = useMemo(() => gridColumns(widths), [widthsKey]);
  const resizer = (id: string, label: string) => {
    const header = sized.header(id);
    return header ? <ResizeHandle header={header} label={label} /> : null;
  };
  // The grid scrolls as a whole (the sticky header inside it): the rows start below the header.
  const [headHeight, setHeadHeight] = useState(0);
  useLayoutEffect(() => {
    const grid = scrollRef.current;
    const body = bodyRef.current;
    if (grid && body)
      setHeadHeight(body.getBoundingClientRect().top - grid.getBoundingClientRect().top + grid.scrollTop);
  }, [titles]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
    scrollMargin: headHeight,
  });
  const onMap = useCallback(
    (column: number, field: TargetField | null) => dispatch({ type: 'columnMapped', column, field }),
    [dispatch],
  );

  const refused = screen.refused;
  useEffect(() => {
    if (!refused) return;
    const index = rows.findIndex((r) => r.key === refused.sourceIndex);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
    // Only a new refusal scrolls; rows changing under it clear it anyway.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refused]);

  const detail = rows.find((r) => r.key === detailKey) ?? null;
  return (
    <>
      <div
        ref={scrollRef}
        className="import-grid"
        role="grid"
        aria-rowcount={rows.length}
        data-testid="import-grid"
      >
        <div className="import-head" style={{ gridTemplateColumns: template, width }}>
          <div className="import-pinned" style={{ left: pinnedLeft[0] }} />
          <div className="import-pinned" style={{ left: pinnedLeft[1] }}>
            {t('layout.rowNumber')}
          </div>
          <div className="import-pinned import-th-sized" style={{ left: pinnedLeft[2] }}>
            {t('import.action')}
            {resizer('action', t('import.action'))}
          </div>
          <div className="import-pinned import-th-sized" style={{ left: pinnedLeft[3] }}>
            {t('import.status')}
            {resizer('problems', t('import.status'))}
          </div>
          {titles.map((title, c) => (
            <ColumnHeader
              key={c}
              index={c}
              title={title}
              field={mapping[c] ?? null}
              onMap={onMap}
              resizer={resizer(sourceColumnId(c, title), title)}
            />
          ))}
          <div className="import-th-sized">
            {t('import.result')}
            {resizer(RESULT_COLUMN.id, t('import.result'))}
          </div>
        </div>
        <div ref={bodyRef} className="import-body">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              return (
                <ImportRow
                  key={row.key}
                  row={row}
                  position={item.index}
                  top={item.start - headHeight}
                  template={template}
                  width={width}
                  pinnedLeft={pinnedLeft}
                  onShowDetails={setDetailKey}
                  mapping={mapping}
                  titles={titles}
                  selected={screen.selected.has(row.key)}
                  chosen={screen.choices.get(row.key)}
                  matches={screen.matches.get(row.key) ?? NO_MATCHES}
                  forTour={forTour}
                  refused={refused?.sourceIndex === row.key ? refused.issue : null}
                  editingColumn={editing?.row === row.key ? editing.column : null}
                  onEdit={setEditing}
                  dispatch={dispatch}
                />
              );
            })}
          </div>
        </div>
      </div>
      <RowDetails
        row={detail}
        position={detail ? rows.indexOf(detail) : -1}
        refused={detail && refused?.sourceIndex === detail.key ? refused.issue : null}
      />
    </>
  );
}
