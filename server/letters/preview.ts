// The letter a customer is due, rendered as email HTML without posting anything: no number is taken
// ("Draft" stands in its place), no fee entry, letter or audit event is written.
import type { Kysely } from 'kysely';
import type { LetterSettings } from '../config';
import type { Database } from '../db/schema';
import type { IsoDate } from '../domain/types';
import { feeEntry, letterInput, levelTemplate } from './compose';
import { renderLetterHtml } from './html';
import { labelsFor } from './labels';
import { customerProposal, noLetterDue, noSequence } from './proposals';
import { letterContact } from './store/proposal-inputs';
import { buildLetterView } from './view';

export interface PreviewLetterOptions {
  customerId: string;
  asOf: IsoDate;
  /** Defaults to the sequence's language, as posting does. */
  language?: string;
  /** Where the letter would go (as posting's `to`): it greets this person when a contact of the customer. */
  to?: string;
  /** The signed-in agent: the letter's contact. */
  agent: { name: string | null; email: string };
  accountingCurrency: string;
  settings: LetterSettings;
}

/** Null when there is no such customer; a conflict when no letter is due. */
export async function previewLetter(db: Kysely<Database>, opts: PreviewLetterOptions): Promise<{ subject: string; html: string } | null> {
  const found = await customerProposal(db, opts.customerId, opts.asOf, opts.accountingCurrency);
  if (!found) return null;
  const { customer, sequence, proposal, ledger } = found;
  if (!sequence) throw noSequence();
  if (!proposal.due) throw noLetterDue(customer, opts.asOf, proposal);
  const { language, template } = levelTemplate(sequence, proposal, opts.language);
  const number = labelsFor(language).draft;
  const contact = await letterContact(db, customer.id, opts.to);
  // The fee as posting will charge it, so the statement's aging matches the posted letter's.
  const fee = proposal.fee ? { id: 'draft-fee', ...feeEntry(number, opts.asOf, proposal.fee) } : null;
  const view = buildLetterView(
    letterInput({
      number,
      letterDate: opts.asOf,
      language,
      template,
      proposal,
      customer,
      contact,
      agent: opts.agent,
      settings: opts.settings,
      accountingCurrency: opts.accountingCurrency,
      entries: fee ? [...ledger.entries, fee] : ledger.entries,
      settlements: ledger.settlements,
    }),
  );
  return { subject: view.subject, html: renderLetterHtml(view) };
}
