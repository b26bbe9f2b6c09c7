// Putting on hold and lifting, without React: from the dialog's form the request to send and the
// effect to show before anything is saved (a whole customer when no transaction is named).
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import type { ApiClient } from '../../api/client';
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
  if (!reason) errors.reason = 'Say why collections are held.';
  if (form.until && form.until < today) errors.until = 'Choose today or a later date, or leave it empty to hold until lifted.';
  if (Object.keys(errors).length) return { ok: false, errors };
  const until = form.until ? `until ${formatDate(form.until, locale)}` : 'until lifted';
  const targets = items.length === 0 ? [`${customerName}: on hold ${until}`] : items.map((t) => `${t.document}: on hold ${until}`);
  return {
    ok: true,
    effect: [...targets, 'No collection letters and no interest for what is held; it sinks in the worklist.'],
    run: (api, customerId, key) =>
      api.putOnHold(customerId, { ...(items.length > 0 ? { transactionIds: items.map((t) => t.id) } : {}), reason, until: form.until || null }, key),
  };
}

/** The holds in force on the selection (each lifted once). */
export function heldAmong(items: readonly TransactionItem[]): Array<NonNullable<TransactionItem['hold']>> {
  return items.flatMap((t) => (t.hold ? [t.hold] : []));
}
