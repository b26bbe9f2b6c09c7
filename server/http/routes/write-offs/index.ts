// /api/write-offs : the write-off requests (managers see them), and a manager's approval (posts the
// write-off against what is open now) or rejection (nothing posted). Audited, idempotent.
import type { FastifyPluginAsync } from 'fastify';
import { decideWriteOff, listWriteOffs } from '../../../db/repositories/write-offs';
import type { WriteOffStatus } from '../../../domain/actions/write-off';
import { writeOffJson } from '../../mappers/money-actions';
import { today } from '../../params';
import { requireRole } from '../../roles';
import { idempotencyHeaders } from '../../schemas/activities';
import { apiErrorSchema, errorResponses } from '../../schemas/common';
import { decideBody, writeOffSchema, writeOffsQuery, writeOffsResponse, type WriteOffsResponse } from '../../schemas/money-actions';
import { answerAction } from '../transactions/answer';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } as const;

const writeOffs: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { status?: WriteOffStatus; customerId?: string }; Reply: WriteOffsResponse }>(
    '/write-offs',
    {
      preHandler: requireRole('manager', 'review write-offs'),
      schema: { tags: ['transactions'], summary: 'Write-off requests, newest first (managers)', querystring: writeOffsQuery, response: { 200: writeOffsResponse, 403: apiErrorSchema, ...errorResponses } },
    },
    async (request) => ({ items: (await listWriteOffs(app.db, request.query.status, request.query.customerId)).map(writeOffJson) }),
  );

  for (const decision of ['approve', 'reject'] as const) {
    app.post<{ Params: { id: string }; Body: { note?: string | null } }>(
      `/write-offs/:id/${decision}`,
      {
        preHandler: requireRole('manager', `${decision} write-offs`),
        schema: {
          tags: ['transactions'],
          summary: decision === 'approve' ? 'Approve a pending write-off: it is posted (managers)' : 'Reject a pending write-off (managers)',
          params: idParams,
          headers: idempotencyHeaders,
          body: decideBody,
          response: { 200: writeOffSchema, 403: apiErrorSchema, 409: apiErrorSchema, 422: apiErrorSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const ctx = { agentId: request.agent.id, today: today(app.config.companyTimeZone), note: request.body?.note?.trim() || null };
        return answerAction(app, request, reply, `POST /api/write-offs/${request.params.id}/${decision}`, async (trx) => ({
          statusCode: 200,
          body: writeOffJson(await decideWriteOff(trx, request.params.id, decision === 'approve', ctx)),
        }));
      },
    );
  }
};

export default writeOffs;
