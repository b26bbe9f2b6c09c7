// Real server processes for the deployment tests: a fresh PostgreSQL database per test, the server
// compiled once per test file (as `npm run build` does, into a scratch folder inside the repository
// so node_modules resolves) and started with plain node on free ports, and HTTP helpers.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Whether PostgreSQL answers; under CI the tests run regardless (and fail without it). */
export async function postgresSkipReason(): Promise<string | null> {
  if (process.env.CI === 'true') return null;
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return `PostgreSQL does not answer (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** An empty database (no migrations), dropped with whatever connections are left (killed processes). */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const name = `collections_deploy_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export interface CompiledServer {
  dir: string;
  remove(): Promise<void>;
}

/** Compiles the server with the production build script into a scratch folder. */
export async function compileServer(): Promise<CompiledServer> {
  const dir = path.join(root, 'test-artifacts', `deploy-build-${process.pid}-${randomBytes(3).toString('hex')}`);
  await promisify(execFile)(process.execPath, ['scripts/build-server.mjs', '--outdir', dir], { cwd: root });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface Proc {
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `node <compiled>/<entry>.js args…` with the environment given (and PATH/HOME of this one). */
export function runNode(build: CompiledServer, entry: string, args: string[], env: Record<string, string>): Proc {
  const child = spawn(process.execPath, [path.join(build.dir, `${entry}.js`), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

export interface ServerProc extends Proc {
  port: number;
  url: string;
}

export async function startServer(build: CompiledServer, env: Record<string, string>): Promise<ServerProc> {
  const port = await freePort();
  const proc = runNode(build, 'main', [], { HOST: '127.0.0.1', PORT: String(port), ...env });
  return { ...proc, port, url: `http://127.0.0.1:${port}` };
}

/** Waits until GET /health/ready answers 200; fails with the process's output when it exits first. */
export async function waitReady(server: ServerProc, timeoutMs = 50_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void server.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`The server on port ${server.port} exited:\n${server.output()}`);
    try {
      const res = await fetch(`${server.url}/health/ready`);
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`The server on port ${server.port} was not ready within ${timeoutMs} ms:\n${server.output()}`);
}

export async function stopAll(procs: Proc[]): Promise<void> {
  for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  await Promise.all(procs.map((p) => p.exited));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function postJson<T>(url: string, body: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
}
