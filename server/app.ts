// Builds the Fastify application from its configuration and database, without listening: main.ts
// listens, tests drive it with inject(). Plugins load in a fixed order, as in fastify/demo:
// external (security, rate limit, docs), then the application's decorators, then the routes.
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config';
import type { DatabaseHandle } from './db/kysely';
import { clientErrorHandler, errorHandler, frameworkErrors } from './http/errors';
import { closeQuerystring, strictDateFormats } from './http/schemas/common';
import { loggerOptions } from './logging';
import context from './http/plugins/app/context';
import finiteNumbers from './http/plugins/app/finite-numbers';
import docs from './http/plugins/external/docs';
import rateLimit from './http/plugins/external/rate-limit';
import security from './http/plugins/external/security';
import api from './http/routes/api';
import graphSync from './graph/plugin';
import monthEndReports from './jobs/month-end-report';
import brokenPromises from './jobs/broken-promises';
import positionsJob from './jobs/positions-current';
import auth from './http/plugins/auth';
import letterLinks from './http/routes/letters/links';
import statementLinks from './http/routes/statement-links';
import health from './http/routes/health';
import pages from './http/routes/pages';

export interface BuildAppOptions {
  config: Config;
  db: DatabaseHandle;
  /** Fastify's logger option; default: pino at config.logLevel. Tests pass false. Redaction is always added. */
  logger?: FastifyServerOptions['logger'];
  /** Where the built add-in is; default dist/addin at the repository root. */
  addinDir?: string;
  /** Extra options for the Fastify factory (main.ts passes the HTTPS key pair). */
  server?: Pick<FastifyServerOptions, 'forceCloseConnections'> & { https?: { cert: Buffer; key: Buffer } };
}

const DEFAULT_ADDIN_DIR = fileURLToPath(new URL('../dist/addin', import.meta.url));

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = opts;
  const app = Fastify({
    logger: loggerOptions(config.logLevel, opts.logger),
    ...(opts.server ?? {}),
    // Dates and instants are held to the years the databases agree on (closeQuerystring below
    // refuses unknown query parameters). Errors before routing answer in the { code, message } shape.
    ajv: { onCreate: strictDateFormats },
    frameworkErrors,
    clientErrorHandler,
    // With `https` Fastify types the instance by its raw server; routes never touch the raw server.
  }) as unknown as FastifyInstance;

  app.addHook('onRoute', closeQuerystring);
  await app.register(security);
  await app.register(rateLimit);
  await app.register(docs);

  await app.register(context, { db: opts.db, config });
  await app.register(finiteNumbers);

  app.setErrorHandler(errorHandler);
  await app.register(health);
  await app.register(graphSync, { db: opts.db.db, auth: config.auth, graph: config.graph });
  await app.register(monthEndReports, { db: opts.db.db, config });
  await app.register(brokenPromises, { db: opts.db.db, config });
  await app.register(positionsJob, { db: opts.db.db, config });
  await app.register(auth, {
    db: opts.db.db,
    settings: config.auth,
    host: config.host,
    onSignedIn: (agent, token) => app.graphTokens?.remember(agent.id, token),
  });
  await app.register(api, { prefix: '/api', graphEnabled: config.graph !== null, onQueued: () => app.graphSync?.nudge() });
  // Outside /api: Outlook fetches these signed PDF links without the pane's sign-in.
  await app.register(letterLinks);
  await app.register(statementLinks);
  await app.register(pages, { root: opts.addinDir ?? DEFAULT_ADDIN_DIR });

  // Rate limited so that scanning for URLs gets slow quickly.
  app.setNotFoundHandler({ preHandler: app.rateLimit({ max: 60, timeWindow: '1 minute' }) }, (request, reply) =>
    reply.code(404).send({ code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}.` }),
  );
  return app;
}
