import { afterEach, describe, expect, it, vi } from 'vitest';
import { BootAnswer } from '../../../renderer/src/boot/boot-answer';

afterEach(() => {
  vi.useRealTimers();
});

describe('an answer the boot asked for before its screen exists', () => {
  it('is there once it has come, and only while fresh (10 s)', async () => {
    vi.useFakeTimers();
    let resolve: (value: string) => void = () => undefined;
    const boot = new BootAnswer(() => new Promise<string>((r) => (resolve = r)));
    expect(boot.value()).toBeUndefined();
    resolve('page');
    await boot.answer;
    expect(boot.value()).toBe('page');
    vi.advanceTimersByTime(10_000);
    expect(boot.fresh()).toBe(true);
    expect(boot.value()).toBe('page');
    vi.advanceTimersByTime(1);
    expect(boot.fresh()).toBe(false);
    expect(boot.value()).toBeUndefined();
  });

  it('keeps a refusal as null: the screen asks again itself', async () => {
    const boot = new BootAnswer<string>(() => Promise.reject(new Error('signInNeeded')));
    await expect(boot.answer).resolves.toBeNull();
    expect(boot.value()).toBeUndefined();
  });
});
