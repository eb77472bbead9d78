import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/**
 * Named (server-side prepared) statements for what the repositories send. pg sends a statement
 * without a name unless told, so the server parses, analyses and plans every query again; with a
 * name, a connection parses a text once and afterwards only binds and executes it (pg remembers
 * the names it parsed per connection, the server per session).
 *
 * Names are per connection, given in the order texts first come, at most MAX_NAMED_STATEMENTS per
 * connection (the rest go unnamed), so one-off texts (bulk inserts) cannot fill the server's memory.
 * A prepared statement goes stale when its session loses it (DEALLOCATE/DISCARD, a pooler) or a
 * schema change alters what `select *` returns ("cached plan must not change result type"): the
 * connection then starts a new generation of names, and the query is sent again at once when no
 * transaction was open (inside one, the transaction has failed: the error goes to the caller).
 */
export const MAX_NAMED_STATEMENTS = 100;
/** Longer texts are one-offs (bulk inserts of many rows): not worth a prepared statement. */
const MAX_NAMED_TEXT = 8_000;
const NAMEABLE = /^\s*(select|insert|update|delete|with)\b/i;

interface Names {
  generation: number;
  byText: Map<string, string>;
}

const namesOf = new WeakMap<pg.PoolClient, Names>();
const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();

function nameFor(client: pg.PoolClient, text: string): string | undefined {
  if (text.length > MAX_NAMED_TEXT || !NAMEABLE.test(text)) return undefined;
  let names = namesOf.get(client);
  if (!names) {
    names = { generation: 0, byText: new Map() };
    namesOf.set(client, names);
  }
  const known = names.byText.get(text);
  if (known !== undefined || names.byText.size >= MAX_NAMED_STATEMENTS) return known;
  const name = `tourdesk_${names.generation}_${names.byText.size}`;
  names.byText.set(text, name);
  return name;
}

/** The server no longer has the statement as it was prepared. */
function isStaleStatement(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === '26000') return true; // invalid_sql_statement_name: the session lost it
  return code === '0A000' && typeof message === 'string' && message.includes('cached plan must not change');
}

function forgetNames(client: pg.PoolClient): void {
  const names = namesOf.get(client);
  if (names) namesOf.set(client, { generation: names.generation + 1, byText: new Map() });
}

function wrap(client: pg.PoolClient): PostgresPoolClient {
  const known = wrappers.get(client);
  if (known) return known;
  const send = <R>(text: string, values: unknown[]) => {
    const name = nameFor(client, text);
    return client.query(name === undefined ? { text, values } : { name, text, values }) as Promise<
      pg.QueryResult & PostgresQueryResult<R>
    >;
  };
  const query = async <R>(text: string, parameters: ReadonlyArray<unknown>) => {
    const values = [...parameters];
    try {
      return await send<R>(text, values);
    } catch (error) {
      if (!isStaleStatement(error)) throw error;
      forgetNames(client);
      if (client.getTransactionStatus() !== 'I') throw error;
      return send<R>(text, values);
    }
  };
  const wrapper = {
    query: (textOrCursor: string | PostgresCursor<unknown>, parameters?: ReadonlyArray<unknown>) =>
      typeof textOrCursor === 'string'
        ? query(textOrCursor, parameters ?? [])
        : // A cursor (Kysely's stream) goes to pg as it is.
          (client.query(textOrCursor as never) as unknown),
    release: () => client.release(),
  } as PostgresPoolClient;
  wrappers.set(client, wrapper);
  return wrapper;
}

/** The pool Kysely is given on a server: pg's pool, whose connections name their statements. */
export function namedStatementsPool(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
  };
}
