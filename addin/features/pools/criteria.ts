// A pool's criteria as the editor's form holds them (text the manager types) and back. Amounts are
// parsed into integer minor units by string arithmetic (never a float); empty fields drop the key.
import { translate } from '../../i18n';
import { parseAmount } from '../activities/amount';
import { fractionDigits, minorToDecimal } from '../../ui/format';
import type { Criteria } from '../worklist/types';

export const LIST_KEYS = ['salesArea', 'customerGroup', 'paymentTerms', 'currency', 'creditRating', 'agentId'] as const;
export const MONEY_KEYS = ['overdue', 'balance'] as const;
export const DAY_KEYS = ['oldestOverdueDays', 'daysSinceLastActivity'] as const;
type ListKey = (typeof LIST_KEYS)[number];
type RangeKey = (typeof MONEY_KEYS)[number] | (typeof DAY_KEYS)[number];

export interface CriteriaForm {
  lists: Record<ListKey, string>;
  accountStatus: string[];
  collectionStatus: string[];
  ranges: Record<RangeKey, { min: string; max: string }>;
  onHold: 'any' | 'yes' | 'no';
}

export type FormResult = { ok: true; criteria: Criteria } | { ok: false; field: string; message: string };

const blankRange = () => ({ min: '', max: '' });

export function formOf(criteria: Criteria, currency: string): CriteriaForm {
  const digits = fractionDigits(currency);
  const lists = Object.fromEntries(LIST_KEYS.map((k) => [k, (criteria[k] ?? []).join(', ')])) as Record<ListKey, string>;
  const ranges = {} as CriteriaForm['ranges'];
  for (const k of [...MONEY_KEYS, ...DAY_KEYS]) {
    const r = criteria[k];
    const show = (v: number | undefined) => (v === undefined ? '' : (MONEY_KEYS as readonly string[]).includes(k) ? minorToDecimal(v, digits) : String(v));
    ranges[k] = r ? { min: show(r.min), max: show(r.max) } : blankRange();
  }
  return {
    lists,
    accountStatus: [...(criteria.accountStatus ?? [])],
    collectionStatus: [...(criteria.collectionStatus ?? [])],
    ranges,
    onHold: criteria.onHold === undefined ? 'any' : criteria.onHold ? 'yes' : 'no',
  };
}

export function criteriaOf(form: CriteriaForm, currency: string, locale: string): FormResult {
  const out: Record<string, unknown> = {};
  for (const k of LIST_KEYS) {
    const values = form.lists[k].split(',').map((v) => v.trim()).filter(Boolean);
    if (values.length > 0) out[k] = k === 'currency' ? values.map((v) => v.toUpperCase()) : values;
  }
  if (form.accountStatus.length > 0) out.accountStatus = form.accountStatus;
  if (form.collectionStatus.length > 0) out.collectionStatus = form.collectionStatus;
  for (const k of [...MONEY_KEYS, ...DAY_KEYS]) {
    const range: { min?: number; max?: number } = {};
    for (const bound of ['min', 'max'] as const) {
      const text = form.ranges[k][bound].trim();
      if (!text) continue;
      if ((MONEY_KEYS as readonly string[]).includes(k)) {
        const parsed = parseAmount(text, fractionDigits(currency), locale);
        if (!parsed.ok) return { ok: false, field: `${k}.${bound}`, message: parsed.message };
        range[bound] = Number(parsed.minor);
      } else {
        if (!/^\d{1,5}$/.test(text)) return { ok: false, field: `${k}.${bound}`, message: translate(locale, 'worklist.pools.wholeDays') };
        range[bound] = Number(text);
      }
    }
    if (range.min !== undefined && range.max !== undefined && range.min > range.max) {
      return { ok: false, field: `${k}.max`, message: translate(locale, 'worklist.pools.boundsReversed') };
    }
    if (Object.keys(range).length > 0) out[k] = range;
  }
  if (form.onHold !== 'any') out.onHold = form.onHold === 'yes';
  return { ok: true, criteria: out as Criteria };
}
