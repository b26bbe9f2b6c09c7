// Authenticates every /api/* request: an Entra ID bearer token (401 with a reason otherwise), or in
// development auth mode the single demo agent. Sets request.agent for the routes.
import fp from 'fastify-plugin';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { agentForIdentity, ensureDemoAgent, type Agent } from '../../auth/agents';
import { assertDevelopmentAllowed, type AuthSettings } from '../../auth/settings';
import { AUTH_CONFIG_PATH } from '../routes/auth-config';
import { createTokenVerifier, TokenError, type TokenVerifier, type VerifiedToken } from '../../auth/verify';

declare module 'fastify' {
  interface FastifyRequest {
    agent: Agent;
  }
}

export interface AuthPluginOptions {
  db: Kysely<Database>;
  settings: AuthSettings;
  /** The address the server listens on: development mode requires a loopback one. */
  host: string;
  /** Called with each verified token (the on-behalf-of flow keeps it as the user assertion). */
  onSignedIn?: (agent: Agent, token: VerifiedToken) => void;
  /** Tests shorten the key set download cool-down. */
  jwksCooldownMs?: number;
}

const AGENT_CACHE_LIMIT = 1_000;
/** A role granted or revoked takes effect within this long, without a restart. */
const AGENT_CACHE_TTL_MS = 60_000;

export default fp<AuthPluginOptions>(
  async (app, opts) => {
    assertDevelopmentAllowed(opts.settings, opts.host);
    app.decorateRequest('agent', null as unknown as Agent);
    const settings = opts.settings;

    if (settings.mode === 'development') {
      const demo = await ensureDemoAgent(opts.db);
      app.log.warn(
        '*** DEVELOPMENT AUTH MODE: AUTH_TENANT_ID is not set, every request acts as the demo agent ' +
          `${demo.email}. Allowed only on a loopback HOST; configure Entra ID before anyone else can reach it. ***`,
      );
      app.addHook('onRequest', async (request) => {
        request.agent = demo;
      });
      return;
    }

    const verify: TokenVerifier = createTokenVerifier({ ...settings, jwksCooldownMs: opts.jwksCooldownMs });
    // The agent row rarely changes; caching it by oid keeps a database read off every request.
    const agents = new Map<string, { agent: Agent; at: number }>();

    app.addHook('onRequest', async (request, reply) => {
      // Judged by the matched route, not the raw URL: the router percent-decodes the path, so
      // '/%61pi/customers' reaches '/api/customers'. The sign-in settings are public: the pane reads
      // them before it can have a token.
      const route = request.routeOptions.url;
      if (!(route ?? request.url).startsWith('/api/') || route === AUTH_CONFIG_PATH) return;
      const header = request.headers.authorization ?? '';
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) return reject(reply, new TokenError('missing', 'Sign in: the Authorization header needs a bearer token.'));
      let token: VerifiedToken;
      try {
        token = await verify(match[1]!);
      } catch (error) {
        if (error instanceof TokenError) return reject(reply, error);
        throw error;
      }
      const cached = agents.get(token.oid);
      let agent = cached && Date.now() - cached.at < AGENT_CACHE_TTL_MS ? cached.agent : undefined;
      if (!agent) {
        agent = await agentForIdentity(opts.db, token, token.tid === settings.tenantId);
        if (agents.size >= AGENT_CACHE_LIMIT) agents.clear();
        agents.set(token.oid, { agent, at: Date.now() });
      }
      request.agent = agent;
      opts.onSignedIn?.(agent, token);
    });
  },
  { name: 'auth' },
);

function reject(reply: FastifyReply, error: TokenError): FastifyReply {
  const status = error.reason === 'key_set_unavailable' ? 503 : 401;
  const description = error.message.replaceAll('"', "'");
  if (status === 401) {
    const scheme = error.reason === 'missing' ? 'Bearer' : `Bearer error="invalid_token", error_description="${description}"`;
    reply.header('WWW-Authenticate', scheme);
  }
  return reply.code(status).send({
    code: status === 401 ? 'invalid_token' : 'auth_unavailable',
    message: error.message,
    details: { reason: error.reason },
  });
}
