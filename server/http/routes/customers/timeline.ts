// GET /api/customers/:id/timeline?from=&to= : the ledger newest first, default the last 12 months.
import type { FastifyPluginAsync } from 'fastify';
import { findCustomer } from '../../../db/repositories/customers';
import { activityTimelineEntries } from '../../../db/repositories/activities';
import { loadLedger } from '../../../db/repositories/ledger';
import { statementTimelineEntries } from '../../../db/repositories/statements';
import { addMonths } from '../../../domain/dates';
import { buildTimeline, mergeTimeline } from '../../../domain/timeline';
import { letterTimelineEntries } from '../../../letters/timeline';
import { AppError, customerNotFound } from '../../errors';
import { timelineEntryJson } from '../../mappers/timeline';
import { queryDate, today } from '../../params';
import { customerIdParams, errorResponses } from '../../schemas/common';
import { timelineQuery, timelineResponse, type TimelineResponse } from '../../schemas/timeline';

const timeline: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: string }; Querystring: { from?: string; to?: string }; Reply: TimelineResponse }>(
    '/customers/:id/timeline',
    {
      schema: {
        tags: ['customers'],
        summary: 'Invoices, payments, credit notes, fees, collection letters and activities between two dates, newest first',
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
      const [{ entries, settlements }, letters, activities, statements] = await Promise.all([
        loadLedger(db, customer.id, now),
        letterTimelineEntries(db, customer.id, from, to, config.accountingCurrency),
        activityTimelineEntries(db, customer.id, from, to),
        statementTimelineEntries(db, customer.id, from, to),
      ]);
      const ledger = buildTimeline(entries, settlements, from, to, now);
      return { from, to, entries: mergeTimeline(ledger, letters, statements, activities).map(timelineEntryJson) };
    },
  );
};

export default timeline;
