import { ApiCallError } from '../api/client';

export const BOOK_PAGE_SIZE = 100;

type PageInput = { limit: number; after: string | null; count: boolean };
type Page<R> = { next: string | null; rows: R[] };

/**
 * Reads a reference book page by page, each after the previous page's `next`, showing the rows read
 * so far after every page (a book is a few hundred rows: they are all kept). A cursor the backend
 * refuses as stale (the book changed under it) starts the reading again. Resolves with the whole book.
 */
export async function readPages<R>(
  fetchPage: (input: PageInput) => Promise<Page<R>>,
  onRows: (rows: R[]) => void,
  isCurrent: () => boolean = () => true,
): Promise<R[]> {
  let rows: R[] = [];
  let after: string | null = null;
  for (let restarts = 0; ;) {
    let page: Page<R>;
    try {
      page = await fetchPage({ limit: BOOK_PAGE_SIZE, after, count: false });
    } catch (error) {
      if (
        after !== null &&
        restarts < 3 &&
        error instanceof ApiCallError &&
        error.error.reason === 'cursorStale'
      ) {
        restarts++;
        rows = [];
        after = null;
        continue;
      }
      throw error;
    }
    if (!isCurrent()) return rows;
    rows = [...rows, ...page.rows];
    onRows(rows);
    if (page.next === null) return rows;
    after = page.next;
  }
}
