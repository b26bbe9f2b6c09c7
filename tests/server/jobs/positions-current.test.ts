// The customer positions job (server/jobs/positions-current.ts) on PGlite and PostgreSQL: started
// with the server, it makes the positions current for the company's today without any request or
// write (a debit falling overdue shows in the stored row), runs again as the days pass, and two
// servers on one database take turns (one lease) rather than both recomputing.
import Fastify, { type FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { ensurePositionsCurrent, storedPositions } from '../../../server/db/repositories/positions';
import { importFiles } from '../../../server/import/index';
import positionsJob from '../../../server/jobs/positions-current';
import { openTestDatabase, testDatabases } from '../../support/db';
import { file, LEDGER_HEADER } from '../import/fixtures';

const opts = { accountingCurrency: 'USD', actor: 'test' };

/** Contoso owes INV-1 (1,000.00, due 2026-03-03) and INV-2 (500.00, due 2026-03-20), as of 2026-03-01. */
async function seed(handle: DatabaseHandle): Promise<string> {
  await ensurePositionsCurrent(handle.db, '2026-03-01');
  await importFiles(handle, [
    file('customers.csv', 'account,name,currency\nC-1,Contoso,USD'),
    file('ledger.csv', [LEDGER_HEADER, 'I1,C-1,invoice,INV-1,2026-02-01,2026-03-03,USD,1000.00,', 'I2,C-1,invoice,INV-2,2026-02-10,2026-03-20,USD,500.00,'].join('\n')),
  ], opts);
  const [row] = await storedPositions(handle.db);
  expect(row).toMatchObject({ computed_for: '2026-03-01', overdue: 0n });
  return row!.customer_id;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A bare server with only the job, whose clock reads `clock.now`. */
async function server(handle: DatabaseHandle, clock: { now: Date }, intervalMs: number): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  const config = loadConfig({ COMPANY_TIMEZONE: 'Pacific/Auckland', LEASE_TTL_MS: '1000' });
  await app.register(positionsJob, { db: handle.db, config, intervalMs, now: () => clock.now });
  await app.ready();
  return app;
}

describe.each(testDatabases)('customer positions job on $name', ({ name, skipReason }) => {
  it.skipIf(skipReason)("brings the positions to the company's today at start-up and again as the days pass", async () => {
    const handle = await openTestDatabase(name);
    // 2026-03-03 23:30 UTC is already the 4th in Auckland: INV-1 (due the 3rd) is overdue there.
    const clock = { now: new Date('2026-03-03T23:30:00Z') };
    let app: FastifyInstance | null = null;
    try {
      const customer = await seed(handle);
      app = await server(handle, clock, 300);
      const current = async () => (await storedPositions(handle.db, [customer]))[0]!;
      const onThe4th = await until(current, (row) => row.computed_for === '2026-03-04');
      expect(onThe4th).toMatchObject({ computed_for: '2026-03-04', overdue: 100000n, oldest_overdue_due: '2026-03-03', balance: 150000n });

      // Nothing is written; only the date moves past INV-2's due date.
      clock.now = new Date('2026-03-21T12:00:00Z');
      const onThe22nd = await until(current, (row) => row.computed_for === '2026-03-22');
      expect(onThe22nd).toMatchObject({ computed_for: '2026-03-22', overdue: 150000n, next_change_on: null });
    } finally {
      await app?.close();
      await handle.close();
    }
  }, 120_000);

  it.skipIf(skipReason)('runs on one server at a time: the other skips its turn while the lease is held', async () => {
    const handle = await openTestDatabase(name);
    const first = { now: new Date('2026-03-04T00:00:00Z') };
    const second = { now: new Date('2026-03-25T00:00:00Z') };
    const apps: FastifyInstance[] = [];
    try {
      const customer = await seed(handle);
      // A long interval: the first server's run holds the lease for it, so the second never runs.
      apps.push(await server(handle, first, 60_000));
      const current = async () => (await storedPositions(handle.db, [customer]))[0]!;
      expect(await until(current, (row) => row.computed_for === '2026-03-04')).toMatchObject({ computed_for: '2026-03-04' });
      apps.push(await server(handle, second, 60_000));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await current()).toMatchObject({ computed_for: '2026-03-04', overdue: 100000n });
      // Stopping releases the lease: the next server to start takes the job at once.
      await apps.shift()!.close();
      await apps.shift()!.close();
      apps.push(await server(handle, second, 60_000));
      expect(await until(current, (row) => row.computed_for === '2026-03-25')).toMatchObject({ computed_for: '2026-03-25', overdue: 150000n });
    } finally {
      for (const app of apps) await app.close();
      await handle.close();
    }
  }, 120_000);
});
