import type { Row } from '@tanstack/react-table';
import type { TourRow } from '../../../shared/domain/tour';
import type { TourPage } from './tour-pager';

const DEFAULT_ROW_HEIGHT = 33;

/** The rows in memory in list order, the index of each in the whole list, and how many rows the list shows. */
export function loadedRows(pages: readonly TourPage[] | null): {
  rows: TourRow[];
  indexes: number[];
  shown: number;
} {
  const rows: TourRow[] = [];
  const indexes: number[] = [];
  let start = 0;
  for (const page of pages ?? []) {
    page.rows?.forEach((row, i) => {
      rows.push(row);
      indexes.push(start + i);
    });
    start += page.size;
  }
  return { rows, indexes, shown: start };
}

export type BodyRow =
  { kind: 'row'; index: number; row: Row<TourRow> } | { kind: 'spacer'; page: number; size: number };

/** The table body: the rows in memory, and one spacer as tall as each run of dropped pages. */
export function bodyRows(
  pages: readonly TourPage[] | null,
  modelRows: readonly Row<TourRow>[],
  indexes: readonly number[],
): BodyRow[] {
  const body: BodyRow[] = [];
  let next = 0;
  for (const page of pages ?? []) {
    if (page.rows === null) {
      const before = body[body.length - 1];
      if (before?.kind === 'spacer') before.size += page.size;
      else body.push({ kind: 'spacer', page: page.page, size: page.size });
      continue;
    }
    for (let i = 0; i < page.rows.length; i++, next++) {
      const row = modelRows[next];
      const index = indexes[next];
      if (row && index !== undefined) body.push({ kind: 'row', index, row });
    }
  }
  return body;
}

/** A row's height in the list (all rows are one line), measured on a row in the DOM. */
export function rowHeight(box: HTMLElement | null): number {
  const row = box?.querySelector<HTMLElement>('tbody tr:not(.spacer-row)');
  return row && row.offsetHeight > 0 ? row.offsetHeight : DEFAULT_ROW_HEIGHT;
}

/** The indexes of the first and last rows in view of the scrolled list (spacers keep rows in place). */
export function rowsInView(box: HTMLElement): { first: number; last: number } {
  const height = rowHeight(box);
  const head = box.querySelector<HTMLElement>('thead')?.offsetHeight ?? 0;
  const top = Math.max(0, box.scrollTop - head);
  return {
    first: Math.floor(top / height),
    last: Math.floor((top + box.clientHeight) / height),
  };
}
