// GET /api/preview/mailbox : the simulated inbox of the browser preview, drawn from the customers
// and ledger in the database (the demo company, or any imported one).
import type { FastifyPluginAsync } from 'fastify';
import { demoMailbox, type DemoEmail } from '../../demo/mailbox';
import { queryDate, today } from '../params';
import { asOfQuery, errorResponses } from '../schemas/common';
import { previewMailboxResponse, type PreviewEmail, type PreviewMailboxResponse } from '../schemas/preview';

/** The demo's email is the API's field for field. */
const toPreviewEmail = (email: DemoEmail): PreviewEmail => email;

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
      return { emails: (await demoMailbox(app.db, asOf)).map(toPreviewEmail) };
    },
  );
};

export default preview;
