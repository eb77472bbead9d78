import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/api/envelope';
import { retryingBusy, type Transport } from '../../../renderer/src/api/busy-retry';
import { withIdempotencyKey, type Attempt } from '../../../renderer/src/api/idempotency';

const busy: Envelope<unknown> = { ok: false, error: { code: 'BUSY', message: 'busy' } };

/** A transport that gives the listed answers in turn and records what it was sent. */
function scripted(answers: Envelope<unknown>[]) {
  const sent: string[] = [];
  const transport: Transport = async (name) => {
    sent.push(name);
    return answers[Math.min(sent.length - 1, answers.length - 1)]!;
  };
  return { sent, transport };
}

describe('a BUSY answer', () => {
  it('is retried after growing pauses until the base is free', async () => {
    const { sent, transport } = scripted([busy, busy, { ok: true, value: 7 }]);
    const pauses: number[] = [];
    const call = retryingBusy(transport, [100, 300, 900], async (ms) => void pauses.push(ms));
    expect(await call('clients.save', {})).toEqual({ ok: true, value: 7 });
    expect(sent).toEqual(['clients.save', 'clients.save', 'clients.save']);
    expect(pauses).toEqual([100, 300]);
  });

  it('is shown after the last retry, and other errors are never retried', async () => {
    const always = scripted([busy]);
    const pauses: number[] = [];
    const call = retryingBusy(always.transport, [100, 300], async (ms) => void pauses.push(ms));
    expect(await call('clients.save', {})).toEqual(busy);
    expect(always.sent).toHaveLength(3);
    expect(pauses).toEqual([100, 300]);

    const stale: Envelope<unknown> = { ok: false, error: { code: 'STALE_VERSION', message: 'stale' } };
    const once = scripted([stale, { ok: true, value: 1 }]);
    expect(await retryingBusy(once.transport, [100], async () => undefined)('clients.save', {})).toEqual(
      stale,
    );
    expect(once.sent).toHaveLength(1);
  });
});

describe('the import commit key', () => {
  it('is kept while the same rows are sent again and renewed for other rows or after success', () => {
    const last: { current: Attempt | null } = { current: null };
    const first = withIdempotencyKey(last, { tourId: 1, rows: ['a'] });
    const retry = withIdempotencyKey(last, { tourId: 1, rows: ['a'] });
    expect(first.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(retry).toEqual(first);
    const edited = withIdempotencyKey(last, { tourId: 1, rows: ['b'] });
    expect(edited.idempotencyKey).not.toBe(first.idempotencyKey);
    last.current = null;
    expect(withIdempotencyKey(last, { tourId: 1, rows: ['b'] }).idempotencyKey).not.toBe(
      edited.idempotencyKey,
    );
  });
});
