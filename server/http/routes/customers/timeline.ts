// GET /api/customers/:id/timeline?from=&to= : the ledger newest first, default the last 12 months.
import type { FastifyPluginAsync } from 'fastify';
import { findCustomer } from '../../../db/repositories/customers';
import { loadLedger } from '../../../db/repositories/ledger';
import { addMonths } from '../../../domain/dates';
import { buildTimeline } from '../../../domain/timeline';
import type { TimelineResponse } from '../../contract';
import { AppError, customerNotFound } from '../../errors';
import { queryDate, today } from '../../params';
import { customerIdParams, errorResponses } from '../../schemas/common';
import { timelineQuery, timelineResponse } from '../../schemas/transactions';

const timeline: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: string }; Querystring: { from?: string; to?: string }; Reply: TimelineResponse }>(
    '/customers/:id/timeline',
    {
      schema: {
        tags: ['customers'],
        summary: 'Invoices, payments, credit notes and fees between two dates, newest first, with their settlements',
        description: 'Open amounts and statuses are those of today.',
        params: customerIdParams,
        querystring: timelineQuery,
        response: { 200: timelineResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { config, db } = app;
      const now = today(config.companyTimeZone);
      const to = queryDate(request.query.to, 'to', now);
      const from = queryDate(request.query.from, 'from', addMonths(to, -12));
      if (from > to) {
        throw new AppError('invalid_request', 400, `Query parameter 'from' (${from}) is after 'to' (${to}).`, {
          in: 'querystring',
          fields: [{ field: 'from', problem: 'is after to' }],
        });
      }
      const customer = await findCustomer(db, request.params.id);
      if (!customer) throw customerNotFound(request.params.id);
      // Open amounts are today's, so the ledger is loaded as it stands today.
      const { entries, settlements } = await loadLedger(db, customer.id, now);
      return { from, to, entries: buildTimeline(entries, settlements, from, to, now) };
    },
  );
};

export default timeline;
