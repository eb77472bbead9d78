import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COMMAND_NAMES, contract, isCommandName } from '../../../../shared/api/contract';
import { lazyCommands } from '../../../../shared/api/lazy-commands';

describe('the contract builds a command’s schemas on first use (issue 17: fast start)', () => {
  it('calls a definition only when its command is first asked for, and once', () => {
    const calls: string[] = [];
    const commands = lazyCommands({
      'a.one': () => {
        calls.push('a.one');
        return { input: z.object({}), output: z.string() };
      },
      'a.two': () => {
        calls.push('a.two');
        return { input: z.object({ n: z.number() }), output: z.number() };
      },
    });
    expect(Object.keys(commands)).toEqual(['a.one', 'a.two']);
    expect(calls).toEqual([]);
    const first = commands['a.two'];
    expect(commands['a.two']).toBe(first);
    expect(calls).toEqual(['a.two']);
    expect(first.input.parse({ n: 2 })).toEqual({ n: 2 });
    expect(Object.prototype.hasOwnProperty.call(commands, 'a.one')).toBe(true);
    expect(calls).toEqual(['a.two']);
  });

  it('answers every command name with its input and output schemas', () => {
    for (const name of COMMAND_NAMES) {
      expect(isCommandName(name)).toBe(true);
      const spec = contract[name];
      expect(spec.input).toBeInstanceOf(z.ZodType);
      expect(spec.output).toBeInstanceOf(z.ZodType);
    }
    expect(Object.keys(contract).sort()).toEqual([...COMMAND_NAMES].sort());
    expect(isCommandName('toString')).toBe(false);
  });
});
