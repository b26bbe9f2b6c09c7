// Leases in the database, on both databases: one holder at a time until it expires or is released;
// a leased periodic job runs on one of two "processes" and passes to the other when the first stops;
// LEASE_TTL_MS is checked; readiness answers 503 until the migrations are current, liveness always.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { loadConfig } from '../../../server/config';
import { acquireLease, releaseLease, renewLease } from '../../../server/db/repositories/leases';
import { startLeasedPeriodic } from '../../../server/jobs/leased';
import { openTestDatabase, testDatabases } from '../../support/db';
import { openTestApp } from '../http/world';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testDatabases)('leases on $name', ({ name, skipReason }) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    if (!skipReason) handle = await openTestDatabase(name);
  });
  afterEach(async () => {
    if (!skipReason) await handle.close();
  });

  it.skipIf(skipReason)('has one holder until the lease expires or is released', async () => {
    const { db } = handle;
    expect(await acquireLease(db, 'work', 'a', 300)).toBe(true);
    expect(await acquireLease(db, 'work', 'b', 300)).toBe(false);
    // The holder's own acquire renews.
    expect(await acquireLease(db, 'work', 'a', 300)).toBe(true);
    expect(await renewLease(db, 'work', 'b', 300)).toBe(false);
    expect(await renewLease(db, 'work', 'a', 300)).toBe(true);
    await sleep(400);
    expect(await acquireLease(db, 'work', 'b', 10_000)).toBe(true);
    // The first holder finds it lost; its release leaves the new holder's lease alone.
    expect(await renewLease(db, 'work', 'a', 300)).toBe(false);
    await releaseLease(db, 'work', 'a');
    expect(await acquireLease(db, 'work', 'a', 300)).toBe(false);
    await releaseLease(db, 'work', 'b');
    expect(await acquireLease(db, 'work', 'a', 300)).toBe(true);
  });

  it.skipIf(skipReason)('runs a leased periodic job on one process at a time, and on the other once the first stops', async () => {
    const runs = { a: 0, b: 0 };
    const onError = (job: string, error: unknown) => {
      throw new Error(`${job}: ${String(error)}`);
    };
    const a = startLeasedPeriodic('tick', 50, { db: handle.db, holder: 'a', ttlMs: 5_000 }, async () => void runs.a++, onError);
    await sleep(30);
    const b = startLeasedPeriodic('tick', 50, { db: handle.db, holder: 'b', ttlMs: 5_000 }, async () => void runs.b++, onError);
    await sleep(400);
    expect(runs.a).toBeGreaterThan(0);
    expect(runs.b).toBe(0);
    await a.stop();
    const before = runs.a;
    // Released on stop: the other takes the job at its next turn, not after the lease time.
    await sleep(300);
    expect(runs.a).toBe(before);
    expect(runs.b).toBeGreaterThan(0);
    await b.stop();
  });
});

describe('LEASE_TTL_MS', () => {
  it('defaults to 30 s and refuses less than half a second', () => {
    expect(loadConfig({}).leaseTtlMs).toBe(30_000);
    expect(loadConfig({ LEASE_TTL_MS: '2000' }).leaseTtlMs).toBe(2_000);
    expect(() => loadConfig({ LEASE_TTL_MS: '100' })).toThrow(/^LEASE_TTL_MS: '100' must be a whole number of milliseconds, at least 500/);
    expect(() => loadConfig({ LEASE_TTL_MS: '2s' })).toThrow(/^LEASE_TTL_MS:/);
  });
});

describe.each(testDatabases)('health endpoints on $name', ({ name, skipReason }) => {
  it.skipIf(skipReason)('says live always, and ready only with the migrations current', async () => {
    const t = await openTestApp(name);
    try {
      expect((await t.app.inject('/health/live')).json()).toEqual({ status: 'ok' });
      expect((await t.app.inject('/health/ready')).json()).toEqual({ status: 'ok' });
      expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    } finally {
      await t.close();
    }
    // A database behind this build: its last migration not applied yet.
    const stale = await openTestApp(name);
    try {
      await sql`delete from kysely_migration where name = (select max(name) from kysely_migration)`.execute(stale.handle.db);
      const res = await stale.app.inject('/health/ready');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'migrations_pending' });
      expect((await stale.app.inject('/health/live')).statusCode).toBe(200);
    } finally {
      await stale.close();
    }
  });
});
