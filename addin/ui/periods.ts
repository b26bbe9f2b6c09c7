// An aging period's name in the display language, from its days (the server's label is English):
// "Current", "1–30", "Over 120", or "Up to 10" when the first period reaches past the due date.
import type { Translate } from '../i18n';

export interface PeriodDays {
  label: string;
  fromDays: number | null;
  toDays: number | null;
}

export function periodLabel(t: Translate, p: PeriodDays): string {
  if (p.fromDays === null) {
    if (p.toDays === 0) return t('common.period.current');
    return p.toDays === null ? p.label : t('common.period.upTo', { days: p.toDays });
  }
  if (p.toDays === null) return t('common.period.over', { days: p.fromDays - 1 });
  return t('common.period.range', { from: p.fromDays, to: p.toDays });
}
