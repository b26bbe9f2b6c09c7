// Whole percentages of the positive amounts that add up to exactly 100 (largest-remainder
// rounding): each share is floored, and the points left over go to the largest remainders.

/** Percent (0–100, integers) of each amount's part of the positive total; zero or negative amounts get 0. */
export function wholePercents(amounts: readonly number[]): number[] {
  const positive = amounts.map((a) => (a > 0 ? BigInt(Math.trunc(a)) : 0n));
  const total = positive.reduce((s, a) => s + a, 0n);
  if (total === 0n) return amounts.map(() => 0);
  // Exact integer arithmetic: amount * 100 / total as quotient and remainder, no float.
  const parts = positive.map((a, i) => ({ i, floor: (a * 100n) / total, rest: (a * 100n) % total }));
  let left = 100n - parts.reduce((s, p) => s + p.floor, 0n);
  const byRest = [...parts].sort((x, y) => (y.rest > x.rest ? 1 : y.rest < x.rest ? -1 : x.i - y.i));
  for (const p of byRest) {
    if (left === 0n) break;
    if (p.rest === 0n) continue;
    p.floor += 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p.floor));
}
