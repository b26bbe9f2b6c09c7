// Letters, proposals, batches and sequences as the letter API answers them (money as JSON minor
// units beside its currency, instants as ISO strings, the stored letter's URLs), and a sequence
// body as the draft the letters logic saves (amounts as bigint minor units).
import type { LetterFee, LetterProposal } from '../../domain/letters';
import { toJsonMinor } from '../../domain/money';
import type { IsoDate, Money } from '../../domain/types';
import type { LetterCustomer, LetterSequence, PostedLetter, PostedLetterLine, SequenceDraft } from '../../letters/model';
import type { LeftOut } from '../../letters/left-out';
import type { BatchProposal } from '../../letters/proposals';
import { draftOf } from '../../letters/sequences';
import type {
  BatchProposalResponse, CollectionLetterResponse, LetterFeeAmount, LetterLineItem, LetterProposalResponse, SequenceBody, SequenceResponse,
} from '../schemas/letters';

export function lineJson(line: PostedLetterLine): LetterLineItem {
  return {
    entryId: line.entryId,
    document: line.document,
    postingDate: line.postingDate,
    dueDate: line.dueDate,
    currency: line.currency,
    open: toJsonMinor(line.open),
    openAccounting: toJsonMinor(line.openAccounting),
    daysOverdue: line.daysOverdue,
  };
}

function totalsJson(totals: readonly Money[]): Array<{ currency: string; open: number }> {
  return totals.map((t) => ({ currency: t.currency, open: toJsonMinor(t.minor) }));
}

function feeJson(fee: LetterFee | null): LetterFeeAmount | null {
  return fee ? { currency: fee.fee.currency, amount: toJsonMinor(fee.fee.minor), amountAccounting: toJsonMinor(fee.accounting) } : null;
}

export function proposalJson(
  customer: LetterCustomer,
  sequence: LetterSequence | null,
  proposal: LetterProposal,
  asOf: IsoDate,
  accountingCurrency: string,
  leftOut?: LeftOut,
): LetterProposalResponse {
  const level = proposal.level ? { level: proposal.level.level, name: proposal.level.name, days: proposal.level.days } : null;
  const base = {
    customer: { id: customer.id, account: customer.account, name: customer.name },
    asOf,
    accountingCurrency,
    sequence: sequence ? { id: sequence.id, name: sequence.name } : null,
    level,
    ...(leftOut
      ? { leftOut: { promised: toJsonMinor(leftOut.promised), disputed: toJsonMinor(leftOut.disputed), held: toJsonMinor(leftOut.held) } }
      : {}),
  };
  if (!proposal.due) {
    return { ...base, due: false, reason: proposal.reason, dueOn: proposal.dueOn, lines: [], totals: [], totalAccounting: 0, fee: null };
  }
  return {
    ...base,
    due: true,
    reason: null,
    dueOn: null,
    lines: proposal.lines.map(lineJson),
    totals: totalsJson(proposal.totals),
    totalAccounting: toJsonMinor(proposal.totalAccounting),
    fee: feeJson(proposal.fee),
  };
}

export function batchProposalJson(batch: BatchProposal): BatchProposalResponse {
  const { asOf, agentId, accountingCurrency, notDue } = batch;
  const items = batch.items.map((i) => proposalJson(i.customer, i.sequence, i.proposal, asOf, accountingCurrency));
  return { asOf, agentId, accountingCurrency, items, notDue };
}

export function letterJson(letter: PostedLetter, accountingCurrency: string): CollectionLetterResponse {
  return {
    id: letter.id,
    number: letter.number,
    customerId: letter.customerId,
    level: letter.level,
    levelName: letter.levelName,
    letterDate: letter.letterDate,
    language: letter.language,
    delivery: letter.delivery,
    status: letter.status,
    subject: letter.subject,
    recipient: letter.recipient,
    accountingCurrency,
    totals: totalsJson(letter.totals),
    totalAccounting: toJsonMinor(letter.totalAccounting),
    fee: feeJson(letter.fee),
    feeEntryId: letter.feeEntryId,
    lines: letter.lines.map(lineJson),
    postedBy: letter.postedBy,
    postedAt: letter.postedAt.toISOString(),
    htmlUrl: `/api/letters/${letter.id}.html`,
    pdfUrl: `/api/letters/${letter.id}.pdf`,
  };
}

const moneyJson = (money: Money) => ({ currency: money.currency, amount: toJsonMinor(money.minor) });

export function sequenceJson(sequence: LetterSequence, accountingCurrency: string): SequenceResponse {
  const draft = draftOf(sequence, accountingCurrency);
  return { id: sequence.id, ...draft, levels: draft.levels.map((l) => ({ ...l, minOverdue: moneyJson(l.minOverdue), fees: l.fees.map(moneyJson) })) };
}

/** The schema admits whole amounts in the safe integer range only, so BigInt() cannot throw here. */
export function sequenceDraft(body: SequenceBody): SequenceDraft {
  const money = (m: { currency: string; amount: number }): Money => ({ currency: m.currency, minor: BigInt(m.amount) });
  return { ...body, levels: body.levels.map((l) => ({ ...l, minOverdue: money(l.minOverdue), fees: l.fees.map(money) })) };
}
