// PATCH /activities/:id : edit, complete (status completed) or cancel (status cancelled) an activity.
import type { FastifyPluginAsync } from 'fastify';
import { updateActivity } from '../../../db/repositories/activity-writes';
import { activityChange, activityJson } from '../../mappers/activities';
import { activityIdParams, activitySchema, updateActivityBody, type Activity, type UpdateActivityRequest } from '../../schemas/activities';
import { apiErrorSchema, errorResponses } from '../../schemas/common';
import { writeContext, type ActivitiesRouteOptions } from './options';

const update: FastifyPluginAsync<ActivitiesRouteOptions> = async (app, opts) => {
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
      const updated = await updateActivity(app.db, request.params.id, activityChange(request.body), writeContext(app, opts, request.agent.id));
      if (updated.sync.state === 'pending') opts.onQueued?.();
      return activityJson(updated);
    },
  );
};

export default update;
