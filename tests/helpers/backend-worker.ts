// A backend in its own process, for tests that need a second program on the same file or another
// account: `tsx tests/helpers/backend-worker.ts <probe|write> <db> [seconds] [tag]`. Prints one JSON line.
import { createBackend } from '../../electron/backend';
import { emptyClientInput } from '../../shared/domain/client';

const FIRST_NAMES = ['Анна', 'Вера', 'Галина', 'Дарья', 'Елена', 'Жанна', 'Зоя'];

type Answer = { ok: true } | { ok: false; error: { code: string } };

async function main(): Promise<void> {
  const [mode, dbPath, seconds = '5', tag = 'A'] = process.argv.slice(2);
  if (!dbPath) throw new Error('usage: backend-worker <probe|write> <db> [seconds] [tag]');
  const backend = await createBackend({
    dbPath,
    appVersion: 'worker',
    logger: { error: (message) => process.stderr.write(`${message}\n`) },
    backupEveryMinutes: null,
  });
  const save = (lastNameRu: string) =>
    backend.dispatch('clients.save', { ...emptyClientInput(), lastNameRu, documents: [] }) as Promise<Answer>;
  try {
    if (mode === 'probe') {
      const info = await backend.dispatch('app.info', {});
      const saved = await save('Пробная');
      process.stdout.write(`${JSON.stringify({ info, save: saved.ok ? 'ok' : saved.error.code })}\n`);
      return;
    }
    // Writes as fast as a busy office would, for `seconds`: single saves and 20-row import commits.
    const counts: Record<string, number> = {};
    let clients = 0;
    const deadline = Date.now() + Number(seconds) * 1000;
    for (let i = 0; Date.now() < deadline; i++) {
      const commit = i % 4 === 3;
      const answer = commit
        ? ((await backend.dispatch('import.commit', {
            tourId: null,
            rows: Array.from({ length: 20 }, (_, r) => ({
              draft: { lastNameRu: 'Импортова', firstNameRu: FIRST_NAMES[r % FIRST_NAMES.length] },
              action: 'create',
              clientId: null,
            })),
          })) as Answer)
        : await save(`Сохранова-${tag}`);
      const key = `${commit ? 'commit' : 'save'}:${answer.ok ? 'ok' : answer.error.code}`;
      counts[key] = (counts[key] ?? 0) + 1;
      if (answer.ok) clients += commit ? 20 : 1;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
    }
    process.stdout.write(`${JSON.stringify({ counts, clients })}\n`);
  } finally {
    await backend.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
