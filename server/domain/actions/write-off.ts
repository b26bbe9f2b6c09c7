// Writing off open debits (or what remains of them): each item becomes a write-off credit that
// settles it. Within the requester's limit (accounting currency) it is posted at once; above it, it
// waits for a manager's approval.
import { forbidden, invalidField } from '../errors';
import { prorate } from '../money';
import type { AgentRole, IsoDate } from '../types';
import { moreThanOpen, openDebit, type NewEntry, type OpenItem } from './open-items';

export const WRITE_OFF_STATUSES = ['pending', 'posted', 'rejected'] as const;
export type WriteOffStatus = (typeof WRITE_OFF_STATUSES)[number];

export interface WriteOffItem {
  transactionId: string;
  amount: bigint;
}

export interface WriteOffLine {
  debit: OpenItem;
  amount: bigint;
  /** The written-off part of the debit in the accounting currency. */
  accounting: bigint;
}

/** Each item an open debit named once, more than 0 and at most what is open of it. */
export function planWriteOff(items: readonly WriteOffItem[], debits: ReadonlyMap<string, OpenItem>): { lines: WriteOffLine[]; totalAccounting: bigint } {
  const ids = items.map((i) => i.transactionId);
  if (new Set(ids).size !== ids.length) throw invalidField('items', 'names a transaction twice');
  const lines = items.map((item, i) => {
    const debit = openDebit(debits, item.transactionId, `items.${i}.transactionId`);
    if (item.amount <= 0n) throw invalidField(`items.${i}.amount`, 'must be more than 0');
    if (item.amount > debit.open) moreThanOpen(`items.${i}.amount`, debit, debit.open);
    return { debit, amount: item.amount, accounting: prorate(debit.amountAccounting, item.amount, debit.amount) };
  });
  return { lines, totalAccounting: lines.reduce((sum, l) => sum + l.accounting, 0n) };
}

/**
 * Post at once or ask a manager. Managers and admins approve write-offs, so theirs are posted;
 * an agent without a limit may not write off at all.
 */
export function writeOffDecision(totalAccounting: bigint, requester: { role: AgentRole; writeOffLimit: bigint | null }): 'post' | 'approve' {
  if (requester.role !== 'agent') return 'post';
  if (requester.writeOffLimit === null) throw forbidden('no_write_off_limit', 'You have no write-off limit: ask a manager to set one or to write this off.');
  return totalAccounting <= requester.writeOffLimit ? 'post' : 'approve';
}

/** The write-off credit of one line, posted on `date`. */
export function writeOffEntry(line: WriteOffLine, date: IsoDate): NewEntry {
  return { kind: 'write_off', currency: line.debit.currency, amount: -line.amount, amountAccounting: -line.accounting, postingDate: date };
}
