import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The commands the integration tests call through a transport: t.call('x.y', …), t.callError(…),
 * backend.dispatch(…) or the HTTP helper api(…). Read from the files' text, because each test file
 * runs in its own worker and a runtime record would not reach this one.
 */
function calledCommands(): Map<string, string[]> {
  const called = new Map<string, string[]>();
  for (const file of readdirSync(here).filter((f) => f.endsWith('.test.ts'))) {
    const text = readFileSync(join(here, file), 'utf8');
    for (const m of text.matchAll(/\b(?:call|callError|dispatch|api)(?:<[^>()]*>)?\(\s*['"]([\w.]+)['"]/g)) {
      const files = called.get(m[1]!) ?? [];
      if (!files.includes(file)) files.push(file);
      called.set(m[1]!, files);
    }
  }
  return called;
}

describe('the contract', () => {
  it('has an integration case for every command', () => {
    const called = calledCommands();
    // The scan itself works: a command the clients tests are known to call is found in them.
    expect(called.get('clients.save')).toContain('clients.test.ts');
    const missing = Object.keys(contract).filter((name) => !called.has(name));
    expect(missing, `commands no integration test calls: ${missing.join(', ')}`).toEqual([]);
  });
});
