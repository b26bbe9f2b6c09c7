// POST /api/transactions/:id/nsf : a payment returned unpaid, as of a date: reversing debit posted,
// what it settled reopened from that date, audited, journaled for the ERP, idempotent.
import type { FastifyPluginAsync } from 'fastify';
import { returnPayment } from '../../../db/repositories/nsf';
import { settlementJson } from '../../mappers/money-actions';
import { today } from '../../params';
import { idempotencyHeaders } from '../../schemas/activities';
import { apiErrorSchema, errorResponses } from '../../schemas/common';
import { nsfBody, nsfResponse, type NsfRequest } from '../../schemas/money-actions';
import { answerAction } from './answer';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } as const;

const nsf: FastifyPluginAsync = async (app) => {
  app.post<{ Params: { id: string }; Body: NsfRequest }>(
    '/transactions/:id/nsf',
    {
      schema: {
        tags: ['transactions'],
        summary: 'Record a payment returned unpaid (NSF) as of a date',
        params: idParams,
        headers: idempotencyHeaders,
        body: nsfBody,
        response: { 201: nsfResponse, 409: apiErrorSchema, 422: apiErrorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = { agentId: request.agent.id, today: today(app.config.companyTimeZone), nsfFees: app.config.nsfFees };
      const input = { date: request.body.date, version: request.body.version, note: request.body.note?.trim() || null, chargeFee: request.body.chargeFee === true };
      return answerAction(app, request, reply, `POST /api/transactions/${request.params.id}/nsf`, async (trx) => {
        const result = await returnPayment(trx, request.params.id, input, ctx);
        return { statusCode: 201, body: { reversalId: result.reversalId, settlements: result.settlements.map(settlementJson), feeId: result.feeId } };
      });
    },
  );
};

export default nsf;
