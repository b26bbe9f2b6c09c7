// How every action on transactions answers: in one database transaction, and under an
// Idempotency-Key once (a repeat gets the first answer, marked Idempotent-Replayed, and changes
// nothing; the key reused for another request is a 422).
import type { Transaction } from 'kysely';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { answerOnce, requestFingerprint, storedResponse, type StoredResponse } from '../../../db/repositories/idempotency';
import type { Database } from '../../../db/schema';

export async function answerAction<T>(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  route: string,
  change: (trx: Transaction<Database>) => Promise<StoredResponse & { body: T }>,
): Promise<FastifyReply> {
  const key = request.headers['idempotency-key'];
  const scope = typeof key === 'string' && key !== '' ? { key, agentId: request.agent.id, route, requestHash: requestFingerprint(request.body) } : null;
  if (scope) {
    const earlier = await storedResponse(app.db, scope);
    if (earlier) return reply.code(earlier.statusCode).header('Idempotent-Replayed', 'true').send(earlier.body);
  }
  const answer = await answerOnce(app.db, scope, change);
  if (answer.replayed) reply.header('Idempotent-Replayed', 'true');
  return reply.code(answer.statusCode).send(answer.body);
}
