// Role checks for routes: the signed-in agent's role (agents row) must be one of those allowed,
// else a 403 saying who may do it.
import type { FastifyRequest } from 'fastify';
import type { Agent } from '../auth/agents';
import { AppError } from './errors';

export function requireRole(request: FastifyRequest, allowed: Array<Agent['role']>, action: string): void {
  if (!allowed.includes(request.agent?.role)) {
    throw new AppError('forbidden', 403, `Only ${allowed.map((r) => `${r}s`).join(' and ')} may ${action}.`, { allowed });
  }
}
