// /api/reason-codes : the managed lists of dispute and write-off reason codes. Everyone reads them;
// managers add codes and retire or restore them.
import type { FastifyPluginAsync } from 'fastify';
import { addReasonCode, listReasonCodes, setReasonCodeActive } from '../../../db/repositories/reason-codes';
import type { ReasonCodeKind } from '../../../domain/actions/reason-codes';
import { requireRole } from '../../roles';
import {
  newReasonCodeBody,
  reasonCodeParams,
  reasonCodeSchema,
  reasonCodesQuery,
  reasonCodesResponse,
  updateReasonCodeBody,
  type NewReasonCodeRequest,
  type ReasonCodesResponse,
} from '../../schemas/actions';
import { apiErrorSchema, errorResponses } from '../../schemas/common';

const reasonCodes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { kind?: ReasonCodeKind }; Reply: ReasonCodesResponse }>(
    '/reason-codes',
    { schema: { tags: ['transactions'], summary: 'Dispute and write-off reason codes', querystring: reasonCodesQuery, response: { 200: reasonCodesResponse, ...errorResponses } } },
    async (request) => ({ items: await listReasonCodes(app.db, request.query.kind) }),
  );

  app.post<{ Body: NewReasonCodeRequest }>(
    '/reason-codes',
    {
      preHandler: requireRole('manager', 'manage reason codes'),
      schema: { tags: ['transactions'], summary: 'Add a reason code (managers)', body: newReasonCodeBody, response: { 201: reasonCodeSchema, 403: apiErrorSchema, 409: apiErrorSchema, ...errorResponses } },
    },
    async (request, reply) => reply.code(201).send(await addReasonCode(app.db, request.body, request.agent.id)),
  );

  app.patch<{ Params: { kind: ReasonCodeKind; code: string }; Body: { active: boolean } }>(
    '/reason-codes/:kind/:code',
    {
      preHandler: requireRole('manager', 'manage reason codes'),
      schema: { tags: ['transactions'], summary: 'Retire or restore a reason code (managers)', params: reasonCodeParams, body: updateReasonCodeBody, response: { 200: reasonCodeSchema, 403: apiErrorSchema, ...errorResponses } },
    },
    async (request) => setReasonCodeActive(app.db, request.params.kind, request.params.code, request.body.active, request.agent.id),
  );
};

export default reasonCodes;
