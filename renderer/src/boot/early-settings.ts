import type { CommandOutput } from '../../../shared/api/contract';
import { call } from '../api/client';

/**
 * The opening screen's own settings, asked by the boot beside the list's first page (the clients
 * list's shown columns and widths): the first render draws the columns the clerk chose, instead of
 * the defaults and a second render once each setting answers. Nothing here may import React.
 */
export const OPENING_SETTINGS = ['clients.columns', 'layout.widths.clients'] as const;
type OpeningSetting = (typeof OPENING_SETTINGS)[number];
type Stored = CommandOutput<'settings.get'>;

/** Older than this, a boot answer is not used (the screen opened late: behind the sign-in, a dialog). */
const FRESH_MS = 10_000;

const asked = new Map<
  OpeningSetting,
  { answer: Promise<Stored | null>; answered?: Stored | null; at: number }
>();

export function askOpeningSettings(): void {
  for (const key of OPENING_SETTINGS) {
    const answer = call('settings.get', { key }).catch(() => null);
    const entry: { answer: Promise<Stored | null>; answered?: Stored | null; at: number } = {
      answer,
      at: Date.now(),
    };
    void answer.then((stored) => (entry.answered = stored));
    asked.set(key, entry);
  }
}

/** Resolves once every opening setting has answered (or failed). */
export function openingSettingsAnswered(): Promise<void> {
  return Promise.all([...asked.values()].map((entry) => entry.answer)).then(() => undefined);
}

/** The boot's answer for this setting if it has come, once; undefined otherwise (the screen asks). */
export function takeOpeningSetting(key: OpeningSetting): Stored | undefined {
  const entry = asked.get(key);
  asked.delete(key);
  if (!entry?.answered || Date.now() - entry.at > FRESH_MS) return undefined;
  return entry.answered;
}
