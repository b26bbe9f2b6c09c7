// Posts a customer's due letter once: number, fee ledger entry, stored HTML and PDF, lines, audit
// event and (for Graph delivery) the queued mail, all in one transaction under a per-customer lock.
// What the letter says is composed in compose.ts; the statements are the stores'.
import type { Kysely, Transaction } from 'kysely';
import type { Agent } from '../auth/agents';
import type { LetterSettings } from '../config';
import { recordAudit } from '../db/repositories/audit';
import type { CustomerLedger } from '../db/repositories/ledger';
import type { Database } from '../db/schema';
import { conflict, customerNotFound, unprocessable, type DomainError } from '../domain/errors';
import type { LetterDelivery } from '../domain/letters';
import type { IsoDate } from '../domain/types';
import { feeEntry, formatLetterNumber, letterInput, letterKey, levelTemplate, type DueProposal } from './compose';
import type { LetterCustomer, LetterSequence } from './model';
import { customerProposal, noLetterDue, noSequence } from './proposals';
import { renderLetter } from './render';
import {
  enqueueLetterMail, findLetterByKey, findLetterByRequestKey, findLetterOn, insertFeeEntry, insertLetter, lockCustomerLetters, nextLetterNumber,
} from './store/letters';
import { letterContact, letterRecipient } from './store/proposal-inputs';

export interface PostLetterOptions {
  customerId: string;
  asOf: IsoDate;
  delivery: LetterDelivery;
  agent: Agent;
  accountingCurrency: string;
  settings: LetterSettings;
  /** Defaults to the sequence's language. */
  language?: string;
  /** The level the caller reviewed; a different level due now is a conflict rather than a surprise. */
  level?: number;
  /**
   * Overrides the customer's billing contact for Graph delivery; the letter greets this person by
   * name when it is one of the customer's contacts (else the billing contact).
   */
  to?: string;
  /** The client's Idempotency-Key: a repeated request returns the letter it posted. */
  requestKey?: string;
  batchId?: string;
}

export interface PostLetterResult {
  letterId: string;
  created: boolean;
}

/** A key that posted another customer's letter, or by another delivery, is not a retry of this one. */
export function keyReused(): DomainError {
  return unprocessable(
    'idempotency_key_reused',
    "Header 'Idempotency-Key' was already used for a different request: use a new key for a new request.",
    { field: 'idempotency-key' },
  );
}

export async function postLetter(db: Kysely<Database>, opts: PostLetterOptions): Promise<PostLetterResult> {
  return db.transaction().execute(async (trx) => {
    await lockCustomerLetters(trx, opts.customerId);
    if (opts.requestKey) {
      const replay = await findLetterByRequestKey(trx, opts.requestKey);
      if (replay && (replay.customerId !== opts.customerId || replay.delivery !== opts.delivery)) throw keyReused();
      if (replay) return { letterId: replay.id, created: false };
    }
    const found = await customerProposal(trx, opts.customerId, opts.asOf, opts.accountingCurrency);
    if (!found) throw customerNotFound(opts.customerId);
    const { customer, sequence, proposal, ledger } = found;
    if (!sequence) throw noSequence();
    if (!proposal.due) {
      // A repeated post after the letter went out: the letter itself made the proposal "not due".
      const posted = await findLetterOn(trx, customer.id, opts.asOf, opts.level);
      if (posted) return { letterId: posted, created: false };
      throw noLetterDue(customer, opts.asOf, proposal);
    }
    if (opts.level !== undefined && opts.level !== proposal.level.level) {
      throw conflict('proposal_changed', `Level ${proposal.level.level} is due now, not level ${opts.level}: review the proposal again.`, {
        level: proposal.level.level,
      });
    }
    const key = letterKey(customer.id, proposal.level.level, opts.asOf);
    const existing = await findLetterByKey(trx, key);
    if (existing) return { letterId: existing, created: false };
    return { letterId: await writeLetter(trx, opts, { customer, sequence, proposal, ledger, key }), created: true };
  });
}

interface WriteContext {
  customer: LetterCustomer;
  sequence: LetterSequence;
  proposal: DueProposal;
  ledger: CustomerLedger;
  key: string;
}

async function writeLetter(trx: Transaction<Database>, opts: PostLetterOptions, ctx: WriteContext): Promise<string> {
  const { customer, sequence, proposal, ledger } = ctx;
  const { level, language, template } = levelTemplate(sequence, proposal, opts.language);
  const recipient = opts.delivery === 'graph' ? await recipientFor(trx, customer, opts.to) : opts.to ? { email: opts.to, name: null } : null;
  const contact = await letterContact(trx, customer.id, recipient?.email);

  const number = formatLetterNumber(await nextLetterNumber(trx));
  const fee = proposal.fee;
  const feeDraft = fee ? feeEntry(number, opts.asOf, fee) : null;
  const feeEntryRow = feeDraft ? { id: await insertFeeEntry(trx, customer.id, feeDraft), ...feeDraft } : null;
  const rendered = await renderLetter(
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
      entries: feeEntryRow ? [...ledger.entries, feeEntryRow] : ledger.entries,
      settlements: ledger.settlements,
    }),
  );
  const letterId = await insertLetter(trx, {
    number,
    customerId: customer.id,
    sequenceId: sequence.id,
    level: level.level,
    levelName: level.name,
    letterDate: opts.asOf,
    language,
    fee,
    feeEntryId: feeEntryRow?.id ?? null,
    totals: proposal.totals,
    totalAccounting: proposal.totalAccounting,
    lines: proposal.lines,
    delivery: opts.delivery,
    recipient: recipient?.email ?? null,
    ...rendered,
    idempotencyKey: ctx.key,
    requestKey: opts.requestKey ?? null,
    batchId: opts.batchId ?? null,
    postedBy: opts.agent.id,
  });
  await recordAudit(trx, {
    actor: opts.agent.id,
    action: 'letter.posted',
    entity: 'collection_letter',
    entityId: letterId,
    before: null,
    after: {
      number,
      customerId: customer.id,
      level: level.level,
      letterDate: opts.asOf,
      delivery: opts.delivery,
      recipient: recipient?.email ?? null,
      feeEntryId: feeEntryRow?.id ?? null,
      fee: fee ? { currency: fee.fee.currency, amount: fee.fee.minor.toString(), amountAccounting: fee.accounting.toString() } : null,
      totalAccounting: proposal.totalAccounting.toString(),
    },
  });
  if (recipient && opts.delivery === 'graph') {
    await enqueueLetterMail(trx, letterId, opts.agent.id, { number, subject: rendered.subject, html: rendered.html, pdf: rendered.pdf, to: recipient });
  }
  return letterId;
}

async function recipientFor(trx: Transaction<Database>, customer: LetterCustomer, to: string | undefined) {
  if (to) return { email: to, name: null };
  const found = await letterRecipient(trx, customer.id);
  if (!found) throw unprocessable('no_recipient', `Customer ${customer.account} has no contact to send the letter to: add one or give 'to'.`);
  return found;
}
