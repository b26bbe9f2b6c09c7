// Settling by explicit pairs, without React: the rows the agent edits (a credit, a debit of its
// currency, an amount), their first proposal (each credit against its oldest open debits), and
// from them the request and the effect shown before anything is saved, or the errors per row.
import type { SettleRequest } from '../../../server/http/schemas/money-actions';
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import { translate } from '../../i18n';
import { formatMoney, fractionDigits, minorToDecimal } from '../../ui/format';
import { parseAmount, separators } from '../activities/amount';

export interface PairRow {
  key: string;
  creditId: string;
  debitId: string;
  /** As typed, in the display language's notation. */
  amount: string;
}

export const openDebits = (items: readonly TransactionItem[]) => items.filter((t) => t.amount > 0 && t.open > 0);

const byDue = (a: TransactionItem, b: TransactionItem) => ((a.dueDate ?? a.postingDate) < (b.dueDate ?? b.postingDate) ? -1 : (a.dueDate ?? a.postingDate) > (b.dueDate ?? b.postingDate) ? 1 : a.document < b.document ? -1 : 1);

/** Each credit against the oldest open debits of its currency until it or they run out (amounts in the locale's notation). */
export function proposePairs(credits: readonly TransactionItem[], debits: readonly TransactionItem[], locale: string): PairRow[] {
  const { decimal } = separators(locale);
  const left = new Map(debits.map((d) => [d.id, d.open]));
  const rows: PairRow[] = [];
  for (const credit of credits) {
    let remaining = -credit.open;
    for (const debit of [...debits].filter((d) => d.currency === credit.currency).sort(byDue)) {
      const amount = Math.min(remaining, left.get(debit.id) ?? 0);
      if (amount <= 0) continue;
      rows.push({ key: `${credit.id}:${debit.id}`, creditId: credit.id, debitId: debit.id, amount: minorToDecimal(amount, fractionDigits(credit.currency)).replace('.', decimal) });
      left.set(debit.id, (left.get(debit.id) ?? 0) - amount);
      remaining -= amount;
      if (remaining === 0) break;
    }
    if (remaining === -credit.open) rows.push({ key: `${credit.id}:new`, creditId: credit.id, debitId: '', amount: '' });
  }
  return rows;
}

export type BuiltPairs =
  | { ok: true; body: SettleRequest; effect: string[] }
  | { ok: false; errors: Record<string, string> };

export function buildPairs(rows: readonly PairRow[], credits: readonly TransactionItem[], debits: readonly TransactionItem[], locale: string): BuiltPairs {
  const errors: Record<string, string> = {};
  const used = new Map<string, number>();
  const pairs: Array<{ debitId: string; creditId: string; amount: number }> = [];
  const effect: string[] = [];
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  for (const row of rows) {
    const credit = credits.find((c) => c.id === row.creditId);
    const debit = debits.find((d) => d.id === row.debitId);
    if (!credit) continue;
    if (!debit) {
      errors[row.key] = translate(locale, 'settlements.pairs.error.debit');
      continue;
    }
    if (debit.currency !== credit.currency) {
      errors[row.key] = translate(locale, 'settlements.pairs.error.currency', { debit: debit.document, debitCurrency: debit.currency, credit: credit.document, creditCurrency: credit.currency });
      continue;
    }
    const parsed = parseAmount(row.amount, fractionDigits(credit.currency), locale);
    if (!parsed.ok) {
      errors[row.key] = parsed.message;
      continue;
    }
    const amount = Number(parsed.minor);
    const creditUsed = (used.get(credit.id) ?? 0) + amount;
    const debitUsed = (used.get(debit.id) ?? 0) + amount;
    if (amount <= 0) errors[row.key] = translate(locale, 'settlements.pairs.error.positive');
    else if (creditUsed > -credit.open) errors[row.key] = translate(locale, 'settlements.pairs.error.moreThanOpen', { document: credit.document, amount: money(-credit.open, credit.currency) });
    else if (debitUsed > debit.open) errors[row.key] = translate(locale, 'settlements.pairs.error.moreThanOpen', { document: debit.document, amount: money(debit.open, debit.currency) });
    if (errors[row.key]) continue;
    used.set(credit.id, creditUsed);
    used.set(debit.id, debitUsed);
    pairs.push({ debitId: debit.id, creditId: credit.id, amount });
    effect.push(translate(locale, 'settlements.pairs.effect.settles', { credit: credit.document, amount: money(amount, credit.currency), debit: debit.document }));
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (pairs.length === 0) return { ok: false, errors: { form: translate(locale, 'settlements.pairs.error.none') } };
  for (const item of [...credits, ...debits]) {
    const settled = used.get(item.id);
    if (settled === undefined) continue;
    const open = Math.abs(item.open);
    effect.push(translate(locale, 'settlements.pairs.effect.open', { document: item.document, open: money(open, item.currency), after: money(open - settled, item.currency) }));
  }
  const involved = [...credits, ...debits].filter((t) => used.has(t.id));
  return { ok: true, body: { pairs, versions: Object.fromEntries(involved.map((t) => [t.id, t.version])) }, effect };
}
