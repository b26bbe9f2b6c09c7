// /api/customers/:id/holds : put the whole customer or some of its open transactions on a
// collections hold (reason, until a date or until lifted), and the customer's holds, in force and
// past. Audited, idempotent under Idempotency-Key; agents on their own customers, managers on any.
import type { FastifyPluginAsync } from 'fastify';
import { findCustomer } from '../../../db/repositories/customers';
import { customerHolds, putOnHold } from '../../../db/repositories/holds';
import { holdReason, holdUntil } from '../../../domain/actions/holds';
import { customerNotFound } from '../../../domain/errors';
import { holdJson } from '../../mappers/holds';
import { bodyDate, today } from '../../params';
import { idempotencyHeaders } from '../../schemas/activities';
import { apiErrorSchema, customerIdParams, errorResponses } from '../../schemas/common';
import { holdsResponse, putOnHoldBody, type HoldsResponse, type PutOnHoldRequest } from '../../schemas/holds';
import { answerAction } from '../transactions/answer';

const holds: FastifyPluginAsync = async (app) => {
  app.post<{ Params: { id: string }; Body: PutOnHoldRequest }>(
    '/customers/:id/holds',
    {
      schema: {
        tags: ['transactions'],
        summary: 'Put the customer, or some of its open transactions, on a collections hold: no letters, no interest, no urgency',
        params: customerIdParams,
        headers: idempotencyHeaders,
        body: putOnHoldBody,
        response: { 201: holdsResponse, 403: apiErrorSchema, 409: apiErrorSchema, 422: apiErrorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const customer = await findCustomer(app.db, request.params.id);
      if (!customer) throw customerNotFound(request.params.id);
      const day = today(app.config.companyTimeZone);
      const until = request.body.until ?? null;
      const command = {
        transactionIds: request.body.transactionIds ?? null,
        reason: holdReason(request.body.reason),
        until: holdUntil(until === null ? null : bodyDate(until, 'until', day), day),
      };
      const actor = { agentId: request.agent.id, role: request.agent.role, today: day };
      return answerAction(app, request, reply, `POST /api/customers/${customer.id}/holds`, async (trx) => ({
        statusCode: 201,
        body: { items: (await putOnHold(trx, customer.id, command, actor)).map((h) => holdJson(h, day)) },
      }));
    },
  );

  app.get<{ Params: { id: string }; Reply: HoldsResponse }>(
    '/customers/:id/holds',
    {
      schema: {
        tags: ['transactions'],
        summary: "The customer's collections holds, in force and past, newest first",
        params: customerIdParams,
        response: { 200: holdsResponse, ...errorResponses },
      },
    },
    async (request) => {
      const customer = await findCustomer(app.db, request.params.id);
      if (!customer) throw customerNotFound(request.params.id);
      const day = today(app.config.companyTimeZone);
      return { items: (await customerHolds(app.db, customer.id)).map((h) => holdJson(h, day)) };
    },
  );
};

export default holds;
