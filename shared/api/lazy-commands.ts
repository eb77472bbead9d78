import type { z } from 'zod';

export interface CommandSpec {
  input: z.ZodType;
  output: z.ZodType;
}

/** Each command's schemas, made by a function called the first time the command is asked for. */
export type CommandDefinitions = Record<string, () => CommandSpec>;

export type Commands<D extends CommandDefinitions> = { readonly [K in keyof D]: ReturnType<D[K]> };

/**
 * The contract with each command's schemas built on first use (issue 17: fast start). Building all of
 * them at load was a tenth of launch to the first answer, for commands a start mostly never runs.
 * A command's schemas are built once; afterwards the property is a plain value.
 */
export function lazyCommands<D extends CommandDefinitions>(definitions: D): Commands<D> {
  const commands = {} as Commands<D>;
  for (const name of Object.keys(definitions)) {
    Object.defineProperty(commands, name, {
      enumerable: true,
      configurable: true,
      get() {
        const spec = definitions[name]!();
        Object.defineProperty(commands, name, { value: spec, enumerable: true, writable: false });
        return spec;
      },
    });
  }
  return commands;
}
