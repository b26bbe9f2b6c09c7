// GET /api/customers/:id/summary?asOf= : the header and overview of the pane, as of a date.
import type { FastifyPluginAsync } from 'fastify';
import { loadContracts } from '../../../db/repositories/contracts';
import { findCustomer } from '../../../db/repositories/customers';
import { holdsInForce } from '../../../db/repositories/holds';
import { loadLedger } from '../../../db/repositories/ledger';
import { summarize } from '../../../domain/summary';
import { customerNotFound } from '../../errors';
import { customerHeaderJson, summaryJson } from '../../mappers/summary';
import { queryDate, today } from '../../params';
import { asOfQuery, customerIdParams, errorResponses } from '../../schemas/common';
import { summaryResponse, type CustomerSummary } from '../../schemas/summary';

const summary: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: string }; Querystring: { asOf?: string }; Reply: CustomerSummary }>(
    '/customers/:id/summary',
    {
      schema: {
        tags: ['customers'],
        summary: 'Balance, overdue, aging, credit and payment history of a customer as of a date',
        params: customerIdParams,
        querystring: asOfQuery,
        response: { 200: summaryResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { config, db } = app;
      const asOf = queryDate(request.query.asOf, 'asOf', today(config.companyTimeZone));
      const customer = await findCustomer(db, request.params.id);
      if (!customer) throw customerNotFound(request.params.id);
      const [{ entries, settlements }, contracts, holds] = await Promise.all([loadLedger(db, customer.id, asOf), loadContracts(db, customer.id), holdsInForce(db, customer.id, asOf)]);
      const computed = summarize({
        profile: customer, entries, settlements, contracts, asOf, accountingCurrency: config.accountingCurrency,
      });
      return { customer: customerHeaderJson(customer, holds.find((h) => h.transactionId === null)), ...summaryJson(computed) };
    },
  );
};

export default summary;
