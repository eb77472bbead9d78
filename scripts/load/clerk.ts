import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/api/contract';

/**
 * One clerk of the load test (scripts/load/run.ts): a backend of its own on the shared server base,
 * doing saves, imports, lookups and questionnaire saves for `seconds`. Writes what it saw to `out`:
 * each acknowledged client save (id, the version it produced, the note written), the answers it
 * got by code, and every INTERNAL message.
 */
const [url, clerkNo, secondsText, out] = process.argv.slice(2) as [string, string, string, string];
const seconds = Number(secondsText);

export interface ClerkReport {
  clerk: number;
  saves: { id: number; version: number; note: string }[];
  answers: Record<string, number>;
  internal: string[];
  operations: number;
}

/** A number as Latin letters: names hold no digits. */
const letters = (n: number): string =>
  n < 26 ? String.fromCharCode(65 + n) : letters(Math.floor(n / 26) - 1) + String.fromCharCode(65 + (n % 26));

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `tourdesk-load-${clerkNo}-`));
  const backend = await createBackend({
    dbPath: join(dir, 'unused.sqlite'),
    postgres: { connectionString: url, max: 3 },
    clerk: `clerk ${clerkNo}`,
    backupEveryMinutes: null,
    logger: { error: () => undefined },
  });
  const report: ClerkReport = { clerk: Number(clerkNo), saves: [], answers: {}, internal: [], operations: 0 };
  const call = async <K extends CommandName>(
    name: K,
    input: CommandInput<K>,
  ): Promise<{ ok: true; value: CommandOutput<K> } | { ok: false }> => {
    const envelope = await backend.dispatch(name, input);
    const code = envelope.ok ? 'OK' : envelope.error.code;
    report.answers[`${name} ${code}`] = (report.answers[`${name} ${code}`] ?? 0) + 1;
    if (!envelope.ok && envelope.error.code === 'INTERNAL')
      report.internal.push(`${name}: ${envelope.error.message}`);
    report.operations++;
    return envelope.ok ? { ok: true, value: envelope.value as CommandOutput<K> } : { ok: false };
  };
  const clients = await call('clients.list', { limit: 1000 });
  const ids = clients.ok ? clients.value.rows.map((r) => r.id) : [];
  const pick = () => ids[Math.floor(Math.random() * ids.length)]!;
  const tourList = await call('tours.list', { limit: 50 });
  const tours = tourList.ok ? tourList.value.rows.map((r) => r.id) : [];
  let n = 0;
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    n++;
    const roll = Math.random();
    if (roll < 0.4) {
      // A save of a card read a moment ago: another clerk may have saved it in between.
      const got = await call('clients.get', { id: pick() });
      if (!got.ok) continue;
      const card = got.value;
      const note = `clerk ${clerkNo} save ${n}`;
      const saved = await call('clients.save', { ...card, notes: note });
      if (saved.ok) report.saves.push({ id: card.id, version: saved.value.version, note });
    } else if (roll < 0.6) {
      const prefixes = ['ив', 'пет', 'kuz', 'смир', 'в', 'ал', 'sok', 'мор'];
      await call('clients.list', { search: prefixes[n % prefixes.length]!, limit: 50 });
      await call('clients.lookup', { lastName: 'Иванов', firstName: '' });
    } else if (roll < 0.8) {
      const subject = { kind: 'client' as const, id: pick() };
      const opened = await call('questionnaire.open', { subject, country: 'FRA' });
      if (!opened.ok) continue;
      const field = opened.value.form.fields.find((f) => f.type === 'text' && f.binding === null);
      if (field) {
        await call('questionnaire.save', {
          subject,
          country: 'FRA',
          fieldKey: field.key,
          source: `ответ ${clerkNo}-${n}`,
        });
      }
    } else {
      const tourId = tours[n % tours.length]!;
      await call('import.commit', {
        idempotencyKey: `clerk-${clerkNo}-${n}`,
        tourId,
        serviceIds: [],
        rows: [0, 1, 2].map((i) => ({
          draft: {
            lastNameLat: `LOAD${letters(Number(clerkNo) * 100_000 + n)}`,
            firstNameLat: `PAX${letters(i)}`,
            passportNumber: `7${clerkNo}${String(n).padStart(6, '0')}${i}`,
            citizenship: 'RUS',
          },
          action: 'create' as const,
          clientId: null,
        })),
      });
    }
  }
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
  writeFileSync(out, JSON.stringify(report));
}

main().catch((error: unknown) => {
  console.error(
    `clerk ${clerkNo} stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
});
