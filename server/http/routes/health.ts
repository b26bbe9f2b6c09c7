// GET /healthz : the process is up and its database answers (for load balancers and start scripts).
import type { FastifyPluginAsync } from 'fastify';
import { pingDatabase } from '../../db/repositories/health';
import { apiErrorSchema } from '../schemas/common';

const health: FastifyPluginAsync = async (app) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        response: {
          200: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } },
          503: apiErrorSchema,
        },
      },
    },
    async (request, reply) => {
      try {
        await pingDatabase(app.db);
        return { status: 'ok' as const };
      } catch (error) {
        request.log.error({ err: error }, 'Health check: database unreachable');
        return reply.code(503).send({ code: 'database_unavailable', message: 'The database does not answer.' });
      }
    },
  );
};

export default health;
