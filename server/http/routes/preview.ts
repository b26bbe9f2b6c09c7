// GET /api/preview/mailbox : the simulated inbox of the browser preview, drawn from the customers
// and ledger in the database (the demo company, or any imported one).
import type { FastifyPluginAsync } from 'fastify';
import { demoMailbox } from '../../demo/mailbox';
import type { PreviewMailboxResponse } from '../contract';
import { queryDate, today } from '../params';
import { asOfQuery, errorResponses } from '../schemas/common';
import { previewMailboxResponse } from '../schemas/preview';

const preview: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { asOf?: string }; Reply: PreviewMailboxResponse }>(
    '/preview/mailbox',
    {
      schema: {
        tags: ['preview'],
        summary: 'About a dozen simulated emails from customers and unknown senders, newest first',
        querystring: asOfQuery,
        response: { 200: previewMailboxResponse, 400: errorResponses[400] },
      },
    },
    async (request) => {
      const asOf = queryDate(request.query.asOf, 'asOf', today(app.config.companyTimeZone));
      return { emails: await demoMailbox(app.db, asOf) };
    },
  );
};

export default preview;
