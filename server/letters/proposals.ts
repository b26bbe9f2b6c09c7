// Letter proposals: one set-up (the customer's sequence, then the domain's proposal from its ledger
// and its letters in that sequence) shared by the review of one customer, of every customer of an
// agent (the batch a manager reviews before posting), by posting and by the preview.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { conflict, type DomainError } from '../domain/errors';
import { LetterConfigError, proposeLetter, type LetterProposal, type NoLetterReason } from '../domain/letters';
import type { IsoDate } from '../domain/types';
import type { DueProposal } from './compose';
import { leftOutOfLetter, type LeftOut } from './left-out';
import { sequenceOf, type LetterCustomer, type LetterSequence } from './model';
import { loadProposalInputs, type ProposalInputs } from './store/proposal-inputs';
import { loadSequences } from './store/sequences';

export type CustomerProposal = ProposalInputs & {
  sequence: LetterSequence | null;
  proposal: LetterProposal;
  /** The customer's overdue the letter leaves out (promised, disputed, held), in the accounting currency. */
  leftOut: LeftOut;
};

export interface BatchProposal {
  asOf: IsoDate;
  agentId: string | null;
  accountingCurrency: string;
  /** The customers due a letter, by account. */
  items: Array<{ customer: LetterCustomer; sequence: LetterSequence | null; proposal: DueProposal }>;
  /** How many customers are not due a letter, by reason. */
  notDue: Partial<Record<NoLetterReason, number>>;
}

/** Proposal errors caused by the sequence's setup are the manager's to fix: a conflict, not a 500. */
function proposeOrConflict(run: () => LetterProposal): LetterProposal {
  try {
    return run();
  } catch (error) {
    if (error instanceof LetterConfigError) throw conflict('letter_setup_invalid', error.message);
    throw error;
  }
}

/** The customer's sequence (null: none is set up, so no levels) and its proposal as of a date. */
export function setUpProposal(
  inputs: ProposalInputs,
  sequences: readonly LetterSequence[],
  asOf: IsoDate,
  accountingCurrency: string,
): { sequence: LetterSequence | null; proposal: LetterProposal } {
  const { customer, ledger } = inputs;
  const sequence = sequenceOf(sequences, customer);
  if (!sequence) return { sequence, proposal: { due: false, reason: 'no_levels', level: null, dueOn: null } };
  const proposal = proposeOrConflict(() =>
    proposeLetter({
      levels: sequence.levels,
      entries: ledger.entries,
      settlements: ledger.settlements,
      letters: inputs.letters.filter((l) => l.sequenceId === sequence.id),
      excluded: customer.lettersExcluded,
      held: inputs.held,
      customerCurrency: customer.currency,
      accountingCurrency,
      asOf,
    }),
  );
  return { sequence, proposal };
}

/** The customer's proposal with what it was made from; null when there is no such customer. */
export async function customerProposal(db: Kysely<Database>, customerId: string, asOf: IsoDate, accountingCurrency: string): Promise<CustomerProposal | null> {
  const [inputs] = await loadProposalInputs(db, { customerId }, asOf);
  if (!inputs) return null;
  return {
    ...inputs,
    ...setUpProposal(inputs, await loadSequences(db), asOf, accountingCurrency),
    leftOut: leftOutOfLetter(inputs.ledger, asOf, inputs.held),
  };
}

/** Every customer of `agentId` (all customers when null), read in a fixed number of queries. */
export async function batchProposal(db: Kysely<Database>, agentId: string | null, asOf: IsoDate, accountingCurrency: string): Promise<BatchProposal> {
  const sequences = await loadSequences(db);
  const items: BatchProposal['items'] = [];
  const notDue: BatchProposal['notDue'] = {};
  for (const inputs of await loadProposalInputs(db, { agentId }, asOf)) {
    const { sequence, proposal } = setUpProposal(inputs, sequences, asOf, accountingCurrency);
    if (proposal.due) items.push({ customer: inputs.customer, sequence, proposal });
    else notDue[proposal.reason] = (notDue[proposal.reason] ?? 0) + 1;
  }
  return { asOf, agentId, accountingCurrency, items, notDue };
}

const NO_LETTER: Record<NoLetterReason, string> = {
  excluded: 'the customer is excluded from letters or on a collections hold',
  no_levels: 'its letter sequence has no levels',
  nothing_overdue: 'nothing is overdue (disputed items and standing promises are left out)',
  not_due_yet: 'the next level is not due yet',
  below_minimum: 'the overdue total is below the level’s minimum',
};

export function noSequence(): DomainError {
  return conflict('no_letter_sequence', 'No letter sequence is set up: create one first.');
}

export function noLetterDue(customer: LetterCustomer, asOf: IsoDate, proposal: Exclude<LetterProposal, { due: true }>): DomainError {
  return conflict('no_letter_due', `Customer ${customer.account} is due no letter on ${asOf}: ${NO_LETTER[proposal.reason]}.`, {
    reason: proposal.reason,
    dueOn: proposal.dueOn,
  });
}
