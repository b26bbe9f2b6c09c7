// /api/interest/codes : the managed interest codes (managers read and change them; every change is
// audited, a stale version is a 409), and PUT /api/interest/customers/:id/code, a customer's code.
import type { FastifyPluginAsync } from 'fastify';
import { addInterestCode, listInterestCodes, setCustomerInterestCode, updateInterestCode } from '../../../db/repositories/interest';
import { checkInterestCode } from '../../../domain/interest';
import { isCurrencyCode } from '../../../domain/money';
import { interestCodeJson, newInterestCodeDraft, patchedInterestCode } from '../../mappers/interest';
import { requireRole } from '../../roles';
import { apiErrorSchema, customerIdParams, errorResponses } from '../../schemas/common';
import {
  customerInterestCodeBody, customerInterestCodeResponse, interestCodeParams, interestCodeSchema, interestCodesResponse, newInterestCodeBody, updateInterestCodeBody,
  type NewInterestCodeRequest, type UpdateInterestCodeRequest,
} from '../../schemas/interest';

const manage = requireRole('manager', 'manage interest codes');

const codes: FastifyPluginAsync = async (app) => {
  app.get(
    '/interest/codes',
    { preHandler: manage, schema: { tags: ['interest'], summary: 'Interest codes (managers)', response: { 200: interestCodesResponse, 403: apiErrorSchema, ...errorResponses } } },
    async () => ({ items: (await listInterestCodes(app.db)).map(interestCodeJson) }),
  );

  app.post<{ Body: NewInterestCodeRequest }>(
    '/interest/codes',
    {
      preHandler: manage,
      schema: { tags: ['interest'], summary: 'Add an interest code (managers)', body: newInterestCodeBody, response: { 201: interestCodeSchema, 403: apiErrorSchema, 409: apiErrorSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const draft = newInterestCodeDraft(request.body);
      checkInterestCode(draft, isCurrencyCode);
      return reply.code(201).send(interestCodeJson(await addInterestCode(app.db, draft, request.agent.id)));
    },
  );

  app.patch<{ Params: { code: string }; Body: UpdateInterestCodeRequest }>(
    '/interest/codes/:code',
    {
      preHandler: manage,
      schema: { tags: ['interest'], summary: 'Change an interest code (managers)', params: interestCodeParams, body: updateInterestCodeBody, response: { 200: interestCodeSchema, 403: apiErrorSchema, 409: apiErrorSchema, ...errorResponses } },
    },
    async (request) => {
      const updated = await updateInterestCode(app.db, request.params.code, (current) => {
        const draft = patchedInterestCode(current, request.body);
        checkInterestCode(draft, isCurrencyCode);
        return draft;
      }, request.body.version, request.agent.id);
      return interestCodeJson(updated);
    },
  );

  app.put<{ Params: { id: string }; Body: { code: string | null } }>(
    '/interest/customers/:id/code',
    {
      preHandler: manage,
      schema: { tags: ['interest'], summary: "Set a customer's interest code (null: the default code; managers)", params: customerIdParams, body: customerInterestCodeBody, response: { 200: customerInterestCodeResponse, 403: apiErrorSchema, ...errorResponses } },
    },
    async (request) => setCustomerInterestCode(app.db, request.params.id, request.body.code, request.agent.id),
  );
};

export default codes;
