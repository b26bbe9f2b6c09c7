// Letter batches across server processes, with leases of 2 s: a batch started on one process is
// watched from another; when its process is killed half-way the other finishes it once the lease
// has expired, and when its process gets SIGTERM the request in flight completes and the batch
// resumes elsewhere. Every letter is posted once, queued once and, drained to the Graph test server,
// sent once.
import { request } from 'node:http';
import { sql } from 'kysely';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../../server/db/kysely';
import { migrateToLatest } from '../../../server/db/migrate';
import { OutboxWorker } from '../../../server/graph/worker';
import type { LetterBatchResponse } from '../../../server/http/schemas/letters';
import { startGraphServer } from '../../support/graph-server';
import { createCustomer } from '../letters/world';
import {
  compileServer, createScratchDatabase, getJson, postgresSkipReason, postJson, sleep, startServer, stopAll, waitReady,
  type CompiledServer, type Proc, type ScratchDatabase, type ServerProc,
} from './processes';

const skipReason = await postgresSkipReason();
const LEASE_MS = 2_000;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function count(handle: DatabaseHandle, table: 'collection_letters' | 'outbox'): Promise<{ rows: number; distinct: number }> {
  const column = table === 'outbox' ? 'idempotency_key' : 'customer_id';
  const row = await handle.db
    .selectFrom(table)
    .select((eb) => [eb.fn.countAll<string>().as('rows'), eb.fn.count<string>(column).distinct().as('distinct')])
    .executeTakeFirstOrThrow();
  return { rows: Number(row.rows), distinct: Number(row.distinct) };
}

/** The pid in the holder of the batch's lease (host:pid:random); null when nobody holds it. */
async function leasePid(handle: DatabaseHandle, batchId: string): Promise<number | null> {
  const row = await sql<{ holder: string }>`select holder from leases where name = ${`letter-batch:${batchId}`}`.execute(handle.db);
  return row.rows[0] ? Number(row.rows[0].holder.split(':')[1]) : null;
}

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await sleep(20);
  }
}

/** Polls the batch on `server` until `until` holds; returns the batch then. */
async function watch(server: ServerProc, id: string, until: (b: LetterBatchResponse) => boolean, timeoutMs = 50_000): Promise<LetterBatchResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const batch = await getJson<LetterBatchResponse>(`${server.url}/api/letters/batch/${id}`);
    if (until(batch)) return batch;
    if (Date.now() > deadline) throw new Error(`Batch ${id} stuck at ${JSON.stringify(batch.counts)} (${batch.status})`);
    await sleep(40);
  }
}

/** Sends every queued mail to the Graph test server; returns the subjects it received. */
async function drainOutbox(handle: DatabaseHandle): Promise<{ subjects: string[]; violations: string[] }> {
  const graph = await startGraphServer();
  try {
    const worker = new OutboxWorker({
      db: handle.db,
      settings: { baseUrl: graph.baseUrl, timeoutMs: 10_000, customerUrl: 'https://localhost/customers/{id}', token: { kind: 'dev', token: graph.token }, inProcessWorker: false },
      tokens: { tokenFor: async () => graph.token, remember: () => undefined },
      log: quiet,
      batchSize: 50,
    });
    while ((await worker.runOnce()) > 0);
    const subjects = (graph.store.mails as Array<{ message: { subject: string } }>).map((m) => m.message.subject);
    return { subjects, violations: graph.violations };
  } finally {
    await graph.close();
  }
}

describe.skipIf(skipReason)('letter batches on two server processes sharing one database', () => {
  let build: CompiledServer;
  let database: ScratchDatabase | undefined;
  let handle: DatabaseHandle | undefined;
  let procs: Proc[] = [];

  beforeAll(async () => {
    build = await compileServer();
  });
  afterAll(async () => build?.remove());
  afterEach(async () => {
    await stopAll(procs);
    procs = [];
    await handle?.close();
    handle = undefined;
    await database?.drop();
    database = undefined;
  });

  /** A migrated database with `customers` customers that each have one overdue invoice and a contact. */
  async function world(customers: number): Promise<Record<string, string>> {
    database = await createScratchDatabase();
    handle = await openDatabase({ databaseUrl: database.url });
    await migrateToLatest(handle.db);
    for (let i = 1; i <= customers; i++) {
      await createCustomer(handle.db, { account: `C-${String(i).padStart(4, '0')}`, invoices: [[`INV-${i}`, '2026-02-01', 10_000n + BigInt(i)]] });
    }
    // Graph delivery queues each letter's mail; sending is left to this test (GRAPH_WORKER=off).
    return { DATABASE_URL: database.url, LEASE_TTL_MS: String(LEASE_MS), GRAPH_DEV_TOKEN: 'deploy-test', GRAPH_BASE_URL: 'http://127.0.0.1:9', GRAPH_WORKER: 'off' };
  }

  async function twoServers(env: Record<string, string>): Promise<[ServerProc, ServerProc]> {
    const servers = await Promise.all([startServer(build, env), startServer(build, env)]);
    procs = servers;
    await Promise.all(servers.map((s) => waitReady(s)));
    return servers as [ServerProc, ServerProc];
  }

  async function expectEachLetterOnce(letters: number): Promise<void> {
    expect(await count(handle!, 'collection_letters')).toEqual({ rows: letters, distinct: letters });
    expect(await count(handle!, 'outbox')).toEqual({ rows: letters, distinct: letters });
    const { subjects, violations } = await drainOutbox(handle!);
    expect(violations).toEqual([]);
    expect(subjects).toHaveLength(letters);
    expect(new Set(subjects).size).toBe(letters);
  }

  it('finishes on the other process, once the lease expires, a batch whose process was killed half-way', async () => {
    const [a, b] = await twoServers(await world(200));
    const started = await postJson<LetterBatchResponse>(`${a.url}/api/letters/batch`, { delivery: 'graph', asOf: '2026-03-01' });
    expect(started.status).toBe(202);
    expect(started.body.counts.pending).toBe(200);
    const t0 = Date.now();

    // Watched from the process that does not run it.
    const half = await watch(b, started.body.id, (batch) => batch.counts.sent >= 100);
    expect(await leasePid(handle!, started.body.id)).toBe(a.child.pid);
    a.child.kill('SIGKILL');
    const killedAt = Date.now();
    await a.exited;
    const atKill = await getJson<LetterBatchResponse>(`${b.url}/api/letters/batch/${started.body.id}`);
    const resumed = await watch(b, started.body.id, (batch) => batch.counts.sent > atKill.counts.sent);
    const takeoverMs = Date.now() - killedAt;
    expect(await leasePid(handle!, started.body.id)).toBe(b.child.pid);
    const done = await watch(b, started.body.id, (batch) => batch.status === 'done');
    const figures = { sentWhenSeenHalf: half.counts.sent, sentAtKill: atKill.counts.sent, firstLetterOnBAfterMs: takeoverMs, totalMs: Date.now() - t0 };
    console.log(`kill test (200 letters, lease ${LEASE_MS} ms): ${JSON.stringify(figures)}; resumed at ${resumed.counts.sent}`);

    expect(done.counts).toEqual({ pending: 0, posted: 0, sent: 200, skipped: 0, failed: 0 });
    // Not before the dead process's lease had expired: it renewed it every third of the lease time,
    // so it ran out between two thirds of a lease and a whole one after the kill.
    expect(takeoverMs).toBeGreaterThanOrEqual((LEASE_MS * 2) / 3 - 100);
    await expectEachLetterOnce(200);
  }, 90_000);

  it('on SIGTERM completes the request in flight and lets the batch resume on the other process', async () => {
    const [a, b] = await twoServers(await world(80));
    const started = await postJson<LetterBatchResponse>(`${a.url}/api/letters/batch`, { delivery: 'graph', asOf: '2026-03-01' });
    expect(started.status).toBe(202);
    await watch(b, started.body.id, (batch) => batch.counts.sent >= 15);

    // A request whose body is still coming when SIGTERM arrives.
    const body = '{}';
    let answer = '';
    const req = request(`${a.url}/api/letters/batch/${started.body.id}/resume`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
    });
    const response = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        res.on('data', (chunk: Buffer) => (answer += chunk.toString()));
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
    });
    req.write(body.slice(0, 1));
    await sleep(300);
    a.child.kill('SIGTERM');
    const termAt = Date.now();
    // The process stops its batch after the current letter and gives its lease up while the request
    // is still open…
    expect(await leasePid(handle!, started.body.id)).toBe(a.child.pid);
    await until(() => leasePid(handle!, started.body.id), (pid) => pid !== a.child.pid);
    const interrupted = await getJson<LetterBatchResponse>(`${b.url}/api/letters/batch/${started.body.id}`);
    expect(interrupted.counts.sent).toBeLessThan(80);
    req.end(body.slice(1));
    // …answers it, and exits.
    expect(await response).toBe(202);
    expect(JSON.parse(answer)).toMatchObject({ id: started.body.id });
    expect(await a.exited).toEqual({ code: 0, signal: null });
    console.log(`SIGTERM test: interrupted at ${interrupted.counts.sent} of 80; exited ${Date.now() - termAt} ms after SIGTERM`);

    // …and the other process resumes the batch.
    await until(() => leasePid(handle!, started.body.id), (pid) => pid === b.child.pid);
    const done = await watch(b, started.body.id, (batch) => batch.status === 'done');
    expect(done.counts).toEqual({ pending: 0, posted: 0, sent: 80, skipped: 0, failed: 0 });
    await expectEachLetterOnce(80);
  }, 90_000);
});
