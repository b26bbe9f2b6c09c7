// Settling open credits against open debits (explicit pairs, or each credit against the oldest
// open debits of its currency), and reversing a settlement made here as of a date.
import { conflict, invalidField, unprocessable } from '../errors';
import type { IsoDate } from '../types';
import { moreThanOpen, oldestFirst, openCredit, openDebit, type OpenItem, type PlannedSettlement } from './open-items';

export type SettleCommand =
  | { pairs: Array<{ debitId: string; creditId: string; amount: bigint }> }
  | { mode: 'oldest_first'; creditIds: string[] };

/** Every pair in one currency and within what is open of both sides, counting the pairs before it. */
export function planSettlements(command: SettleCommand, items: ReadonlyMap<string, OpenItem>, date: IsoDate): PlannedSettlement[] {
  const left = new Map([...items.values()].map((item) => [item.id, item.open < 0n ? -item.open : item.open]));
  const take = (item: OpenItem, amount: bigint) => left.set(item.id, left.get(item.id)! - amount);
  if ('pairs' in command) {
    return command.pairs.map((pair, i) => {
      const debit = openDebit(items, pair.debitId, `pairs.${i}.debitId`);
      const credit = openCredit(items, pair.creditId, `pairs.${i}.creditId`);
      if (credit.currency !== debit.currency) {
        throw unprocessable('currency_mismatch', `Field 'pairs.${i}.creditId': ${credit.document} is in ${credit.currency}, ${debit.document} in ${debit.currency}.`, {
          field: `pairs.${i}.creditId`,
        });
      }
      if (pair.amount <= 0n) throw invalidField(`pairs.${i}.amount`, 'must be more than 0');
      for (const side of [debit, credit]) if (pair.amount > left.get(side.id)!) moreThanOpen(`pairs.${i}.amount`, side, left.get(side.id)!);
      take(debit, pair.amount);
      take(credit, pair.amount);
      return { debitId: debit.id, creditId: credit.id, amount: pair.amount, date };
    });
  }
  const debits = [...items.values()].filter((item) => item.open > 0n).sort(oldestFirst);
  const planned: PlannedSettlement[] = [];
  command.creditIds.forEach((id, i) => {
    const credit = openCredit(items, id, `creditIds.${i}`);
    for (const debit of debits.filter((d) => d.currency === credit.currency)) {
      const amount = [left.get(debit.id)!, left.get(credit.id)!].reduce((a, b) => (a < b ? a : b));
      if (amount === 0n) continue;
      take(debit, amount);
      take(credit, amount);
      planned.push({ debitId: debit.id, creditId: credit.id, amount, date });
    }
  });
  if (planned.length === 0) throw unprocessable('nothing_to_settle', "Field 'creditIds': no open debit in the credits' currencies to settle.", { field: 'creditIds' });
  return planned;
}

export interface StoredSettlement {
  id: string;
  debitId: string;
  creditId: string;
  amount: bigint;
  settledOn: IsoDate;
  createdBy: string | null;
  reversalOf: string | null;
  reversedOn: IsoDate | null;
}

/**
 * How a settlement made here is reversed on `date`: the same day removes it (it never took effect
 * on any earlier date); a later day adds the opposite settlement on that date, so every picture as
 * of an earlier date is unchanged.
 */
export function planReversal(settlement: StoredSettlement, date: IsoDate, today: IsoDate): 'remove' | PlannedSettlement {
  if (settlement.createdBy === null || settlement.reversalOf !== null) {
    throw unprocessable('not_reversible', 'Only a settlement made in this product can be reversed here; the ERP reverses its own.', { id: settlement.id });
  }
  if (settlement.reversedOn !== null) throw conflict('already_reversed', `The settlement was already reversed on ${settlement.reversedOn}.`, { id: settlement.id, reversedOn: settlement.reversedOn });
  if (date < settlement.settledOn) throw invalidField('date', `must be on or after the settlement's date (${settlement.settledOn})`);
  if (date > today) throw invalidField('date', `must not be after today (${today})`);
  if (date === settlement.settledOn) return 'remove';
  return { debitId: settlement.debitId, creditId: settlement.creditId, amount: -settlement.amount, date };
}
