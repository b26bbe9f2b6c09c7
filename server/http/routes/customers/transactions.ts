// GET /api/customers/:id/transactions?status=open|all&asOf= : the customer's transactions as of a date.
import type { FastifyPluginAsync } from 'fastify';
import { findCustomer } from '../../../db/repositories/customers';
import { loadLedger } from '../../../db/repositories/ledger';
import { listTransactions } from '../../../domain/transactions';
import type { TransactionsResponse } from '../../contract';
import { customerNotFound } from '../../errors';
import { queryDate, today } from '../../params';
import { customerIdParams, errorResponses } from '../../schemas/common';
import { transactionsQuery, transactionsResponse } from '../../schemas/transactions';

const transactions: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: string }; Querystring: { status: 'open' | 'all'; asOf?: string }; Reply: TransactionsResponse }>(
    '/customers/:id/transactions',
    {
      schema: {
        tags: ['customers'],
        summary: 'Open (or all) transactions with days overdue and open amounts, as of a date',
        params: customerIdParams,
        querystring: transactionsQuery,
        response: { 200: transactionsResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { config, db } = app;
      const asOf = queryDate(request.query.asOf, 'asOf', today(config.companyTimeZone));
      const customer = await findCustomer(db, request.params.id);
      if (!customer) throw customerNotFound(request.params.id);
      const { entries, settlements } = await loadLedger(db, customer.id, asOf);
      return listTransactions(entries, settlements, asOf, request.query.status, config.accountingCurrency);
    },
  );
};

export default transactions;
