// GET /customers/:id/activities : a customer's activities, newest first.
import type { FastifyPluginAsync } from 'fastify';
import { listActivities } from '../../../db/repositories/activities';
import { findCustomer } from '../../../db/repositories/customers';
import { customerNotFound } from '../../../domain/errors';
import { activityJson } from '../../mappers/activities';
import { activityListQuery, activityListResponse, type ActivityListResponse } from '../../schemas/activities';
import { customerIdParams, errorResponses } from '../../schemas/common';

const list: FastifyPluginAsync = async (app) => {
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
      return { items: (await listActivities(app.db, customer.id, request.query)).map(activityJson) };
    },
  );
};

export default list;
