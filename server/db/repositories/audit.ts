// The audit trail: every state change is recorded with who, what, before and after, inside the
// same transaction as the change itself; read back as a transaction's collections history.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

export interface AuditEvent {
  /** Agent id, or a system actor such as 'import'. */
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(db: Kysely<Database>, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      actor: event.actor,
      action: event.action,
      entity: event.entity,
      entity_id: event.entityId,
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
    })
    .execute();
}

/** One recorded change, with the name (or email) of the agent who made it when the actor is one. */
export interface AuditRecord extends Required<AuditEvent> {
  id: string;
  occurredAt: Date;
  actorName: string | null;
}

/**
 * The collections history of a customer's transactions (or of one of them), newest first: every
 * audited change of its ledger entries.
 */
export async function transactionHistory(db: Kysely<Database>, customerId: string, transactionId: string | null, limit = 500): Promise<AuditRecord[]> {
  let query = db
    .selectFrom('audit_events as a')
    .leftJoin('agents as g', (join) => join.on(sql`g.id::text`, '=', sql.ref('a.actor')))
    .select(['a.id', sql<Date>`a.occurred_at`.as('occurred_at'), 'a.actor', 'a.action', 'a.entity', 'a.entity_id', 'a.before', 'a.after'])
    .select(sql<string | null>`coalesce(g.name, g.email)`.as('actor_name'))
    .where((eb) =>
      eb.or([
        eb.and([eb('a.entity', '=', 'ledger_entry'), eb('a.entity_id', 'in', db.selectFrom('ledger_entries').select(sql<string>`id::text`.as('id')).where('customer_id', '=', customerId))]),
        // The customer's own collections holds belong to the history of all its transactions.
        ...(transactionId === null ? [eb.and([eb('a.entity', '=', 'customer'), eb('a.entity_id', '=', customerId), eb('a.action', 'like', 'hold.%')])] : []),
      ]),
    );
  if (transactionId !== null) query = query.where('a.entity_id', '=', transactionId);
  const rows = await query.orderBy('a.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id.toString(),
    occurredAt: r.occurred_at,
    actor: r.actor,
    actorName: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
  }));
}
