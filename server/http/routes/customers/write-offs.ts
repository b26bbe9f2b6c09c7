// POST /api/customers/:id/write-offs : write off open debits (or their remainders) with a managed
// reason code. Within the requester's write-off limit: posted at once (201); above it: a request
// waiting for a manager (202), nothing posted until approved.
import type { FastifyPluginAsync } from 'fastify';
import { findCustomer } from '../../../db/repositories/customers';
import { listReasonCodes } from '../../../db/repositories/reason-codes';
import { requestWriteOff } from '../../../db/repositories/write-offs';
import { checkReasonCode } from '../../../domain/actions/reason-codes';
import { customerNotFound } from '../../../domain/errors';
import { writeOffJson } from '../../mappers/money-actions';
import { today } from '../../params';
import { idempotencyHeaders } from '../../schemas/activities';
import { apiErrorSchema, customerIdParams, errorResponses } from '../../schemas/common';
import { writeOffBody, writeOffSchema, type WriteOffRequest } from '../../schemas/money-actions';
import { answerAction } from '../transactions/answer';

const ROUTE = 'POST /api/customers/:id/write-offs';

const writeOffs: FastifyPluginAsync = async (app) => {
  app.post<{ Params: { id: string }; Body: WriteOffRequest }>(
    '/customers/:id/write-offs',
    {
      schema: {
        tags: ['transactions'],
        summary: 'Write off open debits: posted within your limit (201), else waiting for a manager (202)',
        params: customerIdParams,
        headers: idempotencyHeaders,
        body: writeOffBody,
        response: { 201: writeOffSchema, 202: writeOffSchema, 403: apiErrorSchema, 409: apiErrorSchema, 422: apiErrorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const customer = await findCustomer(app.db, request.params.id);
      if (!customer) throw customerNotFound(request.params.id);
      const body = request.body;
      checkReasonCode(body.reasonCode, 'write_off', await listReasonCodes(app.db, 'write_off'), 'reasonCode');
      const command = {
        items: body.items.map((i) => ({ transactionId: i.transactionId, amount: BigInt(i.amount) })),
        reasonCode: body.reasonCode,
        note: body.note?.trim() || null,
        versions: body.versions as Record<string, number>,
      };
      const ctx = { agentId: request.agent.id, today: today(app.config.companyTimeZone) };
      return answerAction(app, request, reply, `${ROUTE} ${customer.id}`, async (trx) => {
        const writeOff = await requestWriteOff(trx, customer.id, command, ctx);
        return { statusCode: writeOff.status === 'posted' ? 201 : 202, body: writeOffJson(writeOff) };
      });
    },
  );
};

export default writeOffs;
