// POST /api/interest/notes posts the reviewed interest notes (managers): atomically, audited,
// journaled for the ERP, once under an Idempotency-Key. GET /api/interest/notes[?customerId=] lists
// them; GET /api/interest/notes/:id and its .pdf and .html reprint a note exactly as it was posted.
import type { FastifyPluginAsync } from 'fastify';
import { findInterestNotes, interestNoteDocument } from '../../../db/repositories/interest';
import { notFound } from '../../../domain/errors';
import { INTEREST_NOTE_LANGUAGES } from '../../../interest/render';
import { postInterestNotes } from '../../../interest/post';
import { interestNoteJson } from '../../mappers/interest';
import { bodyDate, today } from '../../params';
import { requireRole } from '../../roles';
import { idempotencyHeaders } from '../../schemas/activities';
import { apiErrorSchema, errorResponses } from '../../schemas/common';
import { interestNoteSchema, interestNotesResponse, noteIdParams, notesQuery, postNotesBody, type PostInterestNotesRequest } from '../../schemas/interest';
import { answerAction } from '../transactions/answer';

const missing = (id: string) => notFound('interest_note_not_found', `No interest note has the id '${id}'.`, { id });

const notes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: PostInterestNotesRequest }>(
    '/interest/notes',
    {
      preHandler: requireRole('manager', 'post interest notes'),
      schema: {
        tags: ['interest'],
        summary: 'Post the interest notes of customers as of a date (managers)',
        headers: idempotencyHeaders,
        body: postNotesBody,
        response: { 201: interestNotesResponse, 403: apiErrorSchema, 409: apiErrorSchema, 422: apiErrorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const now = today(app.config.companyTimeZone);
      const body = request.body;
      const asOf = bodyDate(body.asOf, 'asOf', now);
      const language = body.language && INTEREST_NOTE_LANGUAGES.includes(body.language) ? body.language : 'en';
      return answerAction(app, request, reply, 'POST /api/interest/notes', async (trx) => {
        const ids = await postInterestNotes(trx, {
          asOf, today: now, customerIds: body.customerIds, language, agent: request.agent, settings: app.config.letters,
          ...(body.expected ? { expected: body.expected.map((e) => ({ ...e, total: BigInt(e.total) })) } : {}),
        });
        return { statusCode: 201, body: { items: (await findInterestNotes(trx, { ids })).map(interestNoteJson) } };
      });
    },
  );

  app.get<{ Querystring: { customerId?: string } }>(
    '/interest/notes',
    { schema: { tags: ['interest'], summary: 'Posted interest notes, newest first', querystring: notesQuery, response: { 200: interestNotesResponse, ...errorResponses } } },
    async (request) => ({ items: (await findInterestNotes(app.db, request.query.customerId ? { customerId: request.query.customerId } : {})).map(interestNoteJson) }),
  );

  app.get<{ Params: { id: string } }>(
    '/interest/notes/:id',
    { schema: { tags: ['interest'], summary: 'A posted interest note', params: noteIdParams, response: { 200: interestNoteSchema, ...errorResponses } } },
    async (request) => {
      const [note] = await findInterestNotes(app.db, { ids: [request.params.id] });
      if (!note) throw missing(request.params.id);
      return interestNoteJson(note);
    },
  );

  for (const format of ['pdf', 'html'] as const) {
    app.get<{ Params: { id: string } }>(
      `/interest/notes/:id.${format}`,
      { schema: { tags: ['interest'], summary: `The ${format.toUpperCase()} stored when the note was posted`, params: noteIdParams } },
      async (request, reply) => {
        const stored = await interestNoteDocument(app.db, request.params.id);
        if (!stored) throw missing(request.params.id);
        if (format === 'html') return reply.type('text/html; charset=utf-8').send(stored.html);
        return reply.type('application/pdf').header('content-disposition', `inline; filename="${stored.number}.pdf"`).send(stored.pdf);
      },
    );
  }
};

export default notes;
