// Which collection letter a customer is due as of a date: the next level of its sequence, the
// overdue items it lists and its fee. Pure: the ledger, the levels and the posted letters come in.
import { addDays, daysBetween } from './dates';
import { ledgerAsOf } from './ledger-asof';
import { collectionStatusAsOf } from './statuses';
import type { CollectionStatus, CurrencyCode, IsoDate, LedgerEntry, Money, Settlement } from './types';

export interface LetterLevel {
  level: number;
  name: string;
  /** Level 1: days the oldest item is past due; later levels: days since the previous letter. */
  days: number;
  /** Minimum total of the listed items, in minor units of the accounting currency. */
  minOverdue: bigint;
  /** Fee per currency in that currency's minor units. */
  fees: Readonly<Record<CurrencyCode, bigint>>;
}

/** A letter already posted to the customer in this sequence. */
export interface PostedLetterRef {
  level: number;
  letterDate: IsoDate;
  /** The ledger entries the letter listed. */
  entryIds: readonly string[];
}

export interface LetterLine {
  entryId: string;
  document: string;
  postingDate: IsoDate;
  dueDate: IsoDate;
  currency: CurrencyCode;
  /** Open amount in the transaction currency. */
  open: bigint;
  openAccounting: bigint;
  daysOverdue: number;
  status: CollectionStatus;
}

export interface LetterFee {
  fee: Money;
  /** The same fee in the accounting currency, from the same fee table. */
  accounting: bigint;
}

// The letters' enumerations, one list each: the API schemas' enums (server/http/schemas/letters.ts),
// the types, the pane and the stores read them.

/** 'reply': the pane puts the letter in a reply; 'graph': the server sends it through Graph. */
export const LETTER_DELIVERIES = ['reply', 'graph'] as const;
export type LetterDelivery = (typeof LETTER_DELIVERIES)[number];

/** 'sent' once Graph accepted the mail (or the pane reported the reply sent); 'failed' when Graph refused it. */
export const LETTER_STATUSES = ['posted', 'sent', 'failed'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

export const BATCH_STATUSES = ['running', 'interrupted', 'done'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const BATCH_ITEM_STATES = ['pending', 'posted', 'sent', 'skipped', 'failed'] as const;
export type BatchItemState = (typeof BATCH_ITEM_STATES)[number];

/** Why a customer is due no letter. */
export const NO_LETTER_REASONS = ['excluded', 'no_levels', 'nothing_overdue', 'not_due_yet', 'below_minimum'] as const;
export type NoLetterReason = (typeof NO_LETTER_REASONS)[number];

export type LetterProposal =
  | {
      due: true;
      level: LetterLevel;
      lines: LetterLine[];
      /** Open amount of the lines per currency, sorted by currency. */
      totals: Money[];
      totalAccounting: bigint;
      oldestDaysOverdue: number;
      /** Null when the level's fee is zero or has no amount for the customer's currencies. */
      fee: LetterFee | null;
    }
  | {
      due: false;
      reason: NoLetterReason;
      /** The level that would come next, when there is one. */
      level: LetterLevel | null;
      /** For 'not_due_yet': the first date the level becomes due on today's ledger. */
      dueOn: IsoDate | null;
    };

export interface ProposalInput {
  levels: readonly LetterLevel[];
  entries: readonly LedgerEntry[];
  settlements: readonly Settlement[];
  letters: readonly PostedLetterRef[];
  excluded: boolean;
  /** Transactions on a collections hold on `asOf`: left out like disputed ones. */
  held?: ReadonlySet<string>;
  customerCurrency: CurrencyCode;
  accountingCurrency: CurrencyCode;
  asOf: IsoDate;
}

export class LetterConfigError extends Error {
  override name = 'LetterConfigError';
}

/**
 * Collection statuses that keep an item out of letters: in dispute, or on hold by a promise to pay
 * that has not broken yet (dunning a customer before the date it promised would be premature).
 */
const LEFT_OUT: ReadonlySet<CollectionStatus> = new Set(['disputed', 'promise_to_pay']);

/** The open, past-due debits as of `asOf` that a letter may list, oldest due date first. */
export function overdueLines(entries: readonly LedgerEntry[], settlements: readonly Settlement[], asOf: IsoDate, held: ReadonlySet<string> = new Set()): LetterLine[] {
  const ledger = ledgerAsOf(entries, settlements, asOf, { subset: true });
  const lines: LetterLine[] = [];
  for (const item of ledger.items) {
    const { entry } = item;
    if (!item.isDebit || item.open <= 0n || entry.dueDate === null || entry.dueDate >= asOf) continue;
    if (held.has(entry.id)) continue;
    const status = collectionStatusAsOf(item, asOf);
    if (LEFT_OUT.has(status)) continue;
    lines.push({
      entryId: entry.id,
      document: entry.document,
      postingDate: entry.postingDate,
      dueDate: entry.dueDate,
      currency: entry.currency,
      open: item.open,
      openAccounting: item.openAccounting,
      daysOverdue: daysBetween(entry.dueDate, asOf),
      status,
    });
  }
  return lines.sort((a, b) => b.daysOverdue - a.daysOverdue || (a.document < b.document ? -1 : a.document > b.document ? 1 : 0));
}

/**
 * The level that comes next and the date from which it counts. The sequence starts over at the
 * first level when nothing the last letter listed is still overdue (the customer paid what it was
 * asked for); after the last level, the last level repeats.
 */
function nextStep(
  levels: readonly LetterLevel[],
  letters: readonly PostedLetterRef[],
  stillOverdue: ReadonlySet<string>,
): { level: LetterLevel; since: IsoDate | null } {
  const first = levels[0]!;
  const last = [...letters].sort((a, b) => (a.letterDate < b.letterDate ? -1 : a.letterDate > b.letterDate ? 1 : a.level - b.level)).pop();
  if (!last || !last.entryIds.some((id) => stillOverdue.has(id))) return { level: first, since: null };
  const next = levels.find((l) => l.level > last.level) ?? levels.find((l) => l.level === last.level) ?? levels[levels.length - 1]!;
  return { level: next, since: last.letterDate };
}

/** The fee in the customer's currency when the table has it, else in the accounting currency. */
export function letterFee(level: LetterLevel, customerCurrency: CurrencyCode, accountingCurrency: CurrencyCode): LetterFee | null {
  const currency = level.fees[customerCurrency] !== undefined ? customerCurrency : accountingCurrency;
  const amount = level.fees[currency];
  if (amount === undefined || amount === 0n) return null;
  const accounting = level.fees[accountingCurrency];
  if (accounting === undefined) {
    throw new LetterConfigError(
      `Level ${level.level} '${level.name}' has a fee in ${currency} but none in the accounting currency ${accountingCurrency}.`,
    );
  }
  return { fee: { minor: amount, currency }, accounting };
}

function totalsByCurrency(lines: readonly LetterLine[]): Money[] {
  const totals = new Map<string, bigint>();
  for (const line of lines) totals.set(line.currency, (totals.get(line.currency) ?? 0n) + line.open);
  return [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, minor]) => ({ currency, minor }));
}

/** The letter the customer is due as of `input.asOf`, or why none is due. */
export function proposeLetter(input: ProposalInput): LetterProposal {
  const levels = [...input.levels].sort((a, b) => a.level - b.level);
  if (levels.length === 0) return { due: false, reason: 'no_levels', level: null, dueOn: null };
  if (input.excluded) return { due: false, reason: 'excluded', level: null, dueOn: null };

  const lines = overdueLines(input.entries, input.settlements, input.asOf, input.held);
  const letters = input.letters.filter((l) => l.letterDate <= input.asOf);
  const { level, since } = nextStep(levels, letters, new Set(lines.map((l) => l.entryId)));
  if (lines.length === 0) return { due: false, reason: 'nothing_overdue', level, dueOn: null };

  const oldestDaysOverdue = lines[0]!.daysOverdue;
  const waited = since === null ? oldestDaysOverdue : daysBetween(since, input.asOf);
  if (waited < level.days) {
    return { due: false, reason: 'not_due_yet', level, dueOn: addDays(input.asOf, level.days - waited) };
  }
  const totalAccounting = lines.reduce((sum, l) => sum + l.openAccounting, 0n);
  if (totalAccounting < level.minOverdue) return { due: false, reason: 'below_minimum', level, dueOn: null };
  return {
    due: true,
    level,
    lines,
    totals: totalsByCurrency(lines),
    totalAccounting,
    oldestDaysOverdue,
    fee: letterFee(level, input.customerCurrency, input.accountingCurrency),
  };
}
