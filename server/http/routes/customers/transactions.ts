// GET /api/customers/:id/transactions?status=open|all&asOf= : the customer's transactions as of a date,
// each with the version an action sends back (and, on a payment, the NSF fee its return may charge).
import type { FastifyPluginAsync } from 'fastify';
import { findCustomer } from '../../../db/repositories/customers';
import { holdsInForce } from '../../../db/repositories/holds';
import { entryActionStates, loadLedger, loadOpenLedger } from '../../../db/repositories/ledger';
import { listTransactions } from '../../../domain/transactions';
import { customerNotFound } from '../../errors';
import { transactionsJson } from '../../mappers/transactions';
import { queryDate, today } from '../../params';
import { customerIdParams, errorResponses } from '../../schemas/common';
import { transactionsQuery, transactionsResponse, type TransactionsResponse } from '../../schemas/transactions';

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
      // Open transactions need only the open entries; all of them need the whole ledger.
      const open = request.query.status === 'open';
      const { entries, settlements } = await (open ? loadOpenLedger : loadLedger)(db, customer.id, asOf);
      const list = listTransactions(entries, settlements, asOf, request.query.status, config.accountingCurrency, { subset: open });
      const [states, holds] = await Promise.all([entryActionStates(db, list.items.map((item) => item.entry.id)), holdsInForce(db, customer.id, asOf)]);
      const held = new Map(holds.flatMap((h) => (h.transactionId === null ? [] : [[h.transactionId, h] as const])));
      return transactionsJson(list, states, held, config.nsfFees);
    },
  );
};

export default transactions;
