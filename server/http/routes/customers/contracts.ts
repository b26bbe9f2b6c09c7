// GET /api/customers/:id/contracts?asOf= : the customer's contracts, each with its state on the
// as-of date, for the overview's "Active contracts" list.
import type { FastifyPluginAsync } from 'fastify';
import { loadContracts } from '../../../db/repositories/contracts';
import { findCustomer } from '../../../db/repositories/customers';
import { customerNotFound } from '../../errors';
import { contractsJson } from '../../mappers/contracts';
import { queryDate, today } from '../../params';
import { asOfQuery, customerIdParams, errorResponses } from '../../schemas/common';
import { contractsResponse, type ContractsResponse } from '../../schemas/contracts';

const contracts: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: string }; Querystring: { asOf?: string }; Reply: ContractsResponse }>(
    '/customers/:id/contracts',
    {
      schema: {
        tags: ['customers'],
        summary: "A customer's contracts and which of them are in force on a date",
        params: customerIdParams,
        querystring: asOfQuery,
        response: { 200: contractsResponse, ...errorResponses },
      },
    },
    async (request) => {
      const asOf = queryDate(request.query.asOf, 'asOf', today(app.config.companyTimeZone));
      const customer = await findCustomer(app.db, request.params.id);
      if (!customer) throw customerNotFound(request.params.id);
      return contractsJson(await loadContracts(app.db, customer.id), asOf);
    },
  );
};

export default contracts;
