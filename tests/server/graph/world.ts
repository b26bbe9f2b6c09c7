// A small world for the Graph sync tests: the Graph test server, the app in development auth mode
// pointed at it (the in-process worker off, so tests drive workers themselves), and a customer.
import type { Kysely } from 'kysely';
import type { Database } from '../../../server/db/schema';
import type { Logger } from '../../../server/graph/logger';
import { OutboxWorker, type OutboxWorkerOptions } from '../../../server/graph/worker';
import type { GraphSettings } from '../../../server/graph/settings';
import { devTokenSource } from '../../../server/graph/tokens';
import type { Activity, CreateActivityRequest } from '../../../server/http/schemas/activities';
import { startGraphServer, type GraphTestServer } from '../../support/graph-server';
import type { TestDatabaseName } from '../../support/db';
import { openTestApp, seedCustomers, type TestApp } from '../http/world';

export interface GraphWorld {
  graph: GraphTestServer;
  app: TestApp;
  db: Kysely<Database>;
  settings: GraphSettings;
  customerId: string;
  log: Logger;
  post(body: CreateActivityRequest): Promise<Activity>;
  worker(opts?: Partial<OutboxWorkerOptions>): OutboxWorker;
  /** Runs workers until no outbox row is left unfinished. */
  drain(workers: OutboxWorker[], opts?: { timeoutMs?: number }): Promise<void>;
  activity(id: string): Promise<Activity>;
  close(): Promise<void>;
}

export const quietLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export async function openGraphWorld(dbName: TestDatabaseName, opts: { timeoutMs?: number } = {}): Promise<GraphWorld> {
  const graph = await startGraphServer();
  const env = {
    HOST: '127.0.0.1',
    GRAPH_DEV_TOKEN: graph.token,
    GRAPH_BASE_URL: graph.baseUrl,
    GRAPH_WORKER: 'off',
    GRAPH_TIMEOUT_MS: String(opts.timeoutMs ?? 2_000),
  };
  const app = await openTestApp(dbName, { env });
  const db = app.handle.db;
  const settings = app.app.config.graph!;
  const { C1: customerId } = await seedCustomers(db, [{ account: 'C1', name: 'Contoso Retail Ltd' }]);
  const tokens = devTokenSource(graph.token);

  const world: GraphWorld = {
    graph, app, db, settings, customerId: customerId!, log: quietLog,
    async post(body) {
      const response = await app.app.inject({ method: 'POST', url: `/api/customers/${customerId}/activities`, payload: body });
      if (response.statusCode !== 201) throw new Error(`POST activity: ${response.statusCode} ${response.body}`);
      return response.json() as Activity;
    },
    worker: (o = {}) =>
      new OutboxWorker({ db, settings, tokens, log: quietLog, leaseMs: 5_000, backoff: { baseMs: 20, capMs: 200 }, ...o }),
    async drain(workers, o = {}) {
      const deadline = Date.now() + (o.timeoutMs ?? 30_000);
      for (;;) {
        await Promise.all(workers.map((w) => w.runOnce().catch(() => 0)));
        const open = await db.selectFrom('outbox').select('id').where('done_at', 'is', null).executeTakeFirst();
        if (!open) return;
        if (Date.now() > deadline) throw new Error('The outbox did not drain in time');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async activity(id) {
      const response = await app.app.inject({ method: 'GET', url: `/api/customers/${customerId}/activities?limit=500` });
      return (response.json() as { items: Activity[] }).items.find((a) => a.id === id)!;
    },
    async close() {
      await app.close();
      await graph.close();
    },
  };
  return world;
}

export function call(n: number, extra: Partial<CreateActivityRequest> = {}): CreateActivityRequest {
  return {
    type: 'call',
    purpose: `Overdue invoices, call ${n}`,
    outcome: 'reached',
    notes: `Spoke to AP <accounts@contoso.example> about call ${n}`,
    durationMinutes: 10,
    startAt: new Date(Date.UTC(2026, 10, 2, 9, n % 60)).toISOString(),
    followUpAt: new Date(Date.UTC(2026, 11, 1, 9, 30)).toISOString(),
    ...extra,
  };
}
