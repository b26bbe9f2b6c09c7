// Statements of account in the database: the customer as a statement addresses it (language from
// its letter sequence, as letters choose it), the per-customer lock and the request-key lookup that
// make sending idempotent, the number, the stored statement and its bytes, its queued Graph mail,
// and the statements of a period for the timeline.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { StatementDelivery, StatementKind } from '../../domain/statements';
import type { TimelineEntry } from '../../domain/timeline';
import type { IsoDate } from '../../domain/types';
import type { Database } from '../schema';

export interface StatementCustomer {
  id: string;
  account: string;
  name: string;
  postalAddress: string | null;
  /** The language of the customer's letter sequence (else the default sequence's, else English). */
  language: string;
}

export async function findStatementCustomer(db: Kysely<Database>, customerId: string): Promise<StatementCustomer | null> {
  const row = await db
    .selectFrom('customers as c')
    .select([
      'c.id', 'c.account', 'c.name', 'c.postal_address',
      (eb) => eb.selectFrom('collection_letter_sequences as s').select('s.language')
        .where((w) => w.or([w('s.id', '=', w.ref('c.letter_sequence_id')), w('s.is_default', '=', true)]))
        .orderBy(sql`(s.id = c.letter_sequence_id) is true`, 'desc')
        .limit(1)
        .as('language'),
    ])
    .where('c.id', '=', customerId)
    .executeTakeFirst();
  return row ? { id: row.id, account: row.account, name: row.name, postalAddress: row.postal_address, language: row.language ?? 'en' } : null;
}

/** Serialises sends for one customer until the transaction ends, so a retry racing the original finds it. */
export async function lockCustomerStatements(trx: Transaction<Database>, customerId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`statements:${customerId}`}))`.execute(trx);
}

export interface StatementRequest {
  customerId: string;
  kind: StatementKind;
  asOf: IsoDate;
  from: IsoDate | null;
  delivery: StatementDelivery;
}

export async function findStatementByRequestKey(db: Kysely<Database>, requestKey: string): Promise<(StatementRequest & { id: string }) | null> {
  const row = await db
    .selectFrom('statements')
    .select(['id', 'customer_id', 'kind', 'as_of', 'from_date', 'delivery'])
    .where('request_key', '=', requestKey)
    .executeTakeFirst();
  return row ? { id: row.id, customerId: row.customer_id, kind: row.kind, asOf: row.as_of, from: row.from_date, delivery: row.delivery } : null;
}

export async function nextStatementNumber(trx: Transaction<Database>): Promise<bigint> {
  const next = await sql<{ n: bigint }>`select nextval('statement_number_seq') as n`.execute(trx);
  return next.rows[0]!.n;
}

export interface NewStatement extends StatementRequest {
  number: string;
  language: string;
  recipient: string | null;
  subject: string;
  html: string;
  pdf: Uint8Array;
  totals: Array<{ currency: string; open: bigint }>;
  requestKey: string | null;
  createdBy: string;
}

export async function insertStatement(trx: Transaction<Database>, s: NewStatement): Promise<string> {
  const row = await trx
    .insertInto('statements')
    .values({
      number: s.number,
      customer_id: s.customerId,
      kind: s.kind,
      as_of: s.asOf,
      from_date: s.from,
      language: s.language,
      delivery: s.delivery,
      recipient: s.recipient,
      subject: s.subject,
      html: s.html,
      pdf: s.pdf,
      totals: JSON.stringify(s.totals.map((t) => ({ currency: t.currency, open: t.open.toString() }))),
      request_key: s.requestKey,
      created_by: s.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function statementMailKey(statementId: string): string {
  return `statement-mail:${statementId}`;
}

/** Queues the statement's sendMail in the caller's transaction, once per statement (the outbox key). */
export async function enqueueStatementMail(trx: Transaction<Database>, statementId: string, agentId: string, body: Record<string, unknown>): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({
      agent_id: agentId,
      kind: 'mail',
      idempotency_key: statementMailKey(statementId),
      payload: sql<never>`${JSON.stringify(body)}::jsonb`,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute();
}

export interface StoredStatement extends StatementRequest {
  id: string;
  number: string;
  language: string;
  recipient: string | null;
  subject: string;
  totals: Array<{ currency: string; open: bigint }>;
  createdBy: string;
  createdAt: Date;
  /** A Graph statement's mail: Graph's answer once the outbox worker has one. */
  mailResult: string | null;
}

export async function findStatement(db: Kysely<Database>, id: string): Promise<StoredStatement | null> {
  const row = await db
    .selectFrom('statements as s')
    .leftJoin('outbox as o', (join) => join.on('o.idempotency_key', '=', sql<string>`${statementMailKey('')} || s.id::text`))
    .select([
      's.id', 's.number', 's.customer_id', 's.kind', 's.as_of', 's.from_date', 's.language', 's.delivery', 's.recipient', 's.subject',
      's.totals', 's.created_by', 's.created_at', 'o.result as mail_result',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    number: row.number,
    customerId: row.customer_id,
    kind: row.kind,
    asOf: row.as_of,
    from: row.from_date,
    language: row.language,
    delivery: row.delivery,
    recipient: row.recipient,
    subject: row.subject,
    totals: row.totals.map((t) => ({ currency: t.currency, open: BigInt(t.open) })),
    createdBy: row.created_by,
    createdAt: row.created_at,
    mailResult: row.mail_result ?? null,
  };
}

/** The stored bytes, exactly as sent. */
export async function findStatementDocument(db: Kysely<Database>, id: string): Promise<{ number: string; html: string; pdf: Buffer } | null> {
  const row = await db.selectFrom('statements').select(['number', 'html', 'pdf']).where('id', '=', id).executeTakeFirst();
  return row ? { number: row.number, html: row.html, pdf: Buffer.from(row.pdf) } : null;
}

/** Statements dated (as of) within [from, to], newest first, as timeline entries (type 'statement'). */
export async function statementTimelineEntries(db: Kysely<Database>, customerId: string, from: IsoDate, to: IsoDate): Promise<TimelineEntry[]> {
  const rows = await db
    .selectFrom('statements')
    .select(['id', 'number', 'kind', 'as_of', 'from_date', 'delivery', 'recipient'])
    .where('customer_id', '=', customerId)
    .where('as_of', '>=', from)
    .where('as_of', '<=', to)
    .orderBy('as_of', 'desc')
    .orderBy('number', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    type: 'statement',
    date: row.as_of,
    title: row.number,
    currency: null,
    amount: null,
    dueDate: null,
    open: null,
    settlements: [],
    details: { number: row.number, kind: row.kind, from: row.from_date, delivery: row.delivery, recipient: row.recipient },
  }));
}
