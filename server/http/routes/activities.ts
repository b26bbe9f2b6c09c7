// Activities API: log a call, task, appointment, event or note for a customer (a promise to pay or a
// dispute updates the named transactions in the same transaction), list them, edit/complete/cancel.
import type { FastifyPluginAsync } from 'fastify';
import { listActivities } from '../../db/repositories/activities';
import { createActivity, updateActivity, type WriteContext } from '../../db/repositories/activity-writes';
import { findCustomer, isUuid } from '../../db/repositories/customers';
import { requestFingerprint, storedResponse, storeResponse } from '../../db/repositories/idempotency';
import type { Activity, ActivityListResponse, CreateActivityRequest, UpdateActivityRequest } from '../contract';
import { AppError, customerNotFound } from '../errors';
import { today } from '../params';
import {
  activityListQuery, activitySchema, createActivityBody, idempotencyHeaders, updateActivityBody,
} from '../schemas/activities';
import { apiErrorSchema, customerIdParams, errorResponses } from '../schemas/common';

export interface ActivitiesRouteOptions {
  /** Whether Graph is configured: without it activities are saved as not synced. */
  graphEnabled: boolean;
  /** Called after a change queued Graph writes, so an in-process worker can start at once. */
  onQueued?: () => void;
}

const activityIdParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', description: 'Activity id (uuid)' } } } as const;
const ROUTE_CREATE = 'POST /api/customers/:id/activities';

/** A transaction that lost a race for the same Idempotency-Key. */
class KeyTaken extends Error {}

const activities: FastifyPluginAsync<ActivitiesRouteOptions> = async (app, opts) => {
  const context = (agentId: string): WriteContext => ({
    agentId,
    today: today(app.config.companyTimeZone),
    graphEnabled: opts.graphEnabled,
  });

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
        ? { key, agentId: request.agent.id, route: `${ROUTE_CREATE} ${request.params.id}`, requestHash: requestFingerprint(request.body) }
        : null;
      if (scope) {
        const earlier = await storedResponse(app.db, scope);
        if (earlier) return reply.code(earlier.statusCode).header('Idempotent-Replayed', 'true').send(earlier.body);
      }
      const customer = await findCustomer(app.db, request.params.id);
      if (!customer) throw customerNotFound(request.params.id);
      let created: Activity;
      try {
        created = await app.db.transaction().execute(async (trx) => {
          const activity = await createActivity(trx, customer.id, request.body, context(request.agent.id));
          if (scope && !(await storeResponse(trx, scope, { statusCode: 201, body: activity }))) throw new KeyTaken();
          return activity;
        });
      } catch (error) {
        if (!(error instanceof KeyTaken) || !scope) throw error;
        const winner = (await storedResponse(app.db, scope))!;
        return reply.code(winner.statusCode).header('Idempotent-Replayed', 'true').send(winner.body);
      }
      if (created.sync.state === 'pending') opts.onQueued?.();
      return reply.code(201).send(created);
    },
  );

  app.get<{ Params: { id: string }; Querystring: { limit: number; offset: number }; Reply: ActivityListResponse }>(
    '/customers/:id/activities',
    {
      schema: {
        tags: ['activities'],
        summary: "A customer's activities, newest first, each with its Outlook sync state",
        params: customerIdParams,
        querystring: activityListQuery,
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: activitySchema } } }, ...errorResponses },
      },
    },
    async (request) => {
      const customer = await findCustomer(app.db, request.params.id);
      if (!customer) throw customerNotFound(request.params.id);
      return { items: await listActivities(app.db, customer.id, request.query) };
    },
  );

  app.patch<{ Params: { id: string }; Body: UpdateActivityRequest; Reply: Activity }>(
    '/activities/:id',
    {
      schema: {
        tags: ['activities'],
        summary: 'Edit, complete (status completed) or cancel (status cancelled) an activity',
        params: activityIdParams,
        body: updateActivityBody,
        response: { 200: activitySchema, 409: apiErrorSchema, ...errorResponses },
      },
    },
    async (request) => {
      if (!isUuid(request.params.id)) {
        throw new AppError('activity_not_found', 404, `No activity has the id '${request.params.id}'.`, { id: request.params.id });
      }
      const updated = await app.db
        .transaction()
        .execute((trx) => updateActivity(trx, request.params.id, request.body, context(request.agent.id)));
      if (updated.sync.state === 'pending') opts.onQueued?.();
      return updated;
    },
  );
};

export default activities;
