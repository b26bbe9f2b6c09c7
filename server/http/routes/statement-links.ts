// GET /statements/:id.pdf?exp=&sig= (outside /api, no sign-in): the stored PDF of a statement
// through a signed link from POST /api/statements/:id/pdf-link, until it expires. Outlook fetches a
// reply's attachment itself, without the pane's bearer token.
import type { FastifyPluginAsync } from 'fastify';
import { isUuid } from '../../db/repositories/customers';
import { findStatementDocument } from '../../db/repositories/statements';
import { forbidden } from '../../domain/errors';
import { checkStatementLink } from '../../statements/links';
import { apiErrorSchema } from '../schemas/common';
import { statementNotFound } from './customers/statements';

const statementLinks: FastifyPluginAsync = async (app) => {
  const { db, config } = app;
  app.get<{ Params: { id: string }; Querystring: { exp?: string; sig?: string } }>(
    '/statements/:id.pdf',
    {
      schema: {
        tags: ['statements'],
        summary: 'The stored PDF of a statement through a signed link',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
        querystring: { type: 'object', properties: { exp: { type: 'string' }, sig: { type: 'string' } } },
        response: { 403: apiErrorSchema, 404: apiErrorSchema },
      },
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (!isUuid(id)) throw statementNotFound(id);
      const check = checkStatementLink(config.letterLinkKey, id, request.query.exp, request.query.sig, new Date());
      if (check === 'expired') throw forbidden('link_expired', 'This statement link has expired: open the statement from the task pane again.');
      if (check !== 'valid') throw forbidden('link_invalid', 'This statement link is not valid.');
      const stored = await findStatementDocument(db, id);
      if (!stored) throw statementNotFound(id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${stored.number}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(stored.pdf);
    },
  );
};

export default statementLinks;
