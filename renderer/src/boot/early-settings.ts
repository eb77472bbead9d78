import type { CommandOutput } from '../../../shared/api/contract';
import { call } from '../api/client';
import { BootAnswer } from './boot-answer';

/**
 * The opening screen's own settings, asked by the boot beside the list's first page (the clients
 * list's shown columns and widths): the first render draws the columns the clerk chose, instead of
 * the defaults and a second render once each setting answers. Nothing here may import React.
 */
export const OPENING_SETTINGS = ['clients.columns', 'layout.widths.clients'] as const;
type OpeningSetting = (typeof OPENING_SETTINGS)[number];
type Stored = CommandOutput<'settings.get'>;

const asked = new Map<OpeningSetting, BootAnswer<Stored>>();

export function askOpeningSettings(): void {
  for (const key of OPENING_SETTINGS) asked.set(key, new BootAnswer(() => call('settings.get', { key })));
}

/** Resolves once every opening setting has answered (or failed). */
export function openingSettingsAnswered(): Promise<void> {
  return Promise.all([...asked.values()].map((entry) => entry.answer)).then(() => undefined);
}

/** The boot's answer for this setting if it has come, once; undefined otherwise (the screen asks). */
export function takeOpeningSetting(key: OpeningSetting): Stored | undefined {
  const entry = asked.get(key);
  asked.delete(key);
  return entry?.value();
}
