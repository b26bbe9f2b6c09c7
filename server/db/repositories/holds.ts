// Collections holds in SQL: put on (one per customer or transaction in force), lift, list, and the
// holds in force on a date that letters, interest and the grid leave out or show. Every change is
// audited with before and after: a transaction's hold on the ledger entry, a customer's hold on the
// customer, so both show in the collections history.
import { sql, type Kysely, type Transaction } from 'kysely';
import { alreadyHeld, checkLiftable, holdTargets, type Hold } from '../../domain/actions/holds';
import { forbidden, notFound } from '../../domain/errors';
import type { AgentRole, IsoDate } from '../../domain/types';
import type { Database } from '../schema';
import { recordAudit } from './audit';
import { isUuid } from './customers';

type Trx = Transaction<Database>;

const COLUMNS = ['id', 'customer_id', 'transaction_id', 'reason', 'held_until', 'created_by', 'created_at', 'lifted_by', 'lifted_at'] as const;

interface Row {
  id: string;
  customer_id: string;
  transaction_id: string | null;
  reason: string;
  held_until: string | null;
  created_by: string;
  // Generated<Instant> selects as the column type itself; it is a Date at run time.
  created_at: unknown;
  lifted_by: string | null;
  lifted_at: Date | null;
}

function hold(row: Row): Hold {
  return {
    id: row.id, customerId: row.customer_id, transactionId: row.transaction_id, reason: row.reason, until: row.held_until,
    createdBy: row.created_by, createdAt: new Date(row.created_at as Date), liftedBy: row.lifted_by, liftedAt: row.lifted_at === null ? null : new Date(row.lifted_at),
  };
}

/** What the audit trail keeps of a hold. */
function audited(h: Hold): Record<string, unknown> {
  return { holdId: h.id, reason: h.reason, until: h.until, ...(h.liftedAt ? { liftedAt: h.liftedAt.toISOString(), liftedBy: h.liftedBy } : {}) };
}

function auditTarget(h: Hold): { entity: string; entityId: string } {
  return h.transactionId === null ? { entity: 'customer', entityId: h.customerId } : { entity: 'ledger_entry', entityId: h.transactionId };
}

/**
 * The holds in force on `date` (not lifted, open-ended or held through a date not before it), of one
 * customer or of all when `customerId` is null: customer holds have `transactionId` null.
 */
export async function holdsInForce(db: Kysely<Database>, customerId: string | null, date: IsoDate): Promise<Hold[]> {
  let query = db
    .selectFrom('collection_holds')
    .select(COLUMNS)
    .where('lifted_at', 'is', null)
    .where((eb) => eb.or([eb('held_until', 'is', null), eb('held_until', '>=', date)]));
  if (customerId !== null) query = query.where('customer_id', '=', customerId);
  return (await query.orderBy('created_at').execute()).map(hold);
}

/** Every hold of the customer, in force and past, newest first. */
export async function customerHolds(db: Kysely<Database>, customerId: string): Promise<Hold[]> {
  const rows = await db.selectFrom('collection_holds').select(COLUMNS).where('customer_id', '=', customerId).orderBy('created_at', 'desc').orderBy('id').limit(500).execute();
  return rows.map(hold);
}

export interface HoldActor {
  agentId: string;
  role: AgentRole;
  today: IsoDate;
}

/** Agents act on the customers they are the default agent of; managers and admins on every customer. */
async function checkMayHold(trx: Trx, customerId: string, actor: HoldActor): Promise<void> {
  // The role as it is now, not as it was when the agent signed in.
  const agent = await trx.selectFrom('agents').select('role').where('id', '=', actor.agentId).executeTakeFirst();
  if ((agent?.role ?? actor.role) !== 'agent') return;
  const row = await trx.selectFrom('customers').select('default_agent_id').where('id', '=', customerId).executeTakeFirstOrThrow();
  if (row.default_agent_id !== actor.agentId) {
    throw forbidden('not_your_customer', 'Only the customer’s own agent or a manager may put it on hold or lift its hold.', { customerId });
  }
}

export interface PutOnHold {
  /** null: the whole customer. */
  transactionIds: string[] | null;
  reason: string;
  until: IsoDate | null;
}

/**
 * Puts the customer, or each named open transaction, on hold. A hold already in force on a target is
 * a 409; one that ran out by its date but was never lifted is closed first (it is past, not lifted by anyone).
 */
export async function putOnHold(trx: Trx, customerId: string, command: PutOnHold, actor: HoldActor): Promise<Hold[]> {
  await checkMayHold(trx, customerId, actor);
  // Locks the customer so two requests for the same target queue up instead of racing the unique index.
  await trx.selectFrom('customers').select('id').where('id', '=', customerId).forUpdate().execute();
  const ids = command.transactionIds?.filter(isUuid) ?? [];
  const entries = ids.length === 0 ? [] : await trx.selectFrom('ledger_entries').select(['id', 'document', 'closed_on']).where('customer_id', '=', customerId).where('id', 'in', ids).execute();
  const open = new Map(entries.map((e) => [e.id, { document: e.document, closed: e.closed_on !== null && String(e.closed_on) <= actor.today }]));
  const targets = holdTargets(command.transactionIds, open);
  const made: Hold[] = [];
  for (const transactionId of targets) {
    const current = await trx
      .selectFrom('collection_holds')
      .select(COLUMNS)
      .where('customer_id', '=', customerId)
      .where('lifted_at', 'is', null)
      .where((eb) => (transactionId === null ? eb('transaction_id', 'is', null) : eb('transaction_id', '=', transactionId)))
      .forUpdate()
      .executeTakeFirst();
    if (current) {
      const existing = hold(current);
      if (existing.until === null || existing.until >= actor.today) alreadyHeld(existing);
      await trx.updateTable('collection_holds').set({ lifted_by: 'expired', lifted_at: sql<Date>`${existing.until}::date + 1` }).where('id', '=', existing.id).execute();
    }
    const row = await trx
      .insertInto('collection_holds')
      .values({ customer_id: customerId, transaction_id: transactionId, reason: command.reason, held_until: command.until, created_by: actor.agentId })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    const made1 = hold(row);
    await recordAudit(trx, { actor: actor.agentId, action: 'hold.put', ...auditTarget(made1), before: { hold: null }, after: audited(made1) });
    made.push(made1);
  }
  return made;
}

/** Lifts a hold not yet lifted (a 409 when it was). */
export async function liftHold(trx: Trx, holdId: string, actor: HoldActor): Promise<Hold> {
  const row = isUuid(holdId) ? await trx.selectFrom('collection_holds').select(COLUMNS).where('id', '=', holdId).forUpdate().executeTakeFirst() : undefined;
  if (!row) throw notFound('hold_not_found', `No hold ${holdId}.`, { id: holdId });
  const before = hold(row);
  await checkMayHold(trx, before.customerId, actor);
  checkLiftable(before);
  const lifted = hold(
    await trx.updateTable('collection_holds').set({ lifted_by: actor.agentId, lifted_at: new Date() }).where('id', '=', holdId).returning(COLUMNS).executeTakeFirstOrThrow(),
  );
  await recordAudit(trx, { actor: actor.agentId, action: 'hold.lifted', ...auditTarget(lifted), before: audited(before), after: audited(lifted) });
  return lifted;
}
