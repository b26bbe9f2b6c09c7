// GET /api/customers?search=&limit=&offset= : find a customer by name, account number or email.
import type { FastifyPluginAsync } from 'fastify';
import { searchCustomers } from '../../../db/repositories/customers';
import { customerListItemJson } from '../../mappers/customers';
import { errorResponses } from '../../schemas/common';
import { searchQuery, searchResponse, type CustomerSearchResponse } from '../../schemas/customers';

const search: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { search?: string; limit: number; offset: number }; Reply: CustomerSearchResponse }>(
    '/customers',
    {
      schema: {
        tags: ['customers'],
        summary: 'Search customers (case-insensitive) by name, account number or contact email, paged',
        querystring: searchQuery,
        response: { 200: searchResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { search: text, limit, offset } = request.query;
      const { items, total } = await searchCustomers(app.db, { search: text, limit, offset });
      return { items: items.map(customerListItemJson), total, limit, offset };
    },
  );
};

export default search;
