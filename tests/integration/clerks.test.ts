import { mkdtempSync, rmSync } from 'node:fs';
import { userInfo, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/envelope';
import { createBackend, type Backend } from '../../electron/backend';
import type { Clock } from '../../shared/domain/clock';
import { ivanov } from '../helpers/fixtures';

/** A backend started as the app starts it: no clerk named beforehand. */
interface App {
  backend: Backend;
  dir: string;
  call: <K extends CommandName>(name: K, input: CommandInput<K>) => Promise<CommandOutput<K>>;
  refused: <K extends CommandName>(name: K, input: CommandInput<K>) => Promise<ApiError>;
}

const opened: App[] = [];
afterEach(async () => {
  for (const app of opened.splice(0)) {
    await app.backend.close();
    rmSync(app.dir, { recursive: true, force: true });
  }
});

async function startApp(options: { serverMode?: boolean; dir?: string; clock?: Clock } = {}): Promise<App> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'tourdesk-clerks-'));
  const backend = await createBackend({
    dbPath: join(dir, 'base.sqlite'),
    backupEveryMinutes: null,
    logger: { error: () => undefined },
    ...(options.serverMode ? { serverMode: true } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const app: App = {
    backend,
    dir,
    call: async (name, input) => {
      const envelope = await backend.dispatch(name, input);
      if (!envelope.ok) throw new Error(`${name}: ${JSON.stringify(envelope.error)}`);
      return envelope.value as never;
    },
    refused: async (name, input) => {
      const envelope = await backend.dispatch(name, input);
      if (envelope.ok) throw new Error(`${name} unexpectedly succeeded`);
      return envelope.error;
    },
  };
  opened.push(app);
  return app;
}

const auditClerks = async (backend: Backend, entity: string) =>
  (
    await sql<{
      clerk: string;
      action: string;
    }>`SELECT clerk, action FROM audit WHERE entity = ${entity} ORDER BY id`.execute(backend.db)
  ).rows;

describe('clerks on one computer', () => {
  it('a fresh base makes the OS account its administrator and signs them in: one clerk never sees a sign-in screen', async () => {
    const app = await startApp();
    const status = await app.call('clerks.status', {});
    expect(status).toMatchObject({
      passwordRequired: false,
      firstStart: false,
      signedIn: { name: userInfo().username, role: 'admin', hasPassword: false },
    });
    expect(status.names).toEqual([userInfo().username]);
  });

  it('a clerk signs in by name alone, is refused the head’s money figures and the admin’s screens, and every write names them', async () => {
    const app = await startApp();
    const olga = await app.call('clerks.save', { name: 'Ольга Смирнова', role: 'clerk', active: true });
    await app.call('clerks.signOut', {});
    expect((await app.refused('clients.list', {})).reason).toBe('signInNeeded');
    expect((await app.call('clerks.status', {})).names).toEqual(
      [userInfo().username, 'Ольга Смирнова'].sort((a, b) => a.localeCompare(b)),
    );

    // The name is folded: capitals and Ё are the same clerk.
    const signedIn = await app.call('clerks.signIn', { name: '  ОЛЬГА   смирнова ' });
    expect(signedIn.id).toBe(olga.id);

    for (const command of ['loyalty.overview', 'loyalty.clients'] as const) {
      expect(await app.refused(command, {})).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'roleNeeded',
        params: { role: 'head' },
      });
    }
    expect(
      await app.refused('loyalty.exportSegment', {
        format: 'csv',
        headers: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
      }),
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'roleNeeded' });
    expect((await app.refused('clerks.list', {})).params).toEqual({ role: 'admin' });
    expect((await app.refused('backup.create', {})).reason).toBe('roleNeeded');

    const client = await app.call('clients.save', ivanov());
    const { undoId } = await app.call('clients.delete', { id: client.id, version: client.version });
    expect(await auditClerks(app.backend, 'client')).toEqual([
      { clerk: 'Ольга Смирнова', action: 'create' },
      { clerk: 'Ольга Смирнова', action: 'delete' },
    ]);
    expect((await app.call('undo.list', {})).find((e) => e.id === undoId)?.clerk).toBe('Ольга Смирнова');
  });

  it('a head sees the loyalty figures; the admin manages clerks, and the last admin cannot be demoted', async () => {
    const app = await startApp();
    const admin = (await app.call('clerks.status', {})).signedIn!;
    const head = await app.call('clerks.save', { name: 'Глава', role: 'head', active: true });
    expect(
      await app.refused('clerks.save', {
        id: admin.id,
        version: admin.version,
        name: admin.name,
        role: 'head',
        active: true,
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      reason: 'lastAdmin',
    });
    expect(await app.refused('clerks.save', { name: 'глава', role: 'clerk', active: true })).toMatchObject({
      reason: 'clerkNameTaken',
    });
    expect(
      await app.refused('clerks.save', {
        id: head.id,
        version: head.version + 1,
        name: 'Глава',
        role: 'head',
        active: true,
      }),
    ).toMatchObject({
      code: 'STALE_VERSION',
    });
    await app.call('clerks.signOut', {});
    await app.call('clerks.signIn', { name: 'Глава' });
    expect((await app.call('loyalty.overview', {})).totals.revenueMinor).toBe(0);
    expect((await app.refused('clerks.list', {})).reason).toBe('roleNeeded');

    await app.call('clerks.signOut', {});
    await app.call('clerks.signIn', { name: admin.name });
    const inactive = await app.call('clerks.save', {
      id: head.id,
      version: head.version,
      name: 'Глава',
      role: 'head',
      active: false,
    });
    expect(inactive.active).toBe(false);
    await app.call('clerks.signOut', {});
    expect(await app.refused('clerks.signIn', { name: 'Глава' })).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'clerkInactive',
    });
  });

  it('a clerk with a password needs it even on one computer; the hash is scrypt, never the password', async () => {
    const app = await startApp();
    const olga = await app.call('clerks.save', { name: 'Ольга', role: 'clerk', active: true });
    await app.call('clerks.setPassword', { id: olga.id, password: 'секретный пароль' });
    await app.call('clerks.signOut', {});
    expect(await app.refused('clerks.signIn', { name: 'Ольга' })).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'wrongSignIn',
    });
    expect(await app.refused('clerks.signIn', { name: 'Ольга', password: 'неверный пароль' })).toMatchObject({
      reason: 'wrongSignIn',
    });
    expect(
      (await app.call('clerks.signIn', { name: 'Ольга', password: 'секретный пароль' })).hasPassword,
    ).toBe(true);
    const stored = await sql<{
      password_hash: string;
    }>`SELECT password_hash FROM clerks WHERE id = ${olga.id}`.execute(app.backend.db);
    expect(stored.rows[0]!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored.rows[0]!.password_hash).not.toContain('секрет');
    // A clerk changes their own password, never another's.
    const admin = (await app.call('clerks.list', {}).catch(() => [])).length;
    expect(admin).toBe(0);
    expect(
      (await app.refused('clerks.setPassword', { id: olga.id + 100, password: '12345678' })).reason,
    ).toBe('roleNeeded');
    expect((await app.call('clerks.setPassword', { id: olga.id, password: 'новый пароль 2' })).id).toBe(
      olga.id,
    );
  });

  it('a base whose only clerk has a password, or that has two clerks, starts at the sign-in screen', async () => {
    const first = await startApp();
    await first.call('clerks.save', { name: 'Ольга', role: 'clerk', active: true });
    await first.backend.close();
    opened.splice(opened.indexOf(first), 1);
    const again = await startApp({ dir: first.dir });
    expect((await again.call('clerks.status', {})).signedIn).toBeNull();
    expect((await again.refused('tours.list', {})).reason).toBe('signInNeeded');
  });
});

describe('clerks on the office server', () => {
  it('the first clerk becomes admin with a password; names are not listed; a clerk without a password cannot sign in', async () => {
    const app = await startApp({ serverMode: true });
    expect(await app.call('clerks.status', {})).toMatchObject({
      signedIn: null,
      passwordRequired: true,
      firstStart: true,
      names: [],
    });
    expect(await app.refused('clerks.signIn', { name: 'Админ' })).toMatchObject({
      code: 'VALIDATION',
      reason: 'passwordNeeded',
    });
    expect(await app.refused('clerks.signIn', { name: 'Админ', password: 'short' })).toMatchObject({
      reason: 'passwordTooShort',
      params: { min: 8 },
    });
    const admin = await app.call('clerks.signIn', { name: 'Админ', password: 'пароль админа' });
    expect(admin).toMatchObject({ role: 'admin', hasPassword: true });
    expect(await app.refused('clerks.save', { name: 'Ольга', role: 'clerk', active: true })).toMatchObject({
      reason: 'passwordNeeded',
    });
    await app.call('clerks.save', { name: 'Ольга', role: 'clerk', active: true, password: 'пароль ольги' });
    await app.call('clerks.signOut', {});
    expect(await app.refused('clerks.signIn', { name: 'Незнакомец', password: 'что угодно' })).toMatchObject({
      reason: 'wrongSignIn',
    });
    expect((await app.call('clerks.signIn', { name: 'Ольга', password: 'пароль ольги' })).role).toBe('clerk');
    expect(await auditClerks(app.backend, 'clerk')).toEqual([
      { clerk: userInfo().username, action: 'create' },
      { clerk: 'Админ', action: 'create' },
    ]);
  });

  it('an unknown name and a wrong password get one answer; five wrong ones make the name wait, longer each time', async () => {
    let now = Date.parse('2027-03-01T09:00:00Z');
    const app = await startApp({ serverMode: true, clock: { now: () => new Date(now) } });
    await app.call('clerks.signIn', { name: 'Админ', password: 'пароль админа' });
    await app.call('clerks.save', { name: 'Ольга', role: 'clerk', active: true, password: 'пароль ольги' });
    const old = await app.call('clerks.save', {
      name: 'Пётр',
      role: 'clerk',
      active: true,
      password: 'пароль петра',
    });
    await app.call('clerks.save', { ...old, active: false });
    await app.call('clerks.signOut', {});

    const unknown = await app.refused('clerks.signIn', { name: 'Незнакомец', password: 'что угодно' });
    const wrong = await app.refused('clerks.signIn', { name: 'Ольга', password: 'не тот пароль' });
    const inactive = await app.refused('clerks.signIn', { name: 'Пётр', password: 'не тот пароль' });
    expect(wrong).toEqual(unknown);
    expect(inactive).toEqual(unknown);
    expect(unknown).toMatchObject({ code: 'FORBIDDEN', reason: 'wrongSignIn' });

    for (let i = 0; i < 4; i++)
      await app.refused('clerks.signIn', { name: 'ольга', password: `подбор ${i}` });
    // Five wrong: even the right password waits now, and the answer says how long.
    expect(await app.refused('clerks.signIn', { name: 'Ольга', password: 'пароль ольги' })).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'signInLocked',
      params: { seconds: 30 },
    });
    // An unknown name waits the same way: the wait tells nothing about who exists.
    for (let i = 0; i < 4; i++) await app.refused('clerks.signIn', { name: 'Незнакомец', password: `x${i}` });
    expect((await app.refused('clerks.signIn', { name: 'Незнакомец', password: 'y' })).reason).toBe(
      'signInLocked',
    );
    // Another name is not held up.
    expect((await app.call('clerks.signIn', { name: 'Админ', password: 'пароль админа' })).name).toBe(
      'Админ',
    );

    now += 31_000;
    expect((await app.refused('clerks.signIn', { name: 'Ольга', password: 'ещё раз' })).reason).toBe(
      'wrongSignIn',
    );
    expect(await app.refused('clerks.signIn', { name: 'Ольга', password: 'пароль ольги' })).toMatchObject({
      reason: 'signInLocked',
      params: { seconds: 60 },
    });
    now += 61_000;
    expect((await app.call('clerks.signIn', { name: 'Ольга', password: 'пароль ольги' })).name).toBe('Ольга');
    // The right one clears the count: one slip later is not a wait.
    expect((await app.refused('clerks.signIn', { name: 'Ольга', password: 'опечатка' })).reason).toBe(
      'wrongSignIn',
    );
    expect((await app.call('clerks.signIn', { name: 'Ольга', password: 'пароль ольги' })).name).toBe('Ольга');
  });

  it('a restart does not start the guessing over: the wrong sign-ins and the wait are kept in the base', async () => {
    let now = Date.parse('2027-03-01T09:00:00Z');
    const clock = { now: () => new Date(now) };
    let app = await startApp({ serverMode: true, clock });
    await app.call('clerks.signIn', { name: 'Админ', password: 'пароль админа' });
    await app.call('clerks.save', { name: 'Ольга', role: 'clerk', active: true, password: 'пароль ольги' });
    await app.call('clerks.signOut', {});
    const restart = async () => {
      await app.backend.close();
      opened.splice(opened.indexOf(app), 1);
      app = await startApp({ serverMode: true, clock, dir: app.dir });
    };
    for (let i = 0; i < 4; i++)
      await app.refused('clerks.signIn', { name: 'Ольга', password: `подбор ${i}` });
    await restart();
    // The fifth wrong one after the restart makes the name wait, as it would have without it.
    expect((await app.refused('clerks.signIn', { name: 'ОЛЬГА', password: 'подбор 4' })).reason).toBe(
      'wrongSignIn',
    );
    await restart();
    now += 10_000;
    expect(await app.refused('clerks.signIn', { name: 'Ольга', password: 'пароль ольги' })).toMatchObject({
      reason: 'signInLocked',
      params: { seconds: 20 },
    });
    now += 21_000;
    expect((await app.call('clerks.signIn', { name: 'Ольга', password: 'пароль ольги' })).name).toBe('Ольга');
    await app.call('clerks.signOut', {});
    // The right one cleared the count in the base too: one slip after a restart is not a wait.
    await restart();
    expect((await app.refused('clerks.signIn', { name: 'Ольга', password: 'опечатка' })).reason).toBe(
      'wrongSignIn',
    );
    expect((await app.call('clerks.signIn', { name: 'Ольга', password: 'пароль ольги' })).name).toBe('Ольга');
  });
});
