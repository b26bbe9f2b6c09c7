// GET and PUT /api/reports/aged-receivables/subscription: a manager's month-end delivery of the aged
// receivables report (as of each month's last day, an XLSX attachment in their own mailbox) on or off.
import type { FastifyPluginAsync } from 'fastify';
import {
  agedReceivablesSubscription,
  setAgedReceivablesSubscription,
} from '../../../db/repositories/aged-receivables-subscriptions';
import { requireRole } from '../../roles';
import { apiErrorSchema } from '../../schemas/common';
import {
  agedReceivablesSubscriptionRequest,
  agedReceivablesSubscriptionResponse,
  type AgedReceivablesSubscriptionRequest,
} from '../../schemas/reports';

const PATH = '/reports/aged-receivables/subscription';
const responses = { 200: agedReceivablesSubscriptionResponse, 403: apiErrorSchema };

const subscriptionRoute: FastifyPluginAsync = async (app) => {
  app.get(
    PATH,
    {
      schema: { tags: ['reports'], summary: 'Whether the month-end aged receivables report is mailed to you', response: responses },
      preHandler: requireRole('manager', 'receive the month-end aged receivables report'),
    },
    async (request) => agedReceivablesSubscription(app.db, request.agent.id),
  );

  app.put<{ Body: AgedReceivablesSubscriptionRequest }>(
    PATH,
    {
      schema: {
        tags: ['reports'],
        summary: 'Switch the month-end aged receivables report to your mailbox on or off',
        body: agedReceivablesSubscriptionRequest,
        response: { ...responses, 400: apiErrorSchema },
      },
      preHandler: requireRole('manager', 'receive the month-end aged receivables report'),
    },
    async (request) => {
      await setAgedReceivablesSubscription(app.db, request.agent.id, request.body.subscribed);
      return agedReceivablesSubscription(app.db, request.agent.id);
    },
  );
};

export default subscriptionRoute;
