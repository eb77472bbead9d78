import type { z } from 'zod';

export interface CommandSpec {
  input: z.ZodType;
  output: z.ZodType;
}

/** Each command's schemas, made by a function called the first time the command is asked for. */
export type CommandDefinitions = Record<string, () => CommandSpec>;

export type Commands<D extends CommandDefinitions> = { readonly [K in keyof D]: ReturnType<D[K]> };

/**
 * Commands whose definitions live in a module of their own, loaded by the first of them asked for:
 * the module's shared schemas (and the repositories behind its handlers) are then not built at start.
 */
export interface CommandGroup {
  names: readonly string[];
  load: () => Promise<CommandDefinitions>;
}

export interface LazyCommands<C> {
  commands: C;
  /**
   * Loads the group of a command whose definitions are not loaded yet; undefined when there is
   * nothing to wait for (most calls), so that the caller awaits only a group's first command.
   */
  prepare: (name: string) => Promise<void> | undefined;
}

/**
 * `load` run by the first call and its promise shared by every call after it; a load that failed is
 * run again by the next call (a module that could not be read may be readable the next time).
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}

/**
 * The contract with each command's schemas built on first use (issue 17: fast start). Building all of
 * them at load was a tenth of launch to the first answer, for commands a start mostly never runs.
 * A command's schemas are built once; afterwards the property is a plain value. A grouped command's
 * property is there from the start too, but reading it before `prepare` has loaded its group throws.
 */
export function lazyCommands<C>(
  definitions: CommandDefinitions,
  groups: readonly CommandGroup[] = [],
): LazyCommands<C> {
  const commands = {} as Record<string, CommandSpec>;
  const define = (name: string, make: () => CommandSpec) =>
    Object.defineProperty(commands, name, {
      enumerable: true,
      configurable: true,
      get() {
        const spec = make();
        Object.defineProperty(commands, name, { value: spec, enumerable: true, writable: false });
        return spec;
      },
    });
  for (const [name, make] of Object.entries(definitions)) define(name, make);

  const loaded = new Set<CommandGroup>();
  const loaderOf = new Map<string, { group: CommandGroup; load: () => Promise<void> }>();
  for (const group of groups) {
    const load = loadOnce(async () => {
      const groupDefinitions = await group.load();
      for (const name of group.names) define(name, groupDefinitions[name]!);
      loaded.add(group);
    });
    for (const name of group.names) {
      loaderOf.set(name, { group, load });
      define(name, () => {
        throw new Error(`command ${name}: its group is not loaded yet (prepare it first)`);
      });
    }
  }
  const prepare = (name: string): Promise<void> | undefined => {
    const loader = loaderOf.get(name);
    return !loader || loaded.has(loader.group) ? undefined : loader.load();
  };
  return { commands: commands as C, prepare };
}
