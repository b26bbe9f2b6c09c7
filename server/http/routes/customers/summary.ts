// GET /api/customers/:id/summary?asOf= : the header and overview of the pane, as of a date.
import type { FastifyPluginAsync } from 'fastify';
import { findCustomer, toHeader, toProfile } from '../../../db/repositories/customers';
import { loadLedger } from '../../../db/repositories/ledger';
import { summarize } from '../../../domain/summary';
import type { CustomerSummary } from '../../contract';
import { customerNotFound } from '../../errors';
import { queryDate, today } from '../../params';
import { asOfQuery, customerIdParams, errorResponses } from '../../schemas/common';
import { summaryResponse } from '../../schemas/summary';

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
      const { entries, settlements } = await loadLedger(db, customer.id, asOf);
      const computed = summarize({
        profile: toProfile(customer),
        entries,
        settlements,
        asOf,
        accountingCurrency: config.accountingCurrency,
      });
      return { customer: toHeader(customer), ...computed };
    },
  );
};

export default summary;
