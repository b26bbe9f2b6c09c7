// End-to-end fixtures: the built pane (webpack, run once when sources are newer than the build),
// the real server on PGlite with the demo company on a random loopback port, and Debian's Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { buildApp } from '../../server/app';
import { loadConfig, type Env } from '../../server/config';
import { openDatabase, type DatabaseHandle } from '../../server/db/kysely';
import { migrateToLatest } from '../../server/db/migrate';
import { loadDemo } from '../../server/demo/load';
import { todayIn } from '../../server/domain/dates';
import type { PreviewEmail, PreviewMailboxResponse } from '../../server/http/schemas/preview';
import type { LookupResponse } from '../../server/http/schemas/customers';
import type { CustomerSummary } from '../../server/http/schemas/summary';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const artifactsDir = path.join(repoRoot, 'test-artifacts');
const addinDir = path.join(repoRoot, 'dist', 'addin');
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where Chromium is, or why the suite skips (never with CI=true: then a missing browser fails). */
export function chromiumStatus(): { executablePath: string; skipReason: string | null } {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const missing = existsSync(executablePath) ? null : `Chromium not found at ${executablePath} (set CHROMIUM_PATH, or apt-get install chromium)`;
  if (missing && process.env.CI === 'true') throw new Error(`e2e: ${missing}; CI=true forbids skipping`);
  if (missing) console.warn(`e2e skipped: ${missing}`);
  return { executablePath, skipReason: missing };
}

function newestMtime(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((max, name) => Math.max(max, newestMtime(path.join(target, name))), stat.mtimeMs);
}

/** Builds dist/addin with webpack unless it is newer than every input of the build. */
export function ensureAddinBuilt(): void {
  const built = path.join(addinDir, 'taskpane.html');
  const inputs = ['addin', 'assets', 'manifest.xml', 'webpack.config.js', 'scripts/manifest-origin.mjs'];
  const sourcesChanged = () => Math.max(...inputs.map((p) => newestMtime(path.join(repoRoot, p))));
  if (existsSync(built) && statSync(built).mtimeMs >= sourcesChanged()) return;
  execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/webpack/bin/webpack.js'), '--mode', 'production'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
}

export interface RunningServer {
  baseUrl: string;
  app: FastifyInstance;
  getJson<T>(urlPath: string): Promise<T>;
  close(): Promise<void>;
}

export interface StartServerOptions {
  /** Demo company size; the generator's default when absent. */
  customers?: number;
  /** Settings on top of the defaults (silent log, USD, UTC), e.g. GRAPH_BASE_URL for a Graph test server. */
  env?: Env;
}

/** The real server (buildApp) on an in-memory PGlite holding the demo company. */
export async function startServer(opts: StartServerOptions = {}): Promise<RunningServer> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ACCOUNTING_CURRENCY: 'USD', COMPANY_TIMEZONE: 'UTC', ...opts.env });
  const db: DatabaseHandle = await openDatabase({ dataDir: 'memory://' });
  await migrateToLatest(db.db);
  await loadDemo(db, {
    asOf: todayIn(config.companyTimeZone, new Date()),
    accountingCurrency: config.accountingCurrency,
    customers: opts.customers,
  });
  const app = await buildApp({ config, db, logger: false, addinDir });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('e2e: the server has no TCP address');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    baseUrl,
    app,
    async getJson<T>(urlPath: string) {
      const res = await fetch(`${baseUrl}${urlPath}`, { headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`e2e: GET ${urlPath} answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as T;
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
}

/**
 * Opens the preview. office.js's CDN is unreachable offline (and unused in the preview, whose
 * stand-in replaces it): refusing it at once keeps page loads fast and deterministic.
 */
export async function openPreview(browser: Browser, baseUrl: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'en-US' });
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
  await page.goto(`${baseUrl}/preview`);
  return page;
}

/** The task pane's frame inside the preview (it changes when the preview reloads the pane). */
export async function paneFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe[title="Collections task pane"]');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('e2e: the task pane frame has no content');
  return frame;
}

export interface ResolvedEmail {
  email: PreviewEmail;
  summary: CustomerSummary;
}

/** Preview emails whose sender the API resolves to exactly one customer, one email per customer. */
export async function resolvableEmails(server: RunningServer, wanted: number): Promise<ResolvedEmail[]> {
  const { emails } = await server.getJson<PreviewMailboxResponse>('/api/preview/mailbox');
  const found: ResolvedEmail[] = [];
  for (const email of emails) {
    const { matches } = await server.getJson<LookupResponse>(`/api/customers/lookup?email=${encodeURIComponent(email.from.emailAddress)}`);
    const match = matches.length === 1 ? matches[0]! : null;
    if (!match || found.some((c) => c.summary.customer.id === match.id)) continue;
    found.push({ email, summary: await server.getJson<CustomerSummary>(`/api/customers/${match.id}/summary`) });
    if (found.length === wanted) return found;
  }
  throw new Error(`the demo mailbox has ${found.length} senders that resolve to one customer, fewer than ${wanted}`);
}
