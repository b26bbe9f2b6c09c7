// POST /api/holds/:id/lift : lift a collections hold (a 409 when it was already lifted). Audited,
// idempotent under Idempotency-Key; agents on their own customers, managers on any.
import type { FastifyPluginAsync } from 'fastify';
import { liftHold } from '../../../db/repositories/holds';
import { holdJson } from '../../mappers/holds';
import { today } from '../../params';
import { idempotencyHeaders } from '../../schemas/activities';
import { apiErrorSchema, errorResponses } from '../../schemas/common';
import { holdIdParams, holdSchema } from '../../schemas/holds';
import { answerAction } from '../transactions/answer';

const holds: FastifyPluginAsync = async (app) => {
  app.post<{ Params: { id: string } }>(
    '/holds/:id/lift',
    {
      schema: {
        tags: ['transactions'],
        summary: 'Lift a collections hold',
        params: holdIdParams,
        headers: idempotencyHeaders,
        response: { 200: holdSchema, 403: apiErrorSchema, 409: apiErrorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const day = today(app.config.companyTimeZone);
      const actor = { agentId: request.agent.id, role: request.agent.role, today: day };
      return answerAction(app, request, reply, `POST /api/holds/${request.params.id}/lift`, async (trx) => ({
        statusCode: 200,
        body: holdJson(await liftHold(trx, request.params.id, actor), day),
      }));
    },
  );
};

export default holds;
