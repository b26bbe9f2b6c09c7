// The audit trail: every state change is recorded with who, what, before and after, inside the
// same transaction as the change itself.
import type { Kysely } from 'kysely';
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
