// Interest in SQL: the managed codes (audited), each customer's code, what a proposal reads (open
// debits as of a date with the last day an earlier note charged, holds in force), and the posted
// notes: their `interest` ledger entry, the feed journal entry, lines and stored document.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { conflict, customerNotFound, invalidField, notFound } from '../../domain/errors';
import { codeFor, type InterestCandidate, type InterestCode, type InterestCodeDraft, type InterestNoteProposal } from '../../domain/interest';
import type { IsoDate } from '../../domain/types';
import type { Database } from '../schema';
import { recordAudit } from './audit';
import { isUuid } from './customers';
import { holdsInForce } from './holds';
import { journal } from './transactions-actions';

type Trx = Transaction<Database>;

const CODE_COLUMNS = ['code', 'description', 'rate_bp', 'period', 'grace_days', 'min_amount', 'currency', 'active', 'is_default', 'version'] as const;
interface CodeRow {
  code: string; description: string; rate_bp: number; period: InterestCode['period']; grace_days: number; min_amount: bigint;
  currency: string; active: boolean; is_default: boolean; version: number;
}

function codeOf(r: CodeRow): InterestCode {
  return {
    code: r.code, description: r.description, rateBp: r.rate_bp, period: r.period, graceDays: r.grace_days,
    minimum: { minor: BigInt(r.min_amount), currency: r.currency.trim() }, active: r.active, isDefault: r.is_default, version: r.version,
  };
}

const audited = (c: InterestCode) => ({ ...c, minimum: { minor: c.minimum.minor.toString(), currency: c.minimum.currency } });

export async function listInterestCodes(db: Kysely<Database>): Promise<InterestCode[]> {
  return (await db.selectFrom('interest_codes').select(CODE_COLUMNS).orderBy('code').execute()).map(codeOf);
}

function columnsOf(draft: Omit<InterestCodeDraft, 'code'>) {
  return {
    description: draft.description.trim(), rate_bp: draft.rateBp, period: draft.period, grace_days: draft.graceDays,
    min_amount: draft.minimum.minor, currency: draft.minimum.currency, active: draft.active, is_default: draft.isDefault,
  };
}

export async function addInterestCode(db: Kysely<Database>, draft: InterestCodeDraft, actor: string): Promise<InterestCode> {
  return db.transaction().execute(async (trx) => {
    if (draft.isDefault) await trx.updateTable('interest_codes').set({ is_default: false }).where('is_default', '=', true).execute();
    const row = await trx
      .insertInto('interest_codes')
      .values({ code: draft.code, ...columnsOf(draft) })
      .onConflict((oc) => oc.doNothing())
      .returning(CODE_COLUMNS)
      .executeTakeFirst();
    if (!row) throw conflict('interest_code_exists', `Field 'code': the interest code '${draft.code}' already exists.`, { field: 'code' });
    const code = codeOf(row);
    await recordAudit(trx, { actor, action: 'interest_code.add', entity: 'interest_code', entityId: code.code, after: audited(code) });
    return code;
  });
}

/** Changes a code at the version the manager read (409 with the current code otherwise). */
export async function updateInterestCode(db: Kysely<Database>, code: string, change: (current: InterestCode) => InterestCodeDraft, version: number, actor: string): Promise<InterestCode> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('interest_codes').select(CODE_COLUMNS).where('code', '=', code).forUpdate().executeTakeFirst();
    if (!row) throw notFound('interest_code_not_found', `No interest code '${code}'.`, { field: 'code' });
    const before = codeOf(row);
    if (before.version !== version) throw conflict('stale_version', `The interest code '${code}' was changed since you loaded it: review it again.`, { current: audited(before) });
    const draft = change(before);
    if (draft.isDefault && !before.isDefault) await trx.updateTable('interest_codes').set({ is_default: false }).where('is_default', '=', true).execute();
    const after = codeOf(
      await trx
        .updateTable('interest_codes')
        .set({ ...columnsOf(draft), version: before.version + 1, updated_at: new Date() })
        .where('code', '=', code)
        .returning(CODE_COLUMNS)
        .executeTakeFirstOrThrow(),
    );
    await recordAudit(trx, { actor, action: 'interest_code.update', entity: 'interest_code', entityId: code, before: audited(before), after: audited(after) });
    return after;
  });
}

/** Sets a customer's code (null: the default code); audited on the customer. */
export async function setCustomerInterestCode(db: Kysely<Database>, customerId: string, code: string | null, actor: string): Promise<{ customerId: string; code: string | null }> {
  return db.transaction().execute(async (trx) => {
    const row = isUuid(customerId) ? await trx.selectFrom('customers').select(['id', 'interest_code']).where('id', '=', customerId).forUpdate().executeTakeFirst() : undefined;
    if (!row) throw customerNotFound(customerId);
    if (code !== null && !(await trx.selectFrom('interest_codes').select('code').where('code', '=', code).executeTakeFirst())) {
      throw invalidField('code', `names no interest code ('${code}')`);
    }
    await trx.updateTable('customers').set({ interest_code: code, updated_at: sql`now()` }).where('id', '=', customerId).execute();
    await recordAudit(trx, { actor, action: 'customer.interest_code', entity: 'customer', entityId: customerId, before: { interestCode: row.interest_code }, after: { interestCode: code } });
    return { customerId, code };
  });
}

export interface InterestCustomer {
  id: string;
  account: string;
  name: string;
  postalAddress: string | null;
  code: InterestCode | null;
  held: boolean;
  items: InterestCandidate[];
}

/**
 * What proposals as of `asOf` read: the customers named (all customers with an overdue debit when
 * null), their code, whether a customer hold is in force, and their overdue debits as of that date.
 */
export async function interestInputs(db: Kysely<Database>, customerIds: readonly string[] | null, asOf: IsoDate): Promise<InterestCustomer[]> {
  const bad = customerIds?.find((id) => !isUuid(id));
  if (bad !== undefined) throw customerNotFound(bad);
  let entries = db
    .selectFrom('ledger_entries as e')
    .select([
      'e.id', 'e.customer_id', 'e.document', 'e.kind', 'e.currency', 'e.posting_date', 'e.due_date', 'e.amount', 'e.amount_accounting', 'e.collection_status',
      sql<bigint>`coalesce((SELECT sum(s.amount) FROM settlements s WHERE s.debit_id = e.id AND s.settled_on <= ${asOf}), 0)::bigint`.as('settled'),
      sql<string | null>`(SELECT max(l.to_date) FROM interest_note_lines l WHERE l.entry_id = e.id)::text`.as('charged_through'),
    ])
    .where('e.amount', '>', 0n)
    .where('e.kind', 'not in', ['interest', 'fee'])
    .where('e.posting_date', '<=', asOf)
    .where(sql<boolean>`coalesce(e.due_date, e.posting_date) < ${asOf}`)
    .where(sql<boolean>`(e.closed_on IS NULL OR e.closed_on > ${asOf})`);
  if (customerIds) entries = entries.where('e.customer_id', 'in', customerIds.length ? [...customerIds] : ['00000000-0000-0000-0000-000000000000']);
  const rows = await entries.orderBy('e.customer_id').orderBy('e.document').execute();

  const ids = customerIds ? [...customerIds] : [...new Set(rows.map((r) => r.customer_id))];
  if (ids.length === 0) return [];
  const customers = await db.selectFrom('customers').select(['id', 'account', 'name', 'postal_address', 'interest_code']).where('id', 'in', ids).orderBy('account').execute();
  if (customerIds) {
    const missing = customerIds.find((id) => !customers.some((c) => c.id === id));
    if (missing !== undefined) throw customerNotFound(missing);
  }
  const codes = await listInterestCodes(db);
  const holds = await holdsInForce(db, customerIds?.length === 1 ? customerIds[0]! : null, asOf);
  const heldCustomers = new Set(holds.filter((h) => h.transactionId === null).map((h) => h.customerId));
  const heldEntries = new Set(holds.flatMap((h) => (h.transactionId === null ? [] : [h.transactionId])));
  const byCustomer = new Map<string, InterestCandidate[]>();
  for (const r of rows) {
    const candidate: InterestCandidate = {
      id: r.id, document: r.document, kind: r.kind, currency: r.currency.trim(), postingDate: r.posting_date, dueDate: r.due_date,
      amount: r.amount, amountAccounting: r.amount_accounting, open: r.amount - BigInt(r.settled), collectionStatus: r.collection_status,
      held: heldEntries.has(r.id), chargedThrough: r.charged_through,
    };
    byCustomer.set(r.customer_id, [...(byCustomer.get(r.customer_id) ?? []), candidate]);
  }
  return customers.map((c) => ({
    id: c.id, account: c.account, name: c.name, postalAddress: c.postal_address, code: codeFor(codes, c.interest_code),
    held: heldCustomers.has(c.id), items: byCustomer.get(c.id) ?? [],
  }));
}

/** Serializes interest posting per customer (two managers posting at once charge each day once). */
export async function lockCustomerInterest(trx: Trx, customerIds: readonly string[]): Promise<void> {
  for (const id of [...customerIds].sort()) await sql`select pg_advisory_xact_lock(hashtext(${`interest:${id}`}))`.execute(trx);
}

export async function nextInterestNoteNumber(trx: Trx): Promise<string> {
  const next = await sql<{ n: bigint }>`select nextval('interest_note_number_seq') as n`.execute(trx);
  return `IN-${next.rows[0]!.n.toString().padStart(6, '0')}`;
}

export interface NewInterestNote {
  number: string;
  customerId: string;
  asOf: IsoDate;
  dueDate: IsoDate;
  code: InterestCode;
  note: InterestNoteProposal;
  language: string;
  subject: string;
  html: string;
  pdf: Buffer;
  actor: string;
}

/** Posts the note's `interest` entry (journaled for the ERP), the note, its lines and the audit event; returns the note id. */
export async function insertInterestNote(trx: Trx, n: NewInterestNote): Promise<{ id: string; entryId: string }> {
  const externalId = `AR-${randomUUID()}`;
  const { id: entryId } = await trx
    .insertInto('ledger_entries')
    .values({
      customer_id: n.customerId, external_id: externalId, kind: 'interest', document: n.number, posting_date: n.asOf, due_date: n.dueDate,
      currency: n.note.currency, amount: n.note.total, amount_accounting: n.note.totalAccounting,
      status_date: null, promise_date: null, promise_amount: null, dispute_reason: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id } = await trx
    .insertInto('interest_notes')
    .values({
      number: n.number, customer_id: n.customerId, as_of: n.asOf, currency: n.note.currency, interest_code: n.code.code, rate_bp: n.code.rateBp,
      period: n.code.period, total: n.note.total, total_accounting: n.note.totalAccounting, entry_id: entryId, language: n.language,
      subject: n.subject, html: n.html, pdf: n.pdf, created_by: n.actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('interest_note_lines')
    .values(n.note.lines.map((l) => ({
      note_id: id, entry_id: l.entryId, document: l.document, due_date: l.dueDate, from_date: l.from, to_date: l.to, days: l.days,
      base: l.base, interest: l.interest, interest_accounting: l.interestAccounting,
    })))
    .execute();
  await journal(trx, n.customerId, 'interest_note', externalId, {
    kind: 'interest', document: n.number, postingDate: n.asOf, dueDate: n.dueDate, currency: n.note.currency,
    amount: n.note.total.toString(), amountAccounting: n.note.totalAccounting.toString(), interestCode: n.code.code, postedBy: n.actor,
    lines: n.note.lines.map((l) => ({ document: l.document, from: l.from, to: l.to, days: l.days, base: l.base.toString(), interest: l.interest.toString() })),
  });
  await recordAudit(trx, {
    actor: n.actor, action: 'interest_note.posted', entity: 'interest_note', entityId: id, before: null,
    after: { number: n.number, customerId: n.customerId, asOf: n.asOf, currency: n.note.currency, total: n.note.total.toString(), entryId, interestCode: n.code.code },
  });
  for (const l of n.note.lines) {
    await recordAudit(trx, {
      actor: n.actor, action: 'transaction.interest_charged', entity: 'ledger_entry', entityId: l.entryId,
      after: { document: l.document, noteNumber: n.number, from: l.from, to: l.to, days: l.days, interest: l.interest.toString(), currency: l.currency },
    });
  }
  return { id, entryId };
}

export interface StoredInterestNote {
  id: string;
  number: string;
  customerId: string;
  asOf: IsoDate;
  currency: string;
  interestCode: string;
  rateBp: number;
  period: InterestCode['period'];
  total: bigint;
  totalAccounting: bigint;
  entryId: string;
  subject: string;
  createdBy: string;
  createdAt: Date;
  lines: Array<{ entryId: string; document: string; dueDate: IsoDate; from: IsoDate; to: IsoDate; days: number; base: bigint; interest: bigint; interestAccounting: bigint }>;
}

const NOTE_COLUMNS = ['id', 'number', 'customer_id', 'as_of', 'currency', 'interest_code', 'rate_bp', 'period', 'total', 'total_accounting', 'entry_id', 'subject', 'created_by', 'created_at'] as const;

export async function findInterestNotes(db: Kysely<Database>, filter: { ids?: string[]; customerId?: string }): Promise<StoredInterestNote[]> {
  let query = db.selectFrom('interest_notes').select(NOTE_COLUMNS);
  if (filter.ids) query = query.where('id', 'in', filter.ids.filter(isUuid).length ? filter.ids.filter(isUuid) : ['00000000-0000-0000-0000-000000000000']);
  if (filter.customerId) query = query.where('customer_id', '=', filter.customerId);
  const rows = await query.orderBy('as_of', 'desc').orderBy('number', 'desc').limit(200).execute();
  if (rows.length === 0) return [];
  const lines = await db.selectFrom('interest_note_lines').selectAll().where('note_id', 'in', rows.map((r) => r.id)).orderBy('document').execute();
  return rows.map((r) => ({
    id: r.id, number: r.number, customerId: r.customer_id, asOf: r.as_of, currency: r.currency.trim(), interestCode: r.interest_code, rateBp: r.rate_bp,
    period: r.period, total: r.total, totalAccounting: r.total_accounting, entryId: r.entry_id, subject: r.subject, createdBy: r.created_by, createdAt: new Date(r.created_at),
    lines: lines.filter((l) => l.note_id === r.id).map((l) => ({
      entryId: l.entry_id, document: l.document, dueDate: l.due_date, from: l.from_date, to: l.to_date, days: l.days, base: l.base, interest: l.interest, interestAccounting: l.interest_accounting,
    })),
  }));
}

/** The stored HTML and PDF of a note, exactly as posted. */
export async function interestNoteDocument(db: Kysely<Database>, id: string): Promise<{ number: string; html: string; pdf: Buffer } | null> {
  if (!isUuid(id)) return null;
  const row = await db.selectFrom('interest_notes').select(['number', 'html', 'pdf']).where('id', '=', id).executeTakeFirst();
  return row ? { number: row.number, html: row.html, pdf: Buffer.from(row.pdf) } : null;
}

/** The interest notes a transaction appears on (charged on a line, or the note's own entry), for Reprint. */
export async function interestNotesOfTransaction(db: Kysely<Database>, transactionId: string): Promise<Array<{ id: string; number: string; date: IsoDate; title: string }>> {
  if (!isUuid(transactionId)) return [];
  const rows = await db
    .selectFrom('interest_notes as n')
    .select(['n.id', 'n.number', 'n.as_of'])
    .where((eb) => eb.or([eb('n.entry_id', '=', transactionId), eb.exists(eb.selectFrom('interest_note_lines as l').select('l.note_id').whereRef('l.note_id', '=', 'n.id').where('l.entry_id', '=', transactionId))]))
    .orderBy('n.as_of', 'desc')
    .orderBy('n.number', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, number: r.number, date: r.as_of, title: 'Interest note' }));
}
