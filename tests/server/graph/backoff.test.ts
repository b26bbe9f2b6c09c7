// Retry timing: capped exponential back-off with jitter, never sooner than Retry-After.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRetryable, parseRetryAfter, retryDelayMs } from '../../../server/graph/backoff';

const opts = { baseMs: 1_000, capMs: 300_000 };

describe('retryDelayMs', () => {
  it('stays between half and all of the capped exponential step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const step = Math.min(opts.capMs, opts.baseMs * 2 ** (attempt - 1));
        const delay = retryDelayMs(attempt, null, opts, () => r);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(step / 2));
        expect(delay).toBeLessThanOrEqual(step);
      }),
    );
  });

  it('never retries sooner than Retry-After asks (seconds or HTTP date)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 3_000 }), (attempt, seconds) => {
        expect(retryDelayMs(attempt, String(seconds), opts, () => 0.5)).toBeGreaterThanOrEqual(seconds * 1000);
      }),
    );
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(parseRetryAfter('Tue, 24 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
  });

  it('retries throttling, outages and lost answers, not refusals', () => {
    expect([0, 408, 429, 500, 503, 504].every(isRetryable)).toBe(true);
    expect([400, 401, 403, 404, 409].some(isRetryable)).toBe(false);
  });
});
