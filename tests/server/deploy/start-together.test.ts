// Starting together on one PostgreSQL database: three server processes started at once on an empty
// database with the demo company all come up and the company is loaded once (two more started on the
// then populated database come up too); two imports of the same files started at once both end well
// (one inserts, the other finds everything unchanged); and the compiled server runs with plain node,
// imports only production dependencies and answers its health endpoints.
import { builtinModules } from 'node:module';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeCompanyCsv } from '../../../server/demo/write';
import {
  compileServer, createScratchDatabase, getJson, postgresSkipReason, runNode, startServer, stopAll, waitReady,
  type CompiledServer, type Proc, type ScratchDatabase,
} from './processes';

const skipReason = await postgresSkipReason();

async function count(url: string, query: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number(Object.values((await client.query<Record<string, string>>(query)).rows[0]!)[0]);
  } finally {
    await client.end();
  }
}

describe.skipIf(skipReason)('processes starting together on one PostgreSQL database', () => {
  let build: CompiledServer;
  let database: ScratchDatabase | undefined;
  let procs: Proc[] = [];

  beforeAll(async () => {
    build = await compileServer();
  });
  afterAll(async () => build?.remove());
  afterEach(async () => {
    await stopAll(procs);
    procs = [];
    await database?.drop();
    database = undefined;
  });

  it('come up together on an empty database and load the demo company once', async () => {
    database = await createScratchDatabase();
    const env = { DATABASE_URL: database.url, DEMO_DATA: '1' };
    const servers = await Promise.all([1, 2, 3].map(() => startServer(build, env)));
    procs = servers;
    await Promise.all(servers.map((s) => waitReady(s)));
    for (const server of servers) {
      expect(server.output()).not.toMatch(/duplicate key|Could not start/);
      expect(await getJson(`${server.url}/health/live`)).toEqual({ status: 'ok' });
    }
    expect(servers.filter((s) => s.output().includes('Loaded the demo company'))).toHaveLength(1);
    expect(servers.filter((s) => s.output().includes('the demo company was not loaded'))).toHaveLength(2);
    expect(await count(database.url, 'select count(*) from customers')).toBe(300);
    expect(await count(database.url, "select count(*) from audit_events where action = 'import'")).toBe(1);
    expect(await count(database.url, "select count(*) from audit_events where action = 'demo.statuses'")).toBe(1);
    expect(await count(database.url, "select count(*) from kysely_migration where name = '001-ledger'")).toBe(1);

    // Two more at once on the now populated database: they serve the same company.
    const more = await Promise.all([1, 2].map(() => startServer(build, env)));
    procs = [...servers, ...more];
    await Promise.all(more.map((s) => waitReady(s)));
    expect(more.filter((s) => s.output().includes('the demo company was not loaded'))).toHaveLength(2);
    expect(await count(database.url, 'select count(*) from customers')).toBe(300);
  }, 90_000);

  it('import the same files from two processes at once: one inserts, the other finds them unchanged', async () => {
    database = await createScratchDatabase();
    const dir = await mkdtemp(path.join(tmpdir(), 'deploy-import-'));
    try {
      const files = await writeCompanyCsv(dir, { customers: 150, asOf: '2026-11-24', accountingCurrency: 'USD' });
      const args = files.map((f) => f.path);
      const imports = [1, 2].map(() => runNode(build, 'import', args, { DATABASE_URL: database!.url }));
      procs = imports;
      const exits = await Promise.all(imports.map((p) => p.exited));
      const outputs = imports.map((p) => p.output());
      expect(exits.map((e) => e.code), outputs.join('\n')).toEqual([0, 0]);
      expect(outputs.join('\n')).not.toMatch(/duplicate key|constraint/);
      const inserted = outputs.map((o) => Number(/(\d+) inserted/.exec(o)?.[1]));
      const rows = files.reduce((sum, f) => sum + f.rows, 0);
      expect(inserted.sort((a, b) => a - b)).toEqual([0, rows]);
      expect(outputs.filter((o) => o.includes(`0 inserted, 0 updated, ${rows} unchanged`))).toHaveLength(1);
      expect(await count(database.url, 'select count(*) from customers')).toBe(150);
      expect(await count(database.url, 'select count(*) from settlements')).toBe(files.find((f) => f.file === 'settlements.csv')!.rows);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it('compiles entry points that import nothing but Node and production dependencies', async () => {
    const manifest = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    for (const entry of ['main', 'worker', 'import']) {
      const code = await readFile(path.join(build.dir, `${entry}.js`), 'utf8');
      const specifiers = [...code.matchAll(/^import\s[^;]*?from\s*"([^"]+)";$|^import\s*"([^"]+)";$|\bimport\("([^"]+)"\)/gm)]
        .map((m) => m[1] ?? m[2] ?? m[3]!);
      const packages = specifiers
        .filter((s) => !s.startsWith('node:') && !builtinModules.includes(s))
        .map((s) => s.split('/').slice(0, s.startsWith('@') ? 2 : 1).join('/'));
      expect(packages.length, entry).toBeGreaterThan(0);
      expect(packages.filter((p) => !(p in manifest.dependencies)), entry).toEqual([]);
      expect(packages, entry).not.toContain('tsx');
    }
  });

  it('runs compiled with plain node: live, ready, and the API answers', async () => {
    database = await createScratchDatabase();
    const server = await startServer(build, { DATABASE_URL: database.url });
    procs = [server];
    await waitReady(server);
    expect(await getJson(`${server.url}/health/ready`)).toEqual({ status: 'ok' });
    expect(await getJson(`${server.url}/healthz`)).toEqual({ status: 'ok' });
    expect((await fetch(`${server.url}/api/customers`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });
});
