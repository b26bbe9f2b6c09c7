// POST /api/customers/:id/settlements : settle open credits against open debits, as explicit pairs
// or oldest first; all or nothing, at the versions the agent loaded, audited and journaled for the ERP.
import type { FastifyPluginAsync } from 'fastify';
import { findCustomer } from '../../../db/repositories/customers';
import { settle } from '../../../db/repositories/settlements';
import { customerNotFound } from '../../../domain/errors';
import { settleCommand, settlementJson } from '../../mappers/money-actions';
import { today } from '../../params';
import { idempotencyHeaders } from '../../schemas/activities';
import { apiErrorSchema, customerIdParams, errorResponses } from '../../schemas/common';
import { settleBody, settleResponse, type SettleRequest } from '../../schemas/money-actions';
import { answerAction } from '../transactions/answer';

const ROUTE = 'POST /api/customers/:id/settlements';

const settlements: FastifyPluginAsync = async (app) => {
  app.post<{ Params: { id: string }; Body: SettleRequest }>(
    '/customers/:id/settlements',
    {
      schema: {
        tags: ['transactions'],
        summary: 'Settle open credits against open debits (pairs, or oldest first)',
        params: customerIdParams,
        headers: idempotencyHeaders,
        body: settleBody,
        response: { 201: settleResponse, 409: apiErrorSchema, 422: apiErrorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const customer = await findCustomer(app.db, request.params.id);
      if (!customer) throw customerNotFound(request.params.id);
      const command = settleCommand(request.body);
      const ctx = { agentId: request.agent.id, today: today(app.config.companyTimeZone) };
      return answerAction(app, request, reply, `${ROUTE} ${customer.id}`, async (trx) => ({
        statusCode: 201,
        body: { items: (await settle(trx, customer.id, command, request.body.versions as Record<string, number>, ctx)).map(settlementJson) },
      }));
    },
  );
};

export default settlements;
