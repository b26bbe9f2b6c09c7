// GET /customers/:id/activities : a customer's activities, newest first; posted letters among them
// as the email activities they are.
import type { FastifyPluginAsync } from 'fastify';
import { listActivities } from '../../../db/repositories/activities';
import { findCustomer } from '../../../db/repositories/customers';
import type { ActivityRecord } from '../../../domain/activities';
import { customerNotFound } from '../../../domain/errors';
import { letterActivities } from '../../../letters/store/letter-activities';
import { activityJson } from '../../mappers/activities';
import { activityListQuery, activityListResponse, type ActivityListResponse } from '../../schemas/activities';
import { customerIdParams, errorResponses } from '../../schemas/common';
import type { ActivitiesRouteOptions } from './options';

const list: FastifyPluginAsync<ActivitiesRouteOptions> = async (app, opts) => {
  app.get<{ Params: { id: string }; Querystring: { limit: number; offset: number }; Reply: ActivityListResponse }>(
    '/customers/:id/activities',
    {
      schema: {
        tags: ['activities'],
        summary: "A customer's activities, newest first, each with its Outlook sync state",
        params: customerIdParams,
        querystring: activityListQuery,
        response: { 200: activityListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const customer = await findCustomer(app.db, request.params.id);
      if (!customer) throw customerNotFound(request.params.id);
      const { limit, offset } = request.query;
      // Both lists newest first: the page is the merge of the first offset + limit of each.
      const [activities, letters] = await Promise.all([
        listActivities(app.db, customer.id, { limit: offset + limit, offset: 0 }),
        letterActivities(app.db, customer.id, offset + limit, opts.graphEnabled),
      ]);
      // The order listActivities keeps: when it happened, else when due, else when logged.
      const when = (a: ActivityRecord) => (a.startAt ?? a.dueAt ?? a.followUpAt ?? a.createdAt).getTime();
      const merged = [...activities, ...letters].sort((a, b) => when(b) - when(a));
      return { items: merged.slice(offset, offset + limit).map(activityJson) };
    },
  );
};

export default list;
