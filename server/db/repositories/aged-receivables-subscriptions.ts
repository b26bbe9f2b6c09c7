// Month-end delivery of the aged receivables report: managers' subscriptions (on or off) and the
// record of each (manager, month) delivery, whose primary key lets exactly one process queue it.
// Plain SQL: the tables are this feature's alone (migration 009), not part of the shared schema types.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema';
import type { IsoDate } from '../../domain/types';

type Db = Kysely<Database> | Transaction<Database>;

export interface Recipient {
  id: string;
  email: string;
  name: string | null;
}

export async function setAgedReceivablesSubscription(db: Db, agentId: string, subscribed: boolean): Promise<void> {
  if (subscribed) {
    await sql`insert into aged_receivables_subscriptions (agent_id) values (${agentId}) on conflict do nothing`.execute(db);
  } else {
    await sql`delete from aged_receivables_subscriptions where agent_id = ${agentId}`.execute(db);
  }
}

export async function agedReceivablesSubscription(db: Db, agentId: string): Promise<{ subscribed: boolean; lastMonthEnd: IsoDate | null }> {
  const { rows } = await sql<{ subscribed: boolean; last: string | null }>`
    select exists (select 1 from aged_receivables_subscriptions where agent_id = ${agentId}) as subscribed,
      (select max(month_end)::text from aged_receivables_deliveries where agent_id = ${agentId}) as last`.execute(db);
  return { subscribed: rows[0]!.subscribed, lastMonthEnd: (rows[0]!.last as IsoDate | null) ?? null };
}

/**
 * Subscribed managers and administrators whose report as of `monthEnd` is not queued yet. An agent
 * whose role was taken away since subscribing gets nothing.
 */
export async function pendingMonthEndRecipients(db: Db, monthEnd: IsoDate): Promise<Recipient[]> {
  const { rows } = await sql<Recipient>`
    select a.id, a.email, a.name from aged_receivables_subscriptions s join agents a on a.id = s.agent_id
    where a.role in ('manager', 'admin')
      and not exists (select 1 from aged_receivables_deliveries d where d.agent_id = a.id and d.month_end = ${monthEnd}::date)
    order by a.email`.execute(db);
  return rows;
}

/**
 * Claims the delivery of `monthEnd`'s report to the agent: true for the one transaction that
 * records it first (queue the mail in that same transaction), false for every later one.
 */
export async function claimMonthEndDelivery(trx: Transaction<Database>, agentId: string, monthEnd: IsoDate): Promise<boolean> {
  const { rows } = await sql`
    insert into aged_receivables_deliveries (agent_id, month_end) values (${agentId}, ${monthEnd}::date)
    on conflict do nothing returning agent_id`.execute(trx);
  return rows.length === 1;
}
