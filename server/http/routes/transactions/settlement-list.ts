// GET /api/transactions/:id/settlements : the settlements a transaction is part of, newest first,
// each marked reversible when it was made here and not yet reversed (DELETE /api/settlements/:id).
import type { FastifyPluginAsync } from 'fastify';
import { transactionSettlements } from '../../../db/repositories/manager-controls';
import { transactionSettlementJson } from '../../mappers/interest';
import { errorResponses } from '../../schemas/common';
import { noteIdParams, transactionSettlementsResponse, type TransactionSettlementsResponse } from '../../schemas/interest';

const settlementList: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: string }; Reply: TransactionSettlementsResponse }>(
    '/transactions/:id/settlements',
    { schema: { tags: ['transactions'], summary: 'Settlements of a transaction, to reverse one made here', params: noteIdParams, response: { 200: transactionSettlementsResponse, ...errorResponses } } },
    async (request) => ({ items: (await transactionSettlements(app.db, request.params.id)).map(transactionSettlementJson) }),
  );
};

export default settlementList;
