// DELETE /api/settlements/:id?date= : reverse a settlement made here, as of a date (default today);
// the ledger as of any earlier date is unchanged. Audited, journaled, idempotent.
import type { FastifyPluginAsync } from 'fastify';
import { reverseSettlement } from '../../../db/repositories/settlements';
import { settlementJson } from '../../mappers/money-actions';
import { queryDate, today } from '../../params';
import { idempotencyHeaders } from '../../schemas/activities';
import { apiErrorSchema, errorResponses } from '../../schemas/common';
import { reverseQuery, reverseResponse } from '../../schemas/money-actions';
import { answerAction } from '../transactions/answer';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } as const;

const settlements: FastifyPluginAsync = async (app) => {
  app.delete<{ Params: { id: string }; Querystring: { date?: string } }>(
    '/settlements/:id',
    {
      schema: {
        tags: ['transactions'],
        summary: 'Reverse a settlement made here, as of a date',
        params: idParams,
        querystring: reverseQuery,
        headers: idempotencyHeaders,
        response: { 200: reverseResponse, 409: apiErrorSchema, 422: apiErrorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const now = today(app.config.companyTimeZone);
      const date = queryDate(request.query.date, 'date', now);
      return answerAction(app, request, reply, `DELETE /api/settlements/${request.params.id}`, async (trx) => {
        const { reversal } = await reverseSettlement(trx, request.params.id, date, { agentId: request.agent.id, today: now });
        return { statusCode: 200, body: { reversal: settlementJson(reversal) } };
      });
    },
  );
};

export default settlements;
