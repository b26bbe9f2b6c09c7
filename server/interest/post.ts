// Posts the interest notes of the named customers as of a date, in the caller's transaction: under a
// per-customer lock, the proposal is made again from the ledger as it stands; if the reviewed totals
// differ it is a conflict; each note gets its number, `interest` entry, stored document and audit.
import type { Kysely, Transaction } from 'kysely';
import type { LetterSettings } from '../config';
import { interestInputs, insertInterestNote, lockCustomerInterest, nextInterestNoteNumber } from '../db/repositories/interest';
import type { Database } from '../db/schema';
import { addDays } from '../domain/dates';
import { conflict, unprocessable } from '../domain/errors';
import { proposeInterest, type CustomerInterestProposal } from '../domain/interest';
import type { IsoDate } from '../domain/types';
import { INTEREST_NOTE_PAY_WITHIN_DAYS, renderInterestNote } from './render';

export interface PostInterestOptions {
  asOf: IsoDate;
  today: IsoDate;
  customerIds: string[];
  /** The note totals the manager reviewed; when given, any other outcome is a 409. */
  expected?: Array<{ customerId: string; currency: string; total: bigint }>;
  agent: { id: string; name: string | null; email: string };
  settings: LetterSettings;
  language: string;
}

/** The proposals of the named customers (all with overdue debits when null) as of a date. */
export async function interestProposals(db: Kysely<Database>, customerIds: string[] | null, asOf: IsoDate) {
  const inputs = await interestInputs(db, customerIds, asOf);
  return inputs.map((customer) => ({
    customer,
    proposal: proposeInterest({ customerId: customer.id, asOf, code: customer.code, customerHeld: customer.held, items: customer.items }),
  }));
}

const totalsKey = (notes: Array<{ customerId: string; currency: string; total: bigint }>) =>
  notes.map((n) => `${n.customerId}|${n.currency}|${n.total}`).sort().join(',');

function outcome(proposals: Array<{ proposal: CustomerInterestProposal }>) {
  return proposals.flatMap(({ proposal }) => proposal.notes.map((n) => ({ customerId: proposal.customerId, currency: n.currency, total: n.total })));
}

export async function postInterestNotes(trx: Transaction<Database>, opts: PostInterestOptions): Promise<string[]> {
  if (opts.asOf > opts.today) throw unprocessable('as_of_in_future', `Field 'asOf' must not be after today (${opts.today}): interest is charged for days that have passed.`, { field: 'asOf' });
  await lockCustomerInterest(trx, opts.customerIds);
  const proposals = await interestProposals(trx, opts.customerIds, opts.asOf);
  const current = outcome(proposals);
  if (opts.expected && totalsKey(opts.expected) !== totalsKey(current)) {
    throw conflict('proposal_changed', 'The interest due changed since you reviewed it: review the proposal again.', {
      current: current.map((n) => ({ ...n, total: Number(n.total) })),
    });
  }
  if (current.length === 0) {
    throw unprocessable('no_interest_due', `Field 'customerIds': no interest is due from these customers as of ${opts.asOf} (nothing overdue, held, disputed, under the minimum or already charged).`, { field: 'customerIds' });
  }
  const ids: string[] = [];
  for (const { customer, proposal } of proposals) {
    for (const note of proposal.notes) {
      const number = await nextInterestNoteNumber(trx);
      const rendered = await renderInterestNote({
        language: opts.language, number, asOf: opts.asOf, code: proposal.code!, note, company: opts.settings,
        customer: { name: customer.name, account: customer.account, postalAddress: customer.postalAddress }, agent: opts.agent,
      });
      const { id } = await insertInterestNote(trx, {
        number, customerId: customer.id, asOf: opts.asOf, dueDate: addDays(opts.asOf, INTEREST_NOTE_PAY_WITHIN_DAYS), code: proposal.code!, note,
        language: opts.language, ...rendered, actor: opts.agent.id,
      });
      ids.push(id);
    }
  }
  return ids;
}
