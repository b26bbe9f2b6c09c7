// POST /api/customers/:id/transactions/status : Change status of one or many open transactions
// (promise to pay, disputed with a managed reason code, resolved, cleared), all or nothing, each
// at the version the agent loaded, audited, idempotent under an Idempotency-Key.
import type { FastifyPluginAsync } from 'fastify';
import { changeStatus } from '../../../db/repositories/collection-status';
import { findCustomer } from '../../../db/repositories/customers';
import { entryActionStates } from '../../../db/repositories/ledger';
import { listReasonCodes } from '../../../db/repositories/reason-codes';
import { checkReasonCode } from '../../../domain/actions/reason-codes';
import { customerNotFound } from '../../../domain/errors';
import { statusChange, transactionStatesJson } from '../../mappers/actions';
import { today } from '../../params';
import { changeStatusBody, changeStatusResponse, type ChangeStatusRequest } from '../../schemas/actions';
import { idempotencyHeaders } from '../../schemas/activities';
import { apiErrorSchema, customerIdParams, errorResponses } from '../../schemas/common';
import { answerAction } from '../transactions/answer';

const ROUTE = 'POST /api/customers/:id/transactions/status';

const transactionsStatus: FastifyPluginAsync = async (app) => {
  app.post<{ Params: { id: string }; Body: ChangeStatusRequest }>(
    '/customers/:id/transactions/status',
    {
      schema: {
        tags: ['transactions'],
        summary: 'Change the collection status of open transactions (promise to pay, disputed, resolved, cleared)',
        params: customerIdParams,
        headers: idempotencyHeaders,
        body: changeStatusBody,
        response: { 200: changeStatusResponse, 409: apiErrorSchema, 422: apiErrorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const customer = await findCustomer(app.db, request.params.id);
      if (!customer) throw customerNotFound(request.params.id);
      const change = statusChange(request.body);
      if (change.dispute) checkReasonCode(change.dispute.reasonCode, 'dispute', await listReasonCodes(app.db, 'dispute'), 'dispute.reasonCode');
      const ctx = { agentId: request.agent.id, today: today(app.config.companyTimeZone) };
      return answerAction(app, request, reply, `${ROUTE} ${customer.id}`, async (trx) => {
        const states = await changeStatus(trx, customer.id, change, ctx);
        // Who set the status reads as the agent's name, as the grid shows it.
        const names = await entryActionStates(trx, change.transactionIds);
        return { statusCode: 200, body: transactionStatesJson(states.map((s) => ({ ...s, statusSetBy: names.get(s.id)?.statusSetBy ?? s.statusSetBy }))) };
      });
    },
  );
};

export default transactionsStatus;
