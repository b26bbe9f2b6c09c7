// Posted letters as the email activities they are, for the customer's Activities list (the
// timeline shows each letter once, as a letter; the list shows it as an email beside calls and tasks).
import { sql, type Kysely } from 'kysely';
import type { ActivityRecord, ActivitySyncState } from '../../domain/activities';
import type { Database } from '../../db/schema';
import { letterMailKey } from '../mail';

/**
 * Where a letter's mail stands, in the activities' sync terms: a Graph letter is pending until the
 * outbox worker sends it, and not_configured when the server has no Graph access (nothing sends it).
 * A reply letter is in Outlook once the pane reported the reply sent.
 */
export function letterSyncState(delivery: 'reply' | 'graph', status: 'posted' | 'sent' | 'failed', graphEnabled: boolean): ActivitySyncState {
  if (status === 'sent') return 'synced';
  if (status === 'failed') return 'failed';
  return delivery === 'graph' && graphEnabled ? 'pending' : 'not_configured';
}

/** The customer's newest `limit` letters as email activities, newest first. */
export async function letterActivities(db: Kysely<Database>, customerId: string, limit: number, graphEnabled: boolean): Promise<ActivityRecord[]> {
  const rows = await db
    .selectFrom('collection_letters as l')
    .leftJoin('outbox as o', (join) => join.on('o.idempotency_key', '=', sql<string>`${letterMailKey('')} || l.id::text`))
    .select([
      'l.id', 'l.number', 'l.level_name', 'l.delivery', 'l.status', 'l.recipient', 'l.fee_entry_id', 'l.posted_by', 'l.created_at',
      'o.result as mail_result', 'o.last_error as mail_error',
      (eb) => eb.selectFrom('collection_letter_lines as ln').select(sql<string[]>`coalesce(array_agg(ln.entry_id::text), '{}')`.as('ids')).whereRef('ln.letter_id', '=', 'l.id').as('entry_ids'),
    ])
    .where('l.customer_id', '=', customerId)
    .orderBy('l.created_at', 'desc')
    .orderBy('l.number', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => {
    const status = r.delivery === 'graph' && r.mail_result ? r.mail_result : r.status;
    const state = letterSyncState(r.delivery, status, graphEnabled);
    const postedAt = new Date(r.created_at);
    return {
      id: r.id,
      customerId,
      type: 'email',
      purpose: `Letter ${r.number}: ${r.level_name}`,
      outcome: null,
      notes: null,
      contact: r.recipient,
      durationMinutes: null,
      startAt: postedAt,
      endAt: null,
      dueAt: null,
      followUpAt: null,
      // A letter is done once posted: there is nothing to complete or cancel.
      status: 'completed',
      ownerAgentId: r.posted_by,
      ledgerEntryIds: [...(r.fee_entry_id ? [r.fee_entry_id] : []), ...(r.entry_ids ?? [])],
      createdAt: postedAt,
      updatedAt: postedAt,
      version: 1,
      sync: state === 'failed' && r.mail_error ? { state, error: r.mail_error } : { state },
      history: [],
    } satisfies ActivityRecord;
  });
}
