// GET /api/customers/:id/history?transactionId= : the collections history of a customer's
// transactions (or of one), newest first, from the audit trail: who, when, before and after.
import type { FastifyPluginAsync } from 'fastify';
import { transactionHistory } from '../../../db/repositories/audit';
import { findCustomer } from '../../../db/repositories/customers';
import { customerNotFound } from '../../../domain/errors';
import { historyItemJson } from '../../mappers/actions';
import { historyQuery, historyResponse, type HistoryResponse } from '../../schemas/actions';
import { customerIdParams, errorResponses } from '../../schemas/common';

const history: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: string }; Querystring: { transactionId?: string }; Reply: HistoryResponse }>(
    '/customers/:id/history',
    {
      schema: {
        tags: ['transactions'],
        summary: "Collections history: every action on the customer's transactions, with who, when, before and after",
        params: customerIdParams,
        querystring: historyQuery,
        response: { 200: historyResponse, ...errorResponses },
      },
    },
    async (request) => {
      const customer = await findCustomer(app.db, request.params.id);
      if (!customer) throw customerNotFound(request.params.id);
      const records = await transactionHistory(app.db, customer.id, request.query.transactionId ?? null);
      return { items: records.map(historyItemJson) };
    },
  );
};

export default history;
