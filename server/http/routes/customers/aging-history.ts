// GET /api/customers/:id/aging-history?months=12&asOf= : the aging at each of the last N month ends
// and on the as-of date, by the summary's rules, from one read of the customer's ledger.
import type { FastifyPluginAsync } from 'fastify';
import { findCustomer } from '../../../db/repositories/customers';
import { loadLedger } from '../../../db/repositories/ledger';
import { agingHistory } from '../../../domain/aging-history';
import { customerNotFound } from '../../errors';
import { agingHistoryJson } from '../../mappers/statements';
import { queryDate, today } from '../../params';
import { customerIdParams, errorResponses } from '../../schemas/common';
import { agingHistoryQuery, agingHistoryResponse, type AgingHistoryResponse } from '../../schemas/statements';

const history: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: string }; Querystring: { months: number; asOf?: string }; Reply: AgingHistoryResponse }>(
    '/customers/:id/aging-history',
    {
      schema: {
        tags: ['customers'],
        summary: 'The aging of each of the last N month ends and of the as-of date',
        params: customerIdParams,
        querystring: agingHistoryQuery,
        response: { 200: agingHistoryResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { config, db } = app;
      const asOf = queryDate(request.query.asOf, 'asOf', today(config.companyTimeZone));
      const customer = await findCustomer(db, request.params.id);
      if (!customer) throw customerNotFound(request.params.id);
      const { entries, settlements } = await loadLedger(db, customer.id, asOf);
      return agingHistoryJson(agingHistory(entries, settlements, asOf, request.query.months), config.accountingCurrency);
    },
  );
};

export default history;
