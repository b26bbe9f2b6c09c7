// What the activity routes share: the options server/app.ts registers them with, and the context
// an activity change is written in.
import type { FastifyInstance } from 'fastify';
import type { WriteContext } from '../../../db/repositories/activity-writes';
import { today } from '../../params';

export interface ActivitiesRouteOptions {
  /** Whether Graph is configured: without it activities are saved as not synced. */
  graphEnabled: boolean;
  /** Called after a change queued Graph writes, so an in-process worker can start at once. */
  onQueued?: () => void;
}

export function writeContext(app: FastifyInstance, opts: ActivitiesRouteOptions, agentId: string): WriteContext {
  return { agentId, today: today(app.config.companyTimeZone), graphEnabled: opts.graphEnabled };
}
