// Test support for the actions on open transactions: a customer with entries written straight into
// a fresh database, the API called as the demo agent, and a snapshot of everything an action may
// change, to show that a refused action changed nothing.
import type { LightMyRequestResponse } from 'fastify';
import type { LedgerKind } from '../../../server/domain/types';
import { openTestApp, seedCustomers, type TestApp } from '../http/world';
import type { TestDatabaseName } from '../../support/db';

export interface ActionsWorld {
  t: TestApp;
  customerId: string;
  entry(document: string, amount: bigint, opts?: { kind?: LedgerKind; currency?: string; posted?: string; due?: string | null }): Promise<string>;
  settle(debitId: string, creditId: string, amount: bigint, on: string): Promise<void>;
  call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Ledger entries, settlements and audit events as they stand. */
  snapshot(): Promise<unknown>;
  close(): Promise<void>;
}

export async function openActionsWorld(name: TestDatabaseName): Promise<ActionsWorld> {
  const t = await openTestApp(name);
  const { C1: customerId } = (await seedCustomers(t.handle.db, [{ account: 'C1', name: 'Contoso Retail Ltd' }])) as { C1: string };
  const db = t.handle.db;
  return {
    t,
    customerId,
    async entry(document, amount, opts = {}) {
      const kind = opts.kind ?? (amount > 0n ? 'invoice' : 'payment');
      const { id } = await db
        .insertInto('ledger_entries')
        .values({
          customer_id: customerId, external_id: null, kind, document, posting_date: opts.posted ?? '2026-01-05',
          due_date: opts.due === undefined ? (amount > 0n ? '2026-02-04' : null) : opts.due, currency: opts.currency ?? 'USD',
          amount, amount_accounting: amount, status_date: null, promise_date: null, promise_amount: null, dispute_reason: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },
    async settle(debitId, creditId, amount, on) {
      await db.insertInto('settlements').values({ debit_id: debitId, credit_id: creditId, amount, settled_on: on }).execute();
    },
    call: (method, url, payload, headers = {}) => t.app.inject({ method, url, ...(payload ? { payload } : {}), headers }),
    async snapshot() {
      return {
        entries: await db.selectFrom('ledger_entries').selectAll().orderBy('id').execute(),
        settlements: await db.selectFrom('settlements').selectAll().orderBy('id').execute(),
        audits: (await db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n,
      };
    },
    close: () => t.close(),
  };
}
