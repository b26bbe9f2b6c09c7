// Signed PDF links for Outlook, which downloads a reply's attachment itself, without the pane's
// bearer token: the pane asks for a link (POST /api/letters/:id/pdf-link, signed in), and the link
// (GET /letters/:id.pdf?exp=&sig=, outside /api, no sign-in) serves the stored PDF until it expires.
import type { FastifyPluginAsync } from 'fastify';
import { isUuid } from '../../../db/repositories/customers';
import { forbidden } from '../../../domain/errors';
import { checkLetterLink, signLetterLink } from '../../../letters/links';
import { findLetterDocument, letterExists } from '../../../letters/store/letters';
import { apiErrorSchema } from '../../schemas/common';
import { idParams, letterErrors, pdfLinkResponse } from '../../schemas/letters';
import { notFoundById } from './shared';

/** Registered under /api, behind sign-in. */
export const pdfLinkRoutes: FastifyPluginAsync = async (app) => {
  const { db, config } = app;
  app.post<{ Params: { id: string } }>(
    '/letters/:id/pdf-link',
    { schema: { tags: ['letters'], summary: "A short-lived URL of the letter's PDF that needs no sign-in", params: idParams, response: { 200: pdfLinkResponse, ...letterErrors } } },
    async (request) => {
      const id = request.params.id;
      if (!isUuid(id) || !(await letterExists(db, id))) throw notFoundById('letter', id);
      return signLetterLink(config.letterLinkKey, id, new Date());
    },
  );
};

/** Registered at the root: the signature is the only credential. */
const publicLetterLinks: FastifyPluginAsync = async (app) => {
  const { db, config } = app;
  app.get<{ Params: { id: string }; Querystring: { exp?: string; sig?: string } }>(
    '/letters/:id.pdf',
    {
      schema: {
        tags: ['letters'],
        summary: 'The stored PDF of a letter through a signed link from POST /api/letters/:id/pdf-link',
        params: idParams,
        querystring: { type: 'object', properties: { exp: { type: 'string' }, sig: { type: 'string' } } },
        response: { 403: apiErrorSchema, 404: apiErrorSchema },
      },
      // Guessing a signature is hopeless anyway; this keeps anyone from trying at speed.
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { id } = request.params;
      // No letter has a malformed id, signed or not.
      if (!isUuid(id)) throw notFoundById('letter', id);
      const check = checkLetterLink(config.letterLinkKey, id, request.query.exp, request.query.sig, new Date());
      if (check === 'expired') throw forbidden('link_expired', 'This letter link has expired: open the letter from the task pane again.');
      if (check !== 'valid') throw forbidden('link_invalid', 'This letter link is not valid.');
      const stored = await findLetterDocument(db, id);
      if (!stored) throw notFoundById('letter', id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${stored.number}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(stored.pdf);
    },
  );
};

export default publicLetterLinks;
