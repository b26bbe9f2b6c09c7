// The words of the interest section: why an item earns nothing, and a rate as people read it.
import type { InterestProposalsResponse } from '../../../server/http/schemas/interest';

type Reason = InterestProposalsResponse['items'][number]['skipped'][number]['reason'];

export const SKIP_REASONS: Record<Reason, string> = {
  held: 'on hold',
  disputed: 'disputed',
  in_grace: 'within the grace days',
  already_charged: 'already charged to this date',
  below_minimum: 'under the minimum charge',
};

/** 150 basis points a month → '1.50 % a month' (string arithmetic, no float). */
export function rateText(rateBp: number, period: 'month' | 'year'): string {
  return `${Math.floor(rateBp / 100)}.${String(rateBp % 100).padStart(2, '0')} % a ${period}`;
}

/** '1.5' (per cent) → 150 basis points; null when not a percentage with at most two decimals. */
export function parseRate(text: string): number | null {
  const match = /^\s*(\d{1,4})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= 100_000 ? bp : null;
}
