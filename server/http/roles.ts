// Role checks for routes: the signed-in agent's role (agents row) must be one of those allowed,
// else a 403 saying who may do it. Roles rank agent < manager < admin.
import type { FastifyRequest } from 'fastify';
import { AGENT_ROLES, type AgentRole as Role } from '../domain/types';
import { AppError } from './errors';

/** Ranked by the order of AGENT_ROLES. */
const RANKED: readonly Role[] = AGENT_ROLES;

function check(request: FastifyRequest, allowed: readonly Role[], action: string): void {
  if (!allowed.includes(request.agent?.role)) {
    throw new AppError('forbidden', 403, `Only ${allowed.map((r) => `${r}s`).join(' and ')} may ${action}.`, { allowed });
  }
}

/**
 * `requireRole('manager', 'edit letter sequences')`: a route's preHandler that lets that role and
 * the ones above it through (a handler may also await it for a check that depends on the request).
 * `requireRole(request, allowed, action)` checks on the spot.
 */
export function requireRole(role: Role, action?: string): (request: FastifyRequest) => Promise<void>;
export function requireRole(request: FastifyRequest, allowed: Role[], action: string): void;
export function requireRole(first: Role | FastifyRequest, allowedOrAction?: Role[] | string, action?: string) {
  if (typeof first !== 'string') return check(first, allowedOrAction as Role[], action ?? 'do this');
  const allowed = RANKED.slice(RANKED.indexOf(first));
  const what = typeof allowedOrAction === 'string' ? allowedOrAction : 'do this';
  return async (request: FastifyRequest) => check(request, allowed, what);
}
