// Health for load balancers and start scripts: GET /health/live (the process answers), GET
// /health/ready (the database answers and its migrations are current: send traffic here), and
// GET /healthz (the process and its database, as before). While the server closes (SIGTERM) Fastify
// answers 503 to new requests, so readiness fails and the balancer stops sending.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { migrationsCurrent } from '../../db/migrate';
import { pingDatabase } from '../../db/repositories/health';
import { apiErrorSchema } from '../schemas/common';

const okSchema = { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } } as const;

const health: FastifyPluginAsync = async (app) => {
  const databaseDown = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    request.log.error({ err: error }, 'Health check: database unreachable');
    return reply.code(503).send({ code: 'database_unavailable', message: 'The database does not answer.' });
  };

  app.get(
    '/healthz',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        response: { 200: okSchema, 503: apiErrorSchema },
      },
    },
    async (request, reply) => {
      try {
        await pingDatabase(app.db);
        return { status: 'ok' as const };
      } catch (error) {
        return databaseDown(request, reply, error);
      }
    },
  );

  app.get(
    '/health/live',
    { schema: { tags: ['system'], summary: 'Liveness: the process answers (restart it when not)', response: { 200: okSchema } } },
    async () => ({ status: 'ok' as const }),
  );

  // Migrations never go back: once current, the check is not repeated.
  let current = false;
  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['system'],
        summary: 'Readiness: the database answers and its migrations are current',
        response: { 200: okSchema, 503: apiErrorSchema },
      },
    },
    async (request, reply) => {
      try {
        await pingDatabase(app.db);
        current ||= await migrationsCurrent(app.db);
      } catch (error) {
        return databaseDown(request, reply, error);
      }
      if (!current) {
        return reply.code(503).send({ code: 'migrations_pending', message: 'The database schema is not at the latest migration yet.' });
      }
      return { status: 'ok' as const };
    },
  );
};

export default health;
