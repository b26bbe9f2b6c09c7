// Posted letters in the database: the per-customer posting lock and the lookups that make posting
// idempotent, the letter number, the fee entry, the letter with its lines, its queued Graph mail; the
// stored letter (delivery status read from its mail's outbox row), its bytes, the pane's "sent" report.
import { sql, type Kysely, type Transaction } from 'kysely';
import { recordAudit } from '../../db/repositories/audit';
import type { Database } from '../../db/schema';
import type { LetterDelivery, LetterFee, LetterLine } from '../../domain/letters';
import type { IsoDate, LedgerEntry, Money } from '../../domain/types';
import { letterMailKey, sendMailBody, type LetterMail } from '../mail';
import type { PostedLetter } from '../model';

/** Serialises posts for one customer until the transaction ends, so a retry racing the original finds its letter. */
export async function lockCustomerLetters(trx: Transaction<Database>, customerId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`letters:${customerId}`}))`.execute(trx);
}

export async function findLetterByRequestKey(db: Kysely<Database>, requestKey: string): Promise<{ id: string; customerId: string; delivery: LetterDelivery } | null> {
  const row = await db.selectFrom('collection_letters').select(['id', 'customer_id', 'delivery']).where('request_key', '=', requestKey).executeTakeFirst();
  return row ? { id: row.id, customerId: row.customer_id, delivery: row.delivery } : null;
}

/** The id of the customer's latest letter dated `date` (of `level`, when given). */
export async function findLetterOn(db: Kysely<Database>, customerId: string, date: IsoDate, level?: number): Promise<string | null> {
  let query = db.selectFrom('collection_letters').select('id').where('customer_id', '=', customerId).where('letter_date', '=', date);
  if (level !== undefined) query = query.where('level', '=', level);
  const row = await query.orderBy('created_at', 'desc').executeTakeFirst();
  return row?.id ?? null;
}

/** The id of the letter posted under this idempotency key (customer, level and date). */
export async function findLetterByKey(db: Kysely<Database>, key: string): Promise<string | null> {
  const row = await db.selectFrom('collection_letters').select('id').where('idempotency_key', '=', key).executeTakeFirst();
  return row?.id ?? null;
}

export async function letterExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom('collection_letters').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function nextLetterNumber(trx: Transaction<Database>): Promise<bigint> {
  const next = await sql<{ n: bigint }>`select nextval('collection_letter_number_seq') as n`.execute(trx);
  return next.rows[0]!.n;
}

/** The letter's fee as a ledger entry of the customer; returns its id. */
export async function insertFeeEntry(trx: Transaction<Database>, customerId: string, entry: Omit<LedgerEntry, 'id'>): Promise<string> {
  const row = await trx
    .insertInto('ledger_entries')
    .values({
      customer_id: customerId,
      external_id: `letter-fee:${entry.document}`,
      kind: entry.kind,
      document: entry.document,
      posting_date: entry.postingDate,
      due_date: entry.dueDate,
      currency: entry.currency,
      amount: entry.amount,
      amount_accounting: entry.amountAccounting,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface NewLetter {
  number: string;
  customerId: string;
  sequenceId: string;
  level: number;
  levelName: string;
  letterDate: IsoDate;
  language: string;
  fee: LetterFee | null;
  feeEntryId: string | null;
  totals: Money[];
  totalAccounting: bigint;
  lines: LetterLine[];
  delivery: LetterDelivery;
  recipient: string | null;
  subject: string;
  html: string;
  pdf: Uint8Array;
  /** One letter per customer, level and date. */
  idempotencyKey: string;
  requestKey: string | null;
  batchId: string | null;
  postedBy: string;
}

/** The letter and its lines; returns its id. */
export async function insertLetter(trx: Transaction<Database>, letter: NewLetter): Promise<string> {
  const row = await trx
    .insertInto('collection_letters')
    .values({
      number: letter.number,
      customer_id: letter.customerId,
      sequence_id: letter.sequenceId,
      level: letter.level,
      level_name: letter.levelName,
      letter_date: letter.letterDate,
      language: letter.language,
      fee_entry_id: letter.feeEntryId,
      fee_currency: letter.fee?.fee.currency ?? null,
      fee_amount: letter.fee?.fee.minor ?? null,
      fee_accounting: letter.fee?.accounting ?? null,
      total_accounting: letter.totalAccounting,
      totals: JSON.stringify(letter.totals.map((t) => ({ currency: t.currency, open: t.minor.toString() }))),
      delivery: letter.delivery,
      recipient: letter.recipient,
      subject: letter.subject,
      html: letter.html,
      pdf: letter.pdf,
      idempotency_key: letter.idempotencyKey,
      request_key: letter.requestKey,
      batch_id: letter.batchId,
      posted_by: letter.postedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('collection_letter_lines')
    .values(
      letter.lines.map((line) => ({
        letter_id: row.id,
        entry_id: line.entryId,
        currency: line.currency,
        open_amount: line.open,
        open_accounting: line.openAccounting,
        days_overdue: line.daysOverdue,
      })),
    )
    .execute();
  return row.id;
}

/** Queues the letter's sendMail in the caller's transaction, once per letter (the outbox key). */
export async function enqueueLetterMail(trx: Transaction<Database>, letterId: string, agentId: string, mail: LetterMail): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({
      agent_id: agentId,
      kind: 'mail',
      idempotency_key: letterMailKey(letterId),
      // The outbox schema types payload as a generated column; a typed cast states the jsonb value.
      payload: sql<never>`${JSON.stringify(sendMailBody(mail))}::jsonb`,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute();
}

/** A posted letter with its lines; null when there is none with that id. */
export async function findLetter(db: Kysely<Database>, id: string): Promise<PostedLetter | null> {
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
  return {
    id: letter.id,
    number: letter.number,
    customerId: letter.customer_id,
    level: letter.level,
    levelName: letter.level_name,
    letterDate: letter.letter_date,
    language: letter.language,
    delivery: letter.delivery,
    // A Graph letter is as sent as its mail: the outbox worker records Graph's answer there.
    status: letter.delivery === 'graph' && letter.mail_result ? letter.mail_result : letter.status,
    subject: letter.subject,
    recipient: letter.recipient,
    totals: letter.totals.map((t) => ({ currency: t.currency, minor: BigInt(t.open) })),
    totalAccounting: letter.total_accounting,
    fee:
      letter.fee_currency && letter.fee_amount !== null && letter.fee_accounting !== null
        ? { fee: { currency: letter.fee_currency, minor: letter.fee_amount }, accounting: letter.fee_accounting }
        : null,
    feeEntryId: letter.fee_entry_id,
    lines: lines.map((l) => ({
      entryId: l.entry_id,
      document: l.document,
      postingDate: l.posting_date,
      dueDate: l.due_date ?? l.posting_date,
      currency: l.currency,
      open: l.open_amount,
      openAccounting: l.open_accounting,
      daysOverdue: l.days_overdue,
    })),
    postedBy: letter.posted_by,
    postedAt: letter.created_at,
  };
}

/** The stored bytes of a posted letter, exactly as posted. */
export async function findLetterDocument(db: Kysely<Database>, id: string): Promise<{ number: string; html: string; pdf: Buffer } | null> {
  const row = await db.selectFrom('collection_letters').select(['number', 'html', 'pdf']).where('id', '=', id).executeTakeFirst();
  return row ? { number: row.number, html: row.html, pdf: Buffer.from(row.pdf) } : null;
}

/** A reply letter the pane sent: its status changes with an audit event, in one transaction. Null: no such reply letter. */
export async function markLetterSent(db: Kysely<Database>, id: string, actor: string): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('collection_letters').select('status').where('id', '=', id).where('delivery', '=', 'reply').forUpdate().executeTakeFirst();
    if (!before) return null;
    // A repeated report changes nothing and records nothing.
    if (before.status === 'sent') return id;
    await trx.updateTable('collection_letters').set({ status: 'sent' }).where('id', '=', id).execute();
    await recordAudit(trx, { actor, action: 'letter.sent', entity: 'collection_letter', entityId: id, before: { status: before.status }, after: { status: 'sent' } });
    return id;
  });
}
