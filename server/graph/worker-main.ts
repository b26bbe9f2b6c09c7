// `npm run worker`: the Graph outbox worker and delta poller on their own, beside (or instead of)
// the server's in-process worker; several may run against one PostgreSQL database. With a tenant it
// signs in as each agent from the agent's sealed token cache (GRAPH_TOKEN_CACHE_KEY, as the server's).
import { assertDevelopmentAllowed } from '../auth/settings';
import { ConfigError, loadConfig } from '../config';
import { openDatabase } from '../db/kysely';
import { migrateToLatest } from '../db/migrate';
import type { Logger } from './logger';
import { tokenSourceFor } from './plugin';
import { startGraphSync } from './runtime';

// One JSON line per event, like the server's pino output, without depending on pino directly.
function jsonLogger(quiet: boolean): Logger {
  const line = (level: string) => (obj: object, msg?: string) => {
    if (quiet && level === 'info') return;
    const fields = { ...obj, msg };
    process.stdout.write(`${JSON.stringify({ level, time: Date.now(), ...fields })}\n`);
  };
  return { info: line('info'), warn: line('warn'), error: line('error') };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = jsonLogger(['fatal', 'error', 'warn', 'silent'].includes(config.logLevel));
  if (!config.graph) {
    throw new ConfigError('GRAPH_DEV_TOKEN', 'Microsoft Graph is not configured (set AUTH_CLIENT_SECRET with a tenant, or GRAPH_DEV_TOKEN): nothing to do.');
  }
  assertDevelopmentAllowed(config.auth, config.host);
  const handle = await openDatabase({ databaseUrl: config.databaseUrl ?? undefined, dataDir: config.dataDir });
  await migrateToLatest(handle.db);
  const sync = startGraphSync({ db: handle.db, settings: config.graph, tokens: tokenSourceFor(config.auth, config.graph, handle.db, log), log, leaseTtlMs: config.leaseTtlMs });
  log.info({ graph: config.graph.baseUrl }, 'Graph worker started');
  const stop = () => {
    log.info({}, 'Graph worker stopping');
    sync.stop().then(() => handle.close()).then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `Configuration error: ${error.message}\n` : `Graph worker failed: ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
