// The actions on selected transactions, without React: which ones the selection allows, and from
// the dialog's form the request to send and the effect to show before anything is saved.
import type { ChangeStatusRequest } from '../../../server/http/schemas/actions';
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import type { ApiClient } from '../../api/client';
import { translate } from '../../i18n';
import { formatMoney, fractionDigits } from '../../ui/format';
import { parseAmount } from '../activities/amount';

export type ActionKind = 'status' | 'write_off' | 'settle' | 'nsf';

/** The catalog key of an action's name (its dialog title, and its menu item with '…'). */
export const actionLabelKey = (kind: ActionKind) => `transactions.action.label.${kind}` as const;

const isOpenDebit = (t: TransactionItem) => t.amount > 0 && t.open > 0;

/** What the selection allows: status and write-off on open debits, settle with open credits, NSF on one payment. */
export function allowedActions(selected: readonly TransactionItem[]): Record<ActionKind, boolean> {
  return {
    status: selected.length > 0 && selected.every(isOpenDebit),
    write_off: selected.length > 0 && selected.every(isOpenDebit),
    settle: selected.length > 0 && selected.every((t) => t.amount < 0 && t.open < 0),
    nsf: selected.length === 1 && selected[0]!.kind === 'payment',
  };
}

export interface ActionForm {
  status: ChangeStatusRequest['status'];
  date: string;
  /** Amount typed per transaction id (promise or write-off), in the display language's notation. */
  amounts: Record<string, string>;
  reasonCode: string;
  note: string;
  /** NSF: also post the configured NSF fee in the payment's currency. */
  chargeFee: boolean;
}

/** The NSF fee returning this payment may charge (minor units), or null when none is configured in its currency. */
export const nsfFeeOf = (payment: TransactionItem | undefined): number | null => (typeof payment?.nsfFee === 'number' ? payment.nsfFee : null);

export type BuiltAction =
  | { ok: true; effect: string[]; run: (api: ApiClient, customerId: string, key: string) => Promise<unknown> }
  | { ok: false; errors: Record<string, string> };

const versionsOf = (items: readonly TransactionItem[]) => Object.fromEntries(items.map((t) => [t.id, t.version]));

function amounts(form: ActionForm, items: readonly TransactionItem[], locale: string): { minor: Map<string, number>; errors: Record<string, string> } {
  const minor = new Map<string, number>();
  const errors: Record<string, string> = {};
  for (const t of items) {
    const parsed = parseAmount(form.amounts[t.id] ?? '', fractionDigits(t.currency), locale);
    if (!parsed.ok) errors[t.id] = parsed.message;
    else if (parsed.minor <= 0n || Number(parsed.minor) > t.open) errors[t.id] = translate(locale, 'transactions.action.error.amountRange', { amount: formatMoney(t.open, t.currency, locale) });
    else minor.set(t.id, Number(parsed.minor));
  }
  return { minor, errors };
}

export function buildAction(kind: ActionKind, form: ActionForm, items: readonly TransactionItem[], locale: string): BuiltAction {
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  const note = form.note.trim() || null;
  if (kind === 'status') {
    const base = { transactionIds: items.map((t) => t.id), versions: versionsOf(items), status: form.status, note };
    if (form.status === 'promise_to_pay') {
      const { minor, errors } = amounts(form, items, locale);
      if (!form.date) errors.date = translate(locale, 'transactions.action.error.promiseDate');
      if (Object.keys(errors).length) return { ok: false, errors };
      const promise = { date: form.date, items: items.map((t) => ({ transactionId: t.id, amount: minor.get(t.id)!, currency: t.currency })) };
      return {
        ok: true,
        effect: items.map((t) => translate(locale, 'transactions.action.effect.promise', { document: t.document, amount: money(minor.get(t.id)!, t.currency), date: form.date })),
        run: (api, id, key) => api.changeStatus(id, { ...base, promise }, key),
      };
    }
    if (form.status === 'disputed' && !form.reasonCode) return { ok: false, errors: { reasonCode: translate(locale, 'transactions.action.error.reason') } };
    const label =
      form.status === 'disputed'
        ? translate(locale, 'transactions.action.effect.disputed', { reason: form.reasonCode })
        : translate(locale, form.status === 'resolved' ? 'transactions.action.effect.resolved' : 'transactions.action.effect.none');
    return {
      ok: true,
      effect: items.map((t) => translate(locale, 'transactions.action.effect.status', { document: t.document, status: label })),
      run: (api, id, key) => api.changeStatus(id, { ...base, ...(form.status === 'disputed' ? { dispute: { reasonCode: form.reasonCode } } : {}) }, key),
    };
  }
  if (kind === 'write_off') {
    const { minor, errors } = amounts(form, items, locale);
    if (!form.reasonCode) errors.reasonCode = translate(locale, 'transactions.action.error.reason');
    if (Object.keys(errors).length) return { ok: false, errors };
    return {
      ok: true,
      effect: items.map((t) =>
        translate(locale, 'transactions.action.effect.writeOff', {
          document: t.document,
          amount: money(minor.get(t.id)!, t.currency),
          open: money(t.open, t.currency),
          after: money(t.open - minor.get(t.id)!, t.currency),
        }),
      ),
      run: (api, id, key) =>
        api.writeOff(id, { items: items.map((t) => ({ transactionId: t.id, amount: minor.get(t.id)! })), reasonCode: form.reasonCode, note, versions: versionsOf(items) }, key),
    };
  }
  if (kind === 'settle') {
    return {
      ok: true,
      effect: items.map((t) => translate(locale, 'transactions.action.effect.settle', { document: t.document, amount: money(-t.open, t.currency), currency: t.currency })),
      run: (api, id, key) => api.settle(id, { mode: 'oldest_first', creditIds: items.map((t) => t.id), versions: versionsOf(items) }, key),
    };
  }
  const payment = items[0]!;
  if (!form.date) return { ok: false, errors: { date: translate(locale, 'transactions.action.error.returnedDate') } };
  const fee = form.chargeFee ? nsfFeeOf(payment) : null;
  return {
    ok: true,
    effect: [
      translate(locale, 'transactions.action.effect.nsf', { document: payment.document, date: form.date }),
      ...(fee === null ? [] : [translate(locale, 'transactions.action.effect.nsfFee', { amount: money(fee, payment.currency), date: form.date })]),
    ],
    run: (api, _id, key) => api.nsf(payment.id, { date: form.date, version: payment.version, note, chargeFee: fee !== null }, key),
  };
}
