// GET /customers/:id/letters/proposal (the letter one customer is due, or why none) and
// GET /letters/proposal (the customers due a letter: an agent's own, or for managers anyone's).
import type { FastifyPluginAsync } from 'fastify';
import { isUuid } from '../../../db/repositories/customers';
import { customerNotFound } from '../../../domain/errors';
import { batchProposal, customerProposal } from '../../../letters/proposals';
import { batchProposalJson, proposalJson } from '../../mappers/letters';
import { queryDate, today } from '../../params';
import { requireRole } from '../../roles';
import { asOfQuery, customerIdParams } from '../../schemas/common';
import { batchProposalQuery, batchProposalResponse, letterErrors, proposalResponse } from '../../schemas/letters';

const proposals: FastifyPluginAsync = async (app) => {
  const { db, config } = app;
  const accounting = config.accountingCurrency;
  const managersOnly = requireRole('manager', "review other agents' letters");

  app.get<{ Params: { id: string }; Querystring: { asOf?: string } }>(
    '/customers/:id/letters/proposal',
    { schema: { tags: ['letters'], summary: 'The letter the customer is due as of a date, or why none', params: customerIdParams, querystring: asOfQuery, response: { 200: proposalResponse, ...letterErrors } } },
    async (request) => {
      const asOf = queryDate(request.query.asOf, 'asOf', today(config.companyTimeZone));
      const found = isUuid(request.params.id) ? await customerProposal(db, request.params.id, asOf, accounting) : null;
      if (!found) throw customerNotFound(request.params.id);
      return proposalJson(found.customer, found.sequence, found.proposal, asOf, accounting, found.leftOut);
    },
  );

  app.get<{ Querystring: { agent?: string; asOf?: string } }>(
    '/letters/proposal',
    { schema: { tags: ['letters'], summary: "Customers due a letter: an agent's, or (managers) all", querystring: batchProposalQuery, response: { 200: batchProposalResponse, ...letterErrors } } },
    async (request) => {
      const agentId = request.query.agent ?? (request.agent.role === 'agent' ? request.agent.id : null);
      if (agentId !== request.agent.id) await managersOnly(request);
      const asOf = queryDate(request.query.asOf, 'asOf', today(config.companyTimeZone));
      return batchProposalJson(await batchProposal(db, agentId, asOf, accounting));
    },
  );
};

export default proposals;
