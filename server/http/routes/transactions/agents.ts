// /api/agents : managers see the agents and set each one's write-off limit (in the accounting
// currency; null takes the right to write off away). Every change is audited.
import type { FastifyPluginAsync } from 'fastify';
import { listAgents, setWriteOffLimit } from '../../../db/repositories/manager-controls';
import { agentJson } from '../../mappers/interest';
import { requireRole } from '../../roles';
import { apiErrorSchema, errorResponses } from '../../schemas/common';
import { agentSchema, agentsResponse, noteIdParams, updateAgentBody, type UpdateAgentRequest } from '../../schemas/interest';

const manage = requireRole('manager', 'set write-off limits');

const agents: FastifyPluginAsync = async (app) => {
  app.get(
    '/agents',
    { preHandler: manage, schema: { tags: ['transactions'], summary: 'Agents and their write-off limits (managers)', response: { 200: agentsResponse, 403: apiErrorSchema, ...errorResponses } } },
    async () => ({ items: (await listAgents(app.db)).map(agentJson), accountingCurrency: app.config.accountingCurrency }),
  );

  app.patch<{ Params: { id: string }; Body: UpdateAgentRequest }>(
    '/agents/:id',
    {
      preHandler: manage,
      schema: { tags: ['transactions'], summary: "Set an agent's write-off limit (managers)", params: noteIdParams, body: updateAgentBody, response: { 200: agentSchema, 403: apiErrorSchema, ...errorResponses } },
    },
    async (request) => {
      const limit = request.body.writeOffLimit;
      return agentJson(await setWriteOffLimit(app.db, request.params.id, limit === null ? null : BigInt(limit), request.agent.id));
    },
  );
};

export default agents;
