// Test support for the pools suites: the app on a fresh database, hand-built customers with the
// columns pools select by, their debits, credits, statuses, holds and activities written straight
// into the database, dated relative to today (the date the worklist reads positions for).
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { addDays, todayIn } from '../../../server/domain/dates';
import type { AccountStatus, CollectionStatus } from '../../../server/domain/types';
import type { TestDatabaseName } from '../../support/db';
import { openTestApp, type TestApp } from '../http/world';

export const TODAY = todayIn('UTC', new Date());
export const daysAgo = (days: number) => addDays(TODAY, -days);

export interface CustomerSpec {
  account: string;
  name?: string;
  group?: string | null;
  area?: string | null;
  terms?: string | null;
  currency?: string;
  agentId?: string | null;
  rating?: string | null;
  status?: AccountStatus;
  creditLimit?: bigint | null;
}

export interface DebitSpec {
  /** Days past due today (0: due today, negative: due later). */
  overdueDays?: number;
  status?: CollectionStatus;
  /** For promises: the promise date as days from today (negative: passed). */
  promiseInDays?: number;
  document?: string;
}

export interface PoolsWorld {
  t: TestApp;
  customer(spec: CustomerSpec): Promise<string>;
  debit(customerId: string, amount: bigint, spec?: DebitSpec): Promise<string>;
  credit(customerId: string, amount: bigint): Promise<string>;
  setStatus(entryId: string, status: CollectionStatus, promiseInDays?: number): Promise<void>;
  hold(customerId: string, transactionId?: string | null): Promise<void>;
  activity(customerId: string, daysAgo: number, followUpInDays?: number | null): Promise<void>;
  agent(role: 'agent' | 'manager' | 'admin', email: string): Promise<string>;
  call(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function openPoolsWorld(name: TestDatabaseName, env: Record<string, string> = {}): Promise<PoolsWorld> {
  const t = await openTestApp(name, { env });
  const db = t.handle.db;
  let documents = 0;
  const agentIds = new Map<string, string>();
  async function ownerId(): Promise<string> {
    const row = await db.selectFrom('agents').select('id').orderBy('created_at').executeTakeFirst();
    return row?.id ?? world.agent('agent', 'owner@example.com');
  }
  const world: PoolsWorld = {
    t,
    async customer(spec) {
      const { id } = await db
        .insertInto('customers')
        .values({
          account: spec.account,
          name: spec.name ?? `Customer ${spec.account}`,
          currency: spec.currency ?? 'USD',
          status: spec.status ?? 'active',
          domains: [],
          customer_group: spec.group ?? null,
          sales_area: spec.area ?? null,
          payment_terms: spec.terms ?? null,
          credit_limit: spec.creditLimit ?? null,
          credit_rating: spec.rating ?? null,
          customer_since: null,
          default_agent_id: spec.agentId ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },
    async debit(customerId, amount, spec = {}) {
      const due = daysAgo(spec.overdueDays ?? 10);
      const { id } = await db
        .insertInto('ledger_entries')
        .values({
          customer_id: customerId, external_id: null, kind: 'invoice', document: spec.document ?? `INV-${++documents}`,
          posting_date: addDays(due, -30) < TODAY ? addDays(due, -30) : TODAY, due_date: due, currency: 'USD', amount, amount_accounting: amount,
          status_date: null, promise_date: null, promise_amount: null, dispute_reason: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (spec.status && spec.status !== 'none') await world.setStatus(id, spec.status, spec.promiseInDays);
      return id;
    },
    async credit(customerId, amount) {
      const { id } = await db
        .insertInto('ledger_entries')
        .values({
          customer_id: customerId, external_id: null, kind: 'payment', document: `PAY-${++documents}`, posting_date: daysAgo(1), due_date: null,
          currency: 'USD', amount: -amount, amount_accounting: -amount, status_date: null, promise_date: null, promise_amount: null, dispute_reason: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },
    async setStatus(entryId, status, promiseInDays) {
      const promise = status === 'promise_to_pay' || status === 'promise_broken';
      await db
        .updateTable('ledger_entries')
        .set({
          collection_status: status,
          status_date: daysAgo(20),
          promise_date: promise ? addDays(TODAY, promiseInDays ?? (status === 'promise_broken' ? -5 : 5)) : null,
          dispute_reason: status === 'disputed' ? 'Price' : null,
        })
        .where('id', '=', entryId)
        .execute();
    },
    async hold(customerId, transactionId = null) {
      await db.insertInto('collection_holds').values({ customer_id: customerId, transaction_id: transactionId, reason: 'Test hold', held_until: null, created_by: 'test', lifted_by: null, lifted_at: null }).execute();
    },
    async activity(customerId, ago, followUpInDays = null) {
      const at = new Date(`${daysAgo(ago)}T10:00:00Z`);
      await db
        .insertInto('activities')
        .values({
          customer_id: customerId, type: 'call', purpose: 'Reminder', outcome: null, notes: null, contact: null, duration_minutes: null,
          start_at: at, end_at: null, due_at: null, follow_up_at: followUpInDays === null ? null : new Date(`${addDays(TODAY, followUpInDays)}T09:00:00Z`),
          owner_agent_id: await ownerId(), graph_event_id: null, graph_task_id: null, sync_error: null, history: '[]',
          created_at: sql<Date>`least(now(), ${at.toISOString()}::timestamptz)`, updated_at: at,
        })
        .execute();
    },
    async agent(role, email) {
      const known = agentIds.get(email);
      if (known) return known;
      const { id } = await db.insertInto('agents').values({ entra_oid: null, email, name: email.split('@')[0]!, role }).returning('id').executeTakeFirstOrThrow();
      agentIds.set(email, id);
      return id;
    },
    call: (method, url, payload) => t.app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) }),
    close: () => t.close(),
  };
  return world;
}
