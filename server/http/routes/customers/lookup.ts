// GET /api/customers/lookup?email= : which customer does this sender belong to?
import type { FastifyPluginAsync } from 'fastify';
import { lookupCustomers } from '../../../db/repositories/customers';
import { matchableDomains } from '../../../domain/public-domains';
import { lookupMatchJson } from '../../mappers/customers';
import { errorResponses } from '../../schemas/common';
import { lookupQuery, lookupResponse, type LookupResponse } from '../../schemas/customers';

const lookup: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { email: string }; Reply: LookupResponse }>(
    '/customers/lookup',
    {
      schema: {
        tags: ['customers'],
        summary: "Resolve an email sender: contacts with that exact address first, then the sender's domain",
        description: 'Public mail domains (gmail.com, outlook.com, …) never match by domain. No match: an empty list.',
        querystring: lookupQuery,
        response: { 200: lookupResponse, ...errorResponses },
      },
    },
    async (request) => {
      const email = request.query.email.trim().toLowerCase();
      const matches = await lookupCustomers(app.db, email, matchableDomains(email));
      return { matches: matches.map(lookupMatchJson) };
    },
  );
};

export default lookup;
