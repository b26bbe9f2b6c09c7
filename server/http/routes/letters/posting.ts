// POST /customers/:id/letters posts the due letter (once per customer, level and date; an
// Idempotency-Key replays it); GET /letters/:id and its stored .pdf and .html; POST /letters/:id/sent,
// the pane's report that it sent a reply letter.
import type { FastifyPluginAsync } from 'fastify';
import { isUuid } from '../../../db/repositories/customers';
import { customerNotFound } from '../../../domain/errors';
import { postLetter } from '../../../letters/post';
import { findLetter, findLetterDocument, markLetterSent } from '../../../letters/store/letters';
import { letterJson } from '../../mappers/letters';
import { bodyDate, today } from '../../params';
import { customerIdParams } from '../../schemas/common';
import { idempotencyHeaders, idParams, letterErrors, letterResponse, postLetterBody, type PostLetterBody } from '../../schemas/letters';
import { notFoundById, type LetterRoutesOptions } from './shared';

const posting: FastifyPluginAsync<LetterRoutesOptions> = async (app, opts) => {
  const { db, config } = app;
  const accounting = config.accountingCurrency;
  /** The letter as the API answers it; a letter just posted or updated exists. */
  const answer = async (id: string) => letterJson((await findLetter(db, id))!, accounting);

  app.post<{ Params: { id: string }; Body: PostLetterBody; Headers: { 'idempotency-key'?: string } }>(
    '/customers/:id/letters',
    { schema: { tags: ['letters'], summary: 'Post the due letter (once per customer, level and date)', params: customerIdParams, headers: idempotencyHeaders, body: postLetterBody, response: { 200: letterResponse, 201: letterResponse, ...letterErrors } } },
    async (request, reply) => {
      if (!isUuid(request.params.id)) throw customerNotFound(request.params.id);
      const { body } = request;
      const key = request.headers['idempotency-key'];
      const result = await postLetter(db, {
        customerId: request.params.id,
        asOf: bodyDate(body.asOf, 'asOf', today(config.companyTimeZone)),
        delivery: body.delivery,
        agent: request.agent,
        accountingCurrency: accounting,
        settings: config.letters,
        ...(body.level !== undefined ? { level: body.level } : {}),
        ...(body.language ? { language: body.language } : {}),
        ...(body.to ? { to: body.to } : {}),
        ...(key ? { requestKey: `${request.agent.id}:${key}` } : {}),
      });
      const letter = await answer(result.letterId);
      if (result.created && body.delivery === 'graph') opts.onQueued?.();
      return reply.code(result.created ? 201 : 200).send({ ...letter, created: result.created });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/letters/:id',
    { schema: { tags: ['letters'], summary: 'A posted letter', params: idParams, response: { 200: letterResponse, ...letterErrors } } },
    async (request) => {
      const letter = isUuid(request.params.id) ? await findLetter(db, request.params.id) : null;
      if (!letter) throw notFoundById('letter', request.params.id);
      return letterJson(letter, accounting);
    },
  );

  for (const format of ['pdf', 'html'] as const) {
    app.get<{ Params: { id: string } }>(
      `/letters/:id.${format}`,
      { schema: { tags: ['letters'], summary: `The ${format.toUpperCase()} stored when the letter was posted`, params: idParams } },
      async (request, reply) => {
        const stored = isUuid(request.params.id) ? await findLetterDocument(db, request.params.id) : null;
        if (!stored) throw notFoundById('letter', request.params.id);
        if (format === 'html') return reply.type('text/html; charset=utf-8').send(stored.html);
        return reply.type('application/pdf').header('content-disposition', `inline; filename="${stored.number}.pdf"`).send(stored.pdf);
      },
    );
  }

  app.post<{ Params: { id: string } }>(
    '/letters/:id/sent',
    { schema: { tags: ['letters'], summary: 'The pane reports the letter sent in a reply', params: idParams, response: { 200: letterResponse, ...letterErrors } } },
    async (request) => {
      const id = request.params.id;
      const updated = isUuid(id) ? await markLetterSent(db, id, request.agent.id) : null;
      if (!updated) throw notFoundById('letter', id);
      return answer(updated);
    },
  );
};

export default posting;
