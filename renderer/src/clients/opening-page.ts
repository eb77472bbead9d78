import type { CommandOutput } from '../../../shared/api/contract';
import { call } from '../api/client';
import { BootAnswer } from '../boot/boot-answer';
import type { ClientFilter } from './useClientPages';

export const PAGE_SIZE = 100;

/** The list's query when the app opens: no filter, by name (ClientsScreen's initial state). */
export const OPENING_FILTER: ClientFilter = {
  search: '',
  citizenship: '',
  passportExpiresWithinMonths: null,
  birthdayMonth: null,
  consent: null,
  sort: 'name',
  direction: 'asc',
};

type Page = CommandOutput<'clients.list'>;

let opening: { filter: ClientFilter; page: BootAnswer<Page> } | undefined;

function current(filter: ClientFilter): BootAnswer<Page> | undefined {
  if (!opening?.page.fresh() || !sameFilter(opening.filter, filter)) return undefined;
  return opening.page;
}

/** Same filter whatever the order of its keys (the screen builds its query field by field). */
export function sameFilter(a: ClientFilter, b: ClientFilter): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every(
    (key) => JSON.stringify(a[key as keyof ClientFilter]) === JSON.stringify(b[key as keyof ClientFilter]),
  );
}

/**
 * Asks for the first page of the opening list at boot, beside the language and the sign-in status,
 * while the main bundle is still being run: the rows are there when the screen first renders instead
 * of being asked for only after it. A refusal (no clerk signed in yet, a locked base) is not shown:
 * the list then asks again itself.
 */
export function askOpeningPage(): void {
  opening = {
    filter: OPENING_FILTER,
    page: new BootAnswer(() =>
      call('clients.list', { ...OPENING_FILTER, offset: 0, limit: PAGE_SIZE, count: false }),
    ),
  };
}

/** The opening page for this filter if it has answered already, once; undefined otherwise. */
export function takeAnsweredOpeningPage(filter: ClientFilter): Page | undefined {
  const page = current(filter)?.value();
  if (!page) return undefined;
  opening = undefined;
  return page;
}

/** The opening page's answer for this filter, once (null when it failed); undefined when not asked. */
export function takeOpeningPage(filter: ClientFilter): Promise<Page | null> | undefined {
  const answer = current(filter)?.answer;
  opening = undefined;
  return answer;
}

/**
 * Resolves when the opening page (and `alsoWaitFor`, the screen's settings) has answered, or after
 * `ms`: the boot renders once with the rows rather than the empty screen first and the rows a render
 * later, but never waits long for them.
 */
export function openingPageOrAfter(
  ms: number,
  alsoWaitFor: Promise<void> = Promise.resolve(),
): Promise<void> {
  const answer = opening?.page.answer;
  if (!answer) return Promise.resolve();
  return Promise.race([
    Promise.all([answer, alsoWaitFor]).then(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, ms)),
  ]);
}
