import type { CommandName } from '../../shared/api/contract';
import { loadOnce } from '../../shared/api/lazy-commands';
import type { Handlers } from './dispatch';

/**
 * A group of handlers whose module (and the repositories and schemas it imports) is loaded by the
 * group's first command, not at start (issue 17: fast start). A load that fails is tried again by
 * the next command.
 */
export function lazyHandlers<K extends CommandName>(
  names: readonly K[],
  load: () => Promise<Pick<Handlers, K>>,
): Pick<Handlers, K> {
  const loaded = loadOnce(load);
  const handlers = {} as Record<K, (input: never) => Promise<unknown>>;
  for (const name of names) {
    handlers[name] = async (input: never) => ((await loaded())[name] as (input: never) => unknown)(input);
  }
  return handlers as unknown as Pick<Handlers, K>;
}
