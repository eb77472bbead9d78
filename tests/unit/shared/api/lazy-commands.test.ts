import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COMMAND_NAMES, contract, isCommandName, prepareCommand } from '../../../../shared/api/contract';
import { LOYALTY_COMMAND_NAMES } from '../../../../shared/api/loyalty-command-names';
import { lazyCommands, type Commands } from '../../../../shared/api/lazy-commands';

describe('the contract builds a command’s schemas on first use (issue 17: fast start)', () => {
  it('calls a definition only when its command is first asked for, and once', () => {
    const calls: string[] = [];
    const definitions = {
      'a.one': () => {
        calls.push('a.one');
        return { input: z.object({}), output: z.string() };
      },
      'a.two': () => {
        calls.push('a.two');
        return { input: z.object({ n: z.number() }), output: z.number() };
      },
    };
    const { commands } = lazyCommands<Commands<typeof definitions>>(definitions);
    expect(Object.keys(commands)).toEqual(['a.one', 'a.two']);
    expect(calls).toEqual([]);
    const first = commands['a.two'];
    expect(commands['a.two']).toBe(first);
    expect(calls).toEqual(['a.two']);
    expect(first.input.parse({ n: 2 })).toEqual({ n: 2 });
    expect(Object.prototype.hasOwnProperty.call(commands, 'a.one')).toBe(true);
    expect(calls).toEqual(['a.two']);
  });

  it('loads a group by its first command, once, and tries a failed load again', async () => {
    let loads = 0;
    let fail = true;
    const group = {
      names: ['g.one', 'g.two'],
      load: () => {
        loads++;
        if (fail) return Promise.reject(new Error('disk'));
        return Promise.resolve({
          'g.one': () => ({ input: z.object({}), output: z.literal('one') }),
          'g.two': () => ({ input: z.object({}), output: z.literal('two') }),
        });
      },
    };
    const { commands, prepare } = lazyCommands<Record<string, { output: z.ZodType }>>({}, [group]);
    expect(Object.keys(commands)).toEqual(['g.one', 'g.two']);
    expect(() => commands['g.one']).toThrow(/not loaded/);
    await expect(prepare('g.one')).rejects.toThrow('disk');
    fail = false;
    await Promise.all([prepare('g.one'), prepare('g.two')]);
    expect(loads).toBe(2);
    expect(prepare('g.two')).toBeUndefined();
    expect(commands['g.two']!.output.parse('two')).toBe('two');
    expect(prepare('not.grouped')).toBeUndefined();
  });

  it('answers every command name with its input and output schemas', async () => {
    for (const name of LOYALTY_COMMAND_NAMES) await prepareCommand(name);
    for (const name of COMMAND_NAMES) {
      expect(isCommandName(name)).toBe(true);
      expect(prepareCommand(name)).toBeUndefined();
      const spec = contract[name];
      expect(spec.input).toBeInstanceOf(z.ZodType);
      expect(spec.output).toBeInstanceOf(z.ZodType);
    }
    expect(Object.keys(contract).sort()).toEqual([...COMMAND_NAMES].sort());
    expect(isCommandName('toString')).toBe(false);
  });
});
