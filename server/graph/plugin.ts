// Wires the Graph sync into the server: the token source (on-behalf-of with the agents' stored token
// caches, or GRAPH_DEV_TOKEN), and the in-process outbox worker and delta poller, started when the
// server is ready and stopped on close.
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { AuthSettings } from '../auth/settings';
import type { Database } from '../db/schema';
import type { Logger } from './logger';
import { startGraphSync, type GraphSync } from './runtime';
import type { GraphSettings } from './settings';
import { devTokenSource, onBehalfOfTokenSource, type GraphTokenSource } from './tokens';

declare module 'fastify' {
  interface FastifyInstance {
    /** Null when Graph is not configured. */
    graphTokens: GraphTokenSource | null;
    graphSync: GraphSync | null;
  }
}

export interface GraphPluginOptions {
  db: Kysely<Database>;
  auth: AuthSettings;
  graph: GraphSettings | null;
}

export function tokenSourceFor(auth: AuthSettings, graph: GraphSettings, db: Kysely<Database>, log: Logger): GraphTokenSource {
  if (graph.token.kind === 'dev') return devTokenSource(graph.token.token);
  if (auth.mode !== 'entra') throw new Error('On-behalf-of needs Entra ID settings.');
  return onBehalfOfTokenSource(auth, { db, cacheKey: graph.token.cacheKey, log });
}

export default fp<GraphPluginOptions>(
  async (app, opts) => {
    const graph = opts.graph;
    app.decorate('graphTokens', graph ? tokenSourceFor(opts.auth, graph, opts.db, app.log) : null);
    app.decorate('graphSync', null);
    if (!graph) {
      app.log.info('Microsoft Graph is not configured: activities are saved but not synced to Outlook.');
      return;
    }
    if (!graph.inProcessWorker) return;
    app.addHook('onReady', async () => {
      app.graphSync = startGraphSync({ db: opts.db, settings: graph, tokens: app.graphTokens!, log: app.log, leaseTtlMs: app.config.leaseTtlMs });
    });
    app.addHook('onClose', async () => {
      await app.graphSync?.stop();
    });
  },
  { name: 'graph-sync' },
);
