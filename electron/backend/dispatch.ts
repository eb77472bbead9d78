import {
  contract,
  isCommandName,
  prepareCommand,
  type CommandName,
  type CommandOutput,
  type ParsedInput,
} from '../../shared/api/contract';
import { AppError, type Envelope } from '../../shared/api/envelope';
import { forbiddenTextIssues } from '../../shared/domain/safe-text';
import { uniqueViolationError } from './db/unique-error';

export type Handlers = {
  [K in CommandName]: (input: ParsedInput<K>) => Promise<CommandOutput<K>> | CommandOutput<K>;
};

export type Dispatch = (name: string, input: unknown) => Promise<Envelope<unknown>>;

/**
 * zod compiles an object schema into a fast parser (with `new Function`) the first time it parses
 * with it: ~1 ms a schema, which a command parsed once or twice never earns back (a start's first
 * answer paid ~2 ms of it). A schema is parsed without that compilation until it has been parsed
 * this many times; a list scrolled page by page gets the compiled parser from then on.
 */
const PARSES_BEFORE_COMPILING = 2;
const parseCounts = new WeakMap<object, number>();

function parseOptions(schema: object): { jitless: true } | undefined {
  const count = parseCounts.get(schema) ?? 0;
  if (count >= PARSES_BEFORE_COMPILING) return undefined;
  parseCounts.set(schema, count + 1);
  return { jitless: true };
}

export interface DispatchLogger {
  error: (message: string) => void;
}

/**
 * The single entry point of the backend: checks the command name against the contract, validates the
 * input, runs the handler, validates the output, and always answers with an envelope (never throws),
 * so every transport carries errors the same way. Inputs are never logged: they hold passport data.
 */
export function createDispatch(
  handlers: Handlers,
  logger: DispatchLogger,
  /** Turns an error the handler did not expect into the one to answer with (a damaged page: READ_ONLY). */
  translate: (error: unknown) => unknown = (error) => error,
): Dispatch {
  return async (name, rawInput) => {
    if (!isCommandName(name)) {
      return {
        ok: false,
        error: { code: 'UNKNOWN_COMMAND', message: `unknown command: ${String(name).slice(0, 80)}` },
      };
    }
    const loading = prepareCommand(name);
    if (loading) {
      try {
        await loading;
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        logger.error(`command ${name}: its definitions did not load: ${detail}`);
        return { ok: false, error: { code: 'INTERNAL', message: `command ${name} failed` } };
      }
    }
    const spec = contract[name];
    const parsed = spec.input.safeParse(rawInput ?? {}, parseOptions(spec.input));
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => i.path.join('.') || '(input)').join(', ');
      return { ok: false, error: { code: 'BAD_INPUT', message: `invalid input for ${name}: ${fields}` } };
    }
    const forbidden = forbiddenTextIssues(spec.input, parsed.data);
    if (forbidden.length > 0) {
      return {
        ok: false,
        error: { code: 'VALIDATION', message: `forbidden characters in ${name}`, issues: forbidden },
      };
    }
    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown> | unknown;
      const value = spec.output.parse(await handler(parsed.data), parseOptions(spec.output));
      return { ok: true, value };
    } catch (thrown) {
      const error = translate(thrown);
      const known = error instanceof AppError ? error : uniqueViolationError(error);
      if (known) {
        return {
          ok: false,
          error: {
            code: known.code,
            message: known.message,
            ...(known.issues ? { issues: known.issues } : {}),
            ...(known.detail ? { reason: known.detail.reason } : {}),
            ...(known.detail?.params ? { params: known.detail.params } : {}),
          },
        };
      }
      const detail =
        error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
      logger.error(`command ${name} failed: ${detail}`);
      return { ok: false, error: { code: 'INTERNAL', message: `command ${name} failed` } };
    }
  };
}
