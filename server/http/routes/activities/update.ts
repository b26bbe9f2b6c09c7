// PATCH /activities/:id : edit, complete (status completed) or cancel (status cancelled) an activity.
// With If-Match naming the version the agent read (the ETag of an answer), a change made by someone
// else since is not overwritten: 412 with the activity as it is now. Corrects the outcome, the
// promise's date and amount and the dispute's reason too; the transactions still carrying them follow.
import type { FastifyPluginAsync } from 'fastify';
import { updateActivity } from '../../../db/repositories/activity-writes';
import type { ActivityRecord } from '../../../domain/activities';
import { DomainError } from '../../../domain/errors';
import { AppError } from '../../errors';
import { activityChange, activityJson } from '../../mappers/activities';
import {
  activityIdParams, activitySchema, ifMatchHeaders, updateActivityBody, type Activity, type UpdateActivityRequest,
} from '../../schemas/activities';
import { apiErrorSchema, errorResponses } from '../../schemas/common';
import { writeContext, type ActivitiesRouteOptions } from './options';

/** An activity's version as an entity tag, and back: `"3"` (a weak `W/"3"` matches too; `*` any version). */
export const activityETag = (version: number) => `"${version}"`;
function expectedVersion(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch);
  if (!match) throw new AppError('invalid_request', 400, "Header 'If-Match' must be the activity's ETag, e.g. \"3\".", { field: 'If-Match' });
  return Number(match[1]);
}

/** A 412 carries the activity as it is now: as the API shows it, like any answer. */
function withCurrentAsJson(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  const details = error.details as { current?: ActivityRecord } | undefined;
  if (!details?.current) return error;
  return new DomainError(error.kind, error.code, error.message, { ...details, current: activityJson(details.current) });
}

const update: FastifyPluginAsync<ActivitiesRouteOptions> = async (app, opts) => {
  app.patch<{ Params: { id: string }; Body: UpdateActivityRequest; Headers: { 'if-match'?: string }; Reply: Activity }>(
    '/activities/:id',
    {
      schema: {
        tags: ['activities'],
        summary: 'Edit, complete (status completed) or cancel (status cancelled) an activity',
        params: activityIdParams,
        headers: ifMatchHeaders,
        body: updateActivityBody,
        response: { 200: activitySchema, 409: apiErrorSchema, 412: apiErrorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match']);
      const updated = await updateActivity(app.db, request.params.id, activityChange(request.body), writeContext(app, opts, request.agent.id), expected).catch(
        (error: unknown) => {
          throw withCurrentAsJson(error);
        },
      );
      if (updated.sync.state === 'pending') opts.onQueued?.();
      return reply.header('etag', activityETag(updated.version)).send(activityJson(updated));
    },
  );
};

export default update;
