// POST /customers/:id/activities : log an activity. With an Idempotency-Key, a repeated request gets
// the first answer (marked Idempotent-Replayed) and changes nothing.
import type { FastifyPluginAsync } from 'fastify';
import { createActivity } from '../../../db/repositories/activity-writes';
import { findCustomer } from '../../../db/repositories/customers';
import { answerOnce, requestFingerprint, storedResponse } from '../../../db/repositories/idempotency';
import { customerNotFound } from '../../../domain/errors';
import { activityJson, newActivity } from '../../mappers/activities';
import { activitySchema, createActivityBody, idempotencyHeaders, type CreateActivityRequest } from '../../schemas/activities';
import { apiErrorSchema, customerIdParams, errorResponses } from '../../schemas/common';
import { writeContext, type ActivitiesRouteOptions } from './options';

const ROUTE = 'POST /api/customers/:id/activities';

const create: FastifyPluginAsync<ActivitiesRouteOptions> = async (app, opts) => {
  app.post<{ Params: { id: string }; Body: CreateActivityRequest; Headers: { 'idempotency-key'?: string } }>(
    '/customers/:id/activities',
    {
      schema: {
        tags: ['activities'],
        summary: 'Log an activity; a promise to pay or a dispute sets the named transactions’ status',
        params: customerIdParams,
        headers: idempotencyHeaders,
        body: createActivityBody,
        response: { 201: activitySchema, 422: apiErrorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const scope = key
        ? { key, agentId: request.agent.id, route: `${ROUTE} ${request.params.id}`, requestHash: requestFingerprint(request.body) }
        : null;
      if (scope) {
        const earlier = await storedResponse(app.db, scope);
        if (earlier) return reply.code(earlier.statusCode).header('Idempotent-Replayed', 'true').send(earlier.body);
      }
      const customer = await findCustomer(app.db, request.params.id);
      if (!customer) throw customerNotFound(request.params.id);
      const command = newActivity(request.body);
      const answer = await answerOnce(app.db, scope, async (trx) => ({
        statusCode: 201,
        body: activityJson(await createActivity(trx, customer.id, command, writeContext(app, opts, request.agent.id))),
      }));
      if (answer.replayed) return reply.code(answer.statusCode).header('Idempotent-Replayed', 'true').send(answer.body);
      if (answer.body.sync.state === 'pending') opts.onQueued?.();
      return reply.code(201).send(answer.body);
    },
  );
};

export default create;
