// Letter proposals read from the database: for one customer, or for every customer of an agent
// (the batch a manager reviews before posting).
import type { Kysely } from 'kysely';
import { loadLedger, type CustomerLedger } from '../db/repositories/ledger';
import type { Database } from '../db/schema';
import { proposeLetter, type LetterProposal } from '../domain/letters';
import type { IsoDate } from '../domain/types';
import type { BatchProposalResponse, LetterProposalResponse } from '../http/contract';
import { proposalJson } from './json';
import { findLetterCustomer, loadSequences, postedLetters, sequenceOf, type LetterCustomer, type LetterSequence } from './load';
import { proposeOrConflict } from './post';

/** The customer's proposal as of a date, with the sequence and the ledger it was made from. */
export async function proposeFor(
  db: Kysely<Database>,
  customer: LetterCustomer,
  sequences: readonly LetterSequence[],
  asOf: IsoDate,
  accountingCurrency: string,
): Promise<{ sequence: null; proposal: LetterProposal } | { sequence: LetterSequence; proposal: LetterProposal; ledger: CustomerLedger }> {
  const sequence = sequenceOf(sequences, customer);
  if (!sequence) return { sequence, proposal: { due: false, reason: 'no_levels', level: null, dueOn: null } };
  const ledger = await loadLedger(db, customer.id, asOf);
  const letters = await postedLetters(db, customer.id, sequence.id);
  const proposal = proposeOrConflict(() =>
    proposeLetter({
      levels: sequence.levels,
      entries: ledger.entries,
      settlements: ledger.settlements,
      letters,
      excluded: customer.lettersExcluded,
      customerCurrency: customer.currency,
      accountingCurrency,
      asOf,
    }),
  );
  return { sequence, proposal, ledger };
}

/** Null when there is no such customer. */
export async function customerProposal(
  db: Kysely<Database>,
  customerId: string,
  asOf: IsoDate,
  accountingCurrency: string,
): Promise<LetterProposalResponse | null> {
  const customer = await findLetterCustomer(db, customerId);
  if (!customer) return null;
  const { sequence, proposal } = await proposeFor(db, customer, await loadSequences(db), asOf, accountingCurrency);
  return proposalJson(customer, sequence, proposal, asOf, accountingCurrency);
}

/** Every customer of `agentId` (all customers when null), the ones due a letter listed by account. */
export async function batchProposal(
  db: Kysely<Database>,
  agentId: string | null,
  asOf: IsoDate,
  accountingCurrency: string,
): Promise<BatchProposalResponse> {
  let query = db.selectFrom('customers').select('id').orderBy('account');
  if (agentId) query = query.where('default_agent_id', '=', agentId);
  const ids = await query.execute();
  const sequences = await loadSequences(db);
  const items: LetterProposalResponse[] = [];
  const notDue: BatchProposalResponse['notDue'] = {};
  for (const { id } of ids) {
    const customer = (await findLetterCustomer(db, id))!;
    const { sequence, proposal } = await proposeFor(db, customer, sequences, asOf, accountingCurrency);
    if (proposal.due) items.push(proposalJson(customer, sequence, proposal, asOf, accountingCurrency));
    else notDue[proposal.reason] = (notDue[proposal.reason] ?? 0) + 1;
  }
  return { asOf, agentId, accountingCurrency, items, notDue };
}
