import { headerLayoutKey, rememberedFor, withRemembered, type ManualMapping } from '../../../shared/import';
import { call } from '../api/client';

const KEY = 'import.mappings';

/** The hand mappings remembered for these headers. Rejects when the setting cannot be read. */
export async function readRemembered(headers: string[]): Promise<ManualMapping[]> {
  const stored = await call('settings.get', { key: KEY });
  return rememberedFor(stored.value, headerLayoutKey(headers), headers.length);
}

/**
 * Remembers these headers' hand mappings (forgets them when there are none), keeping the other
 * layouts'. Rejects when the setting cannot be read or written.
 */
export async function saveRemembered(headers: string[], manual: ManualMapping[]): Promise<void> {
  const stored = await call('settings.get', { key: KEY });
  const layout = headerLayoutKey(headers);
  if (manual.length === 0 && rememberedFor(stored.value, layout, headers.length).length === 0) return;
  await call('settings.set', { key: KEY, value: withRemembered(stored.value, layout, manual) });
}
