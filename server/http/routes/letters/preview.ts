// GET /api/customers/:id/letters/preview: the letter the customer is due, rendered as it would be
// posted (fee included) but with "Draft" for its number; nothing is posted, numbered or charged.
import type { FastifyPluginAsync } from 'fastify';
import { isUuid } from '../../../db/repositories/customers';
import { customerNotFound } from '../../../domain/errors';
import { previewLetter } from '../../../letters/preview';
import { queryDate, today } from '../../params';
import { customerIdParams } from '../../schemas/common';
import { letterErrors, previewQuery } from '../../schemas/letters';

const preview: FastifyPluginAsync = async (app) => {
  const { db, config } = app;
  app.get<{ Params: { id: string }; Querystring: { asOf?: string; language?: string; to?: string } }>(
    '/customers/:id/letters/preview',
    {
      schema: {
        tags: ['letters'],
        summary: 'The due letter as email HTML, without posting it (number shown as "Draft")',
        params: customerIdParams,
        querystring: previewQuery,
        response: letterErrors,
      },
    },
    async (request, reply) => {
      const draft = isUuid(request.params.id)
        ? await previewLetter(db, {
            customerId: request.params.id,
            asOf: queryDate(request.query.asOf, 'asOf', today(config.companyTimeZone)),
            ...(request.query.language ? { language: request.query.language } : {}),
            ...(request.query.to ? { to: request.query.to } : {}),
            agent: request.agent,
            accountingCurrency: config.accountingCurrency,
            settings: config.letters,
          })
        : null;
      if (!draft) throw customerNotFound(request.params.id);
      // A draft changes with the ledger: never answer it from a cache.
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(draft.html);
    },
  );
};

export default preview;
