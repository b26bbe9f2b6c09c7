// When to try a Graph write again: capped exponential back-off with jitter, never sooner than the
// server's Retry-After.
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

/** Statuses worth another attempt: no answer, throttled, or a server-side hiccup. */
export function isRetryable(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

// A misbehaving Retry-After must not park a write for days.
const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

export function retryDelayMs(
  attempt: number,
  retryAfter: string | null,
  opts: BackoffOptions,
  random: () => number = Math.random,
  now: number = Date.now(),
): number {
  const exponential = Math.min(opts.capMs, opts.baseMs * 2 ** Math.max(0, attempt - 1));
  // "Equal jitter": at least half the step, so workers that failed together spread out.
  const jittered = exponential / 2 + random() * (exponential / 2);
  const serverAsked = parseRetryAfter(retryAfter, now);
  return Math.round(serverAsked === null ? jittered : Math.max(Math.min(serverAsked, MAX_RETRY_AFTER_MS), jittered));
}
