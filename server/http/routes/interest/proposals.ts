// GET /api/interest/proposals?asOf=&customerId= : what interest notes would charge as of a date, for
// one customer or every customer with overdue items, line by line and with what was left out and
// why (held, disputed, within grace days, already charged, under the minimum). Nothing is saved.
import type { FastifyPluginAsync } from 'fastify';
import { interestProposals } from '../../../interest/post';
import { proposalJson } from '../../mappers/interest';
import { queryDate, today } from '../../params';
import { errorResponses } from '../../schemas/common';
import { proposalsQuery, proposalsResponse, type InterestProposalsResponse } from '../../schemas/interest';

const proposals: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { asOf?: string; customerId?: string }; Reply: InterestProposalsResponse }>(
    '/interest/proposals',
    { schema: { tags: ['interest'], summary: 'Interest due as of a date, to review before posting', querystring: proposalsQuery, response: { 200: proposalsResponse, ...errorResponses } } },
    async (request) => {
      const asOf = queryDate(request.query.asOf, 'asOf', today(app.config.companyTimeZone));
      const one = request.query.customerId;
      const found = await interestProposals(app.db, one ? [one] : null, asOf);
      return {
        asOf,
        accountingCurrency: app.config.accountingCurrency,
        items: found.filter(({ proposal }) => one || proposal.notes.length > 0 || proposal.skipped.length > 0).map(({ customer, proposal }) => proposalJson(customer, proposal)),
      };
    },
  );
};

export default proposals;
