// Putting on hold and lifting, without React: from the dialog's form the request to send and the
// effect to show before anything is saved (a whole customer when no transaction is named).
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import type { ApiClient } from '../../api/client';
import { translate } from '../../i18n';
import { formatDate } from '../../ui/format';

export interface HoldForm {
  reason: string;
  /** 'YYYY-MM-DD' or '' for until lifted. */
  until: string;
}

export type BuiltHold =
  | { ok: true; effect: string[]; run: (api: ApiClient, customerId: string, key: string) => Promise<unknown> }
  | { ok: false; errors: Partial<Record<keyof HoldForm, string>> };

/** `items` empty: the whole customer (`customerName`). */
export function buildHold(form: HoldForm, items: readonly TransactionItem[], customerName: string, today: string, locale: string): BuiltHold {
  const errors: Partial<Record<keyof HoldForm, string>> = {};
  const reason = form.reason.trim();
  if (!reason) errors.reason = translate(locale, 'transactions.hold.error.reason');
  if (form.until && form.until < today) errors.until = translate(locale, 'transactions.hold.error.until');
  if (Object.keys(errors).length) return { ok: false, errors };
  const onHold = (target: string) =>
    form.until
      ? translate(locale, 'transactions.hold.effect.onHoldUntil', { target, date: formatDate(form.until, locale) })
      : translate(locale, 'transactions.hold.effect.onHoldUntilLifted', { target });
  const targets = items.length === 0 ? [onHold(customerName)] : items.map((t) => onHold(t.document));
  return {
    ok: true,
    effect: [...targets, translate(locale, 'transactions.hold.effect.consequence')],
    run: (api, customerId, key) =>
      api.putOnHold(customerId, { ...(items.length > 0 ? { transactionIds: items.map((t) => t.id) } : {}), reason, until: form.until || null }, key),
  };
}

/** The holds in force on the selection (each lifted once). */
export function heldAmong(items: readonly TransactionItem[]): Array<NonNullable<TransactionItem['hold']>> {
  return items.flatMap((t) => (t.hold ? [t.hold] : []));
}
