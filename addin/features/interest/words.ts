// The words of the interest section: why an item earns nothing, and a rate as people read it.
import type { InterestProposalsResponse } from '../../../server/http/schemas/interest';
import { translate } from '../../i18n';

type Reason = InterestProposalsResponse['items'][number]['skipped'][number]['reason'];

/** Why an item earns nothing, in the locale: 'disputed', 'within the grace days'… */
export function skipReasonText(reason: Reason, locale: string): string {
  return translate(locale, `interest.skip.${reason}`);
}

/** 150 basis points a month → '1.50 % a month' (string arithmetic, no float), in the locale. */
export function rateText(rateBp: number, period: 'month' | 'year', locale: string): string {
  return translate(locale, `interest.rate.${period}`, { whole: String(Math.floor(rateBp / 100)), fraction: String(rateBp % 100).padStart(2, '0') });
}

/** '1.5' (per cent) → 150 basis points; null when not a percentage with at most two decimals. */
export function parseRate(text: string): number | null {
  const match = /^\s*(\d{1,4})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= 100_000 ? bp : null;
}
