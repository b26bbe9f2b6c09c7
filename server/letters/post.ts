// Posts a customer's due letter once: number, fee ledger entry, stored HTML and PDF, lines, audit
// event and (for Graph delivery) the queued mail, all in one transaction under a per-customer lock.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Agent } from '../auth/agents';
import type { LetterSettings } from '../config';
import { recordAudit } from '../db/repositories/audit';
import { loadLedger } from '../db/repositories/ledger';
import type { Database } from '../db/schema';
import { addDays } from '../domain/dates';
import { LetterConfigError, proposeLetter, type LetterProposal } from '../domain/letters';
import type { IsoDate, LedgerEntry, Settlement } from '../domain/types';
import type { LetterDelivery } from '../http/contract';
import { AppError } from '../http/errors';
import { letterInput, templateFor, type DueProposal } from './compose';
import { findLetterCustomer, letterRecipient, loadSequences, postedLetters, sequenceOf, type LetterCustomer, type LetterSequence } from './load';
import { enqueueLetterMail } from './mail';
import { renderLetter } from './render';
import { PAY_WITHIN_DAYS } from './view';

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
  /** Overrides the customer's billing contact for Graph delivery. */
  to?: string;
  /** The client's Idempotency-Key: a repeated request returns the letter it posted. */
  requestKey?: string;
  batchId?: string;
}

export interface PostLetterResult {
  letterId: string;
  created: boolean;
}

/** One letter per customer, level and date. */
export function letterKey(customerId: string, level: number, date: IsoDate): string {
  return `${customerId}:${level}:${date}`;
}

export function formatLetterNumber(n: bigint): string {
  return `CL-${n.toString().padStart(6, '0')}`;
}

/** Proposal errors caused by the sequence's setup are the manager's to fix: a 409, not a 500. */
export function proposeOrConflict(run: () => LetterProposal): LetterProposal {
  try {
    return run();
  } catch (error) {
    if (error instanceof LetterConfigError) throw new AppError('letter_setup_invalid', 409, error.message);
    throw error;
  }
}

const NO_LETTER: Record<Exclude<LetterProposal, { due: true }>['reason'], string> = {
  excluded: 'the customer is excluded from letters',
  no_levels: 'its letter sequence has no levels',
  nothing_overdue: 'nothing is overdue (disputed items and standing promises are left out)',
  not_due_yet: 'the next level is not due yet',
  below_minimum: 'the overdue total is below the level’s minimum',
};

export function noSequence(): AppError {
  return new AppError('no_letter_sequence', 409, 'No letter sequence is set up: create one first.');
}

export function noLetterDue(customer: LetterCustomer, asOf: IsoDate, proposal: Exclude<LetterProposal, { due: true }>): AppError {
  return new AppError('no_letter_due', 409, `Customer ${customer.account} is due no letter on ${asOf}: ${NO_LETTER[proposal.reason]}.`, {
    reason: proposal.reason,
    dueOn: proposal.dueOn,
  });
}

/** The due level and its template in the wanted language (else the sequence's, else English). */
export function levelTemplate(sequence: LetterSequence, proposal: DueProposal, language: string | undefined) {
  const level = sequence.levels.find((l) => l.level === proposal.level.level)!;
  const chosen = templateFor(level, language ?? sequence.language, sequence);
  if (!chosen) throw new AppError('letter_setup_invalid', 409, `Level ${level.level} '${level.name}' has no template.`);
  return { level, ...chosen };
}

export async function postLetter(db: Kysely<Database>, opts: PostLetterOptions): Promise<PostLetterResult> {
  return db.transaction().execute(async (trx) => {
    // Serialises posts for one customer, so a retry racing the original finds its letter.
    await sql`select pg_advisory_xact_lock(hashtext(${`letters:${opts.customerId}`}))`.execute(trx);
    if (opts.requestKey) {
      const replay = await trx
        .selectFrom('collection_letters')
        .select(['id', 'customer_id', 'delivery'])
        .where('request_key', '=', opts.requestKey)
        .executeTakeFirst();
      if (replay && (replay.customer_id !== opts.customerId || replay.delivery !== opts.delivery)) throw keyReused();
      if (replay) return { letterId: replay.id, created: false };
    }
    const customer = await findLetterCustomer(trx, opts.customerId);
    if (!customer) throw new AppError('customer_not_found', 404, `No customer has the id '${opts.customerId}'.`, { id: opts.customerId });
    const sequence = sequenceOf(await loadSequences(trx), customer);
    if (!sequence) throw noSequence();
    const ledger = await loadLedger(trx, customer.id, opts.asOf);
    const letters = await postedLetters(trx, customer.id, sequence.id);
    const proposal = proposeOrConflict(() =>
      proposeLetter({
        levels: sequence.levels,
        entries: ledger.entries,
        settlements: ledger.settlements,
        letters,
        excluded: customer.lettersExcluded,
        customerCurrency: customer.currency,
        accountingCurrency: opts.accountingCurrency,
        asOf: opts.asOf,
      }),
    );
    if (!proposal.due) {
      // A repeated post after the letter went out: the letter itself made the proposal "not due".
      let today = trx.selectFrom('collection_letters').select('id').where('customer_id', '=', customer.id).where('letter_date', '=', opts.asOf);
      if (opts.level !== undefined) today = today.where('level', '=', opts.level);
      const posted = await today.orderBy('created_at', 'desc').executeTakeFirst();
      if (posted) return { letterId: posted.id, created: false };
      throw noLetterDue(customer, opts.asOf, proposal);
    }
    if (opts.level !== undefined && opts.level !== proposal.level.level) {
      throw new AppError('proposal_changed', 409, `Level ${proposal.level.level} is due now, not level ${opts.level}: review the proposal again.`, {
        level: proposal.level.level,
      });
    }
    const key = letterKey(customer.id, proposal.level.level, opts.asOf);
    const existing = await trx.selectFrom('collection_letters').select('id').where('idempotency_key', '=', key).executeTakeFirst();
    if (existing) return { letterId: existing.id, created: false };
    return { letterId: await insertLetter(trx, opts, { customer, sequence, proposal, ledger, key }), created: true };
  });
}

/** A key that posted another customer's letter, or by another delivery, is not a retry of this one. */
export function keyReused(): AppError {
  return new AppError(
    'idempotency_key_reused',
    422,
    "Header 'Idempotency-Key' was already used for a different request: use a new key for a new request.",
    { field: 'idempotency-key' },
  );
}

interface InsertContext {
  customer: LetterCustomer;
  sequence: LetterSequence;
  proposal: DueProposal;
  ledger: { entries: LedgerEntry[]; settlements: Settlement[] };
  key: string;
}

async function insertLetter(trx: Transaction<Database>, opts: PostLetterOptions, ctx: InsertContext): Promise<string> {
  const { customer, sequence, proposal, ledger } = ctx;
  const { level, ...chosen } = levelTemplate(sequence, proposal, opts.language);
  const recipient = opts.delivery === 'graph' ? await recipientFor(trx, customer, opts.to) : opts.to ? { email: opts.to, name: null } : null;

  const next = await sql<{ n: bigint }>`select nextval('collection_letter_number_seq') as n`.execute(trx);
  const number = formatLetterNumber(next.rows[0]!.n);
  const fee = proposal.fee;
  const feeEntry = fee ? await insertFee(trx, customer.id, number, opts.asOf, fee) : null;
  const rendered = await renderLetter(
    letterInput({
      number,
      letterDate: opts.asOf,
      language: chosen.language,
      template: chosen.template,
      proposal,
      customer,
      agent: opts.agent,
      settings: opts.settings,
      accountingCurrency: opts.accountingCurrency,
      entries: feeEntry ? [...ledger.entries, feeEntry] : ledger.entries,
      settlements: ledger.settlements,
    }),
  );
  const letter = await trx
    .insertInto('collection_letters')
    .values({
      number,
      customer_id: customer.id,
      sequence_id: sequence.id,
      level: level.level,
      level_name: level.name,
      letter_date: opts.asOf,
      language: chosen.language,
      fee_entry_id: feeEntry?.id ?? null,
      fee_currency: fee?.fee.currency ?? null,
      fee_amount: fee?.fee.minor ?? null,
      fee_accounting: fee?.accounting ?? null,
      total_accounting: proposal.totalAccounting,
      totals: JSON.stringify(proposal.totals.map((t) => ({ currency: t.currency, open: t.minor.toString() }))),
      delivery: opts.delivery,
      recipient: recipient?.email ?? null,
      subject: rendered.subject,
      html: rendered.html,
      pdf: rendered.pdf,
      idempotency_key: ctx.key,
      request_key: opts.requestKey ?? null,
      batch_id: opts.batchId ?? null,
      posted_by: opts.agent.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('collection_letter_lines')
    .values(
      proposal.lines.map((line) => ({
        letter_id: letter.id,
        entry_id: line.entryId,
        currency: line.currency,
        open_amount: line.open,
        open_accounting: line.openAccounting,
        days_overdue: line.daysOverdue,
      })),
    )
    .execute();
  await recordAudit(trx, {
    actor: opts.agent.id,
    action: 'letter.posted',
    entity: 'collection_letter',
    entityId: letter.id,
    before: null,
    after: {
      number,
      customerId: customer.id,
      level: level.level,
      letterDate: opts.asOf,
      delivery: opts.delivery,
      recipient: recipient?.email ?? null,
      feeEntryId: feeEntry?.id ?? null,
      fee: fee ? { currency: fee.fee.currency, amount: fee.fee.minor.toString(), amountAccounting: fee.accounting.toString() } : null,
      totalAccounting: proposal.totalAccounting.toString(),
    },
  });
  if (recipient && opts.delivery === 'graph') {
    await enqueueLetterMail(trx, letter.id, opts.agent.id, { number, subject: rendered.subject, html: rendered.html, pdf: rendered.pdf, to: recipient });
  }
  return letter.id;
}

async function recipientFor(trx: Transaction<Database>, customer: LetterCustomer, to: string | undefined) {
  if (to) return { email: to, name: null };
  const found = await letterRecipient(trx, customer.id);
  if (!found) {
    throw new AppError('no_recipient', 422, `Customer ${customer.account} has no contact to send the letter to: add one or give 'to'.`);
  }
  return found;
}

/** The fee as a ledger entry: document = letter number, due with the letter's payment date. */
export function feeEntry(number: string, date: IsoDate, fee: NonNullable<DueProposal['fee']>): Omit<LedgerEntry, 'id'> {
  return {
    kind: 'fee',
    document: number,
    postingDate: date,
    dueDate: addDays(date, PAY_WITHIN_DAYS),
    currency: fee.fee.currency,
    amount: fee.fee.minor,
    amountAccounting: fee.accounting,
    collectionStatus: 'none',
    statusDate: null,
    promiseDate: null,
    promiseAmount: null,
    disputeReason: null,
  };
}

async function insertFee(trx: Transaction<Database>, customerId: string, number: string, date: IsoDate, fee: NonNullable<DueProposal['fee']>): Promise<LedgerEntry> {
  const entry = feeEntry(number, date, fee);
  const row = await trx
    .insertInto('ledger_entries')
    .values({
      customer_id: customerId,
      external_id: `letter-fee:${number}`,
      kind: 'fee',
      document: number,
      posting_date: date,
      due_date: entry.dueDate,
      currency: entry.currency,
      amount: entry.amount,
      amount_accounting: entry.amountAccounting,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, ...entry };
}
