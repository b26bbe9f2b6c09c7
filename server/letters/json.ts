// Letters and proposals as the API answers them: money as JSON minor units with its currency, the
// delivery status read from the outbox row of the letter's mail.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { LetterLine, LetterProposal } from '../domain/letters';
import { toJsonMinor } from '../domain/money';
import type { IsoDate } from '../domain/types';
import type { CollectionLetterResponse, LetterLineItem, LetterProposalResponse } from '../http/contract';
import type { LetterCustomer, LetterSequence } from './load';
import { letterMailKey } from './mail';

export function lineJson(line: LetterLine): LetterLineItem {
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

export function proposalJson(
  customer: LetterCustomer,
  sequence: LetterSequence | null,
  proposal: LetterProposal,
  asOf: IsoDate,
  accountingCurrency: string,
): LetterProposalResponse {
  const level = proposal.level ? { level: proposal.level.level, name: proposal.level.name, days: proposal.level.days } : null;
  const base = {
    customer: { id: customer.id, account: customer.account, name: customer.name },
    asOf,
    accountingCurrency,
    sequence: sequence ? { id: sequence.id, name: sequence.name } : null,
    level,
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
    totals: proposal.totals.map((t) => ({ currency: t.currency, open: toJsonMinor(t.minor) })),
    totalAccounting: toJsonMinor(proposal.totalAccounting),
    fee: proposal.fee
      ? { currency: proposal.fee.fee.currency, amount: toJsonMinor(proposal.fee.fee.minor), amountAccounting: toJsonMinor(proposal.fee.accounting) }
      : null,
  };
}

/** A posted letter with its lines; null when there is none with that id. */
export async function loadLetterJson(db: Kysely<Database>, id: string, accountingCurrency: string): Promise<CollectionLetterResponse | null> {
  const letter = await db
    .selectFrom('collection_letters as l')
    .leftJoin('outbox as o', (join) => join.on('o.idempotency_key', '=', sql<string>`${letterMailKey('')} || l.id::text`))
    .select([
      'l.id', 'l.number', 'l.customer_id', 'l.level', 'l.level_name', 'l.letter_date', 'l.language', 'l.delivery', 'l.status',
      'l.subject', 'l.recipient', 'l.totals', 'l.total_accounting', 'l.fee_currency', 'l.fee_amount', 'l.fee_accounting',
      'l.fee_entry_id', 'l.posted_by', 'l.created_at', 'o.result as mail_result',
    ])
    .where('l.id', '=', id)
    .executeTakeFirst();
  if (!letter) return null;
  const lines = await db
    .selectFrom('collection_letter_lines as ln')
    .innerJoin('ledger_entries as e', 'e.id', 'ln.entry_id')
    .select(['ln.entry_id', 'e.document', 'e.posting_date', 'e.due_date', 'ln.currency', 'ln.open_amount', 'ln.open_accounting', 'ln.days_overdue'])
    .where('ln.letter_id', '=', id)
    .orderBy('ln.days_overdue', 'desc')
    .orderBy('e.document')
    .execute();
  const status = letter.delivery === 'graph' && letter.mail_result ? letter.mail_result : letter.status;
  return {
    id: letter.id,
    number: letter.number,
    customerId: letter.customer_id,
    level: letter.level,
    levelName: letter.level_name,
    letterDate: letter.letter_date,
    language: letter.language,
    delivery: letter.delivery,
    status,
    subject: letter.subject,
    recipient: letter.recipient,
    accountingCurrency,
    totals: letter.totals.map((t) => ({ currency: t.currency, open: toJsonMinor(BigInt(t.open)) })),
    totalAccounting: toJsonMinor(letter.total_accounting),
    fee:
      letter.fee_currency && letter.fee_amount !== null && letter.fee_accounting !== null
        ? { currency: letter.fee_currency, amount: toJsonMinor(letter.fee_amount), amountAccounting: toJsonMinor(letter.fee_accounting) }
        : null,
    feeEntryId: letter.fee_entry_id,
    lines: lines.map((l) => ({
      entryId: l.entry_id,
      document: l.document,
      postingDate: l.posting_date,
      dueDate: l.due_date ?? l.posting_date,
      currency: l.currency,
      open: toJsonMinor(l.open_amount),
      openAccounting: toJsonMinor(l.open_accounting),
      daysOverdue: l.days_overdue,
    })),
    postedBy: letter.posted_by,
    postedAt: letter.created_at.toISOString(),
    htmlUrl: `/api/letters/${letter.id}.html`,
    pdfUrl: `/api/letters/${letter.id}.pdf`,
  };
}

/** The stored bytes of a posted letter, exactly as posted. */
export async function loadLetterDocument(db: Kysely<Database>, id: string): Promise<{ number: string; html: string; pdf: Buffer } | null> {
  const row = await db.selectFrom('collection_letters').select(['number', 'html', 'pdf']).where('id', '=', id).executeTakeFirst();
  return row ? { number: row.number, html: row.html, pdf: Buffer.from(row.pdf) } : null;
}
