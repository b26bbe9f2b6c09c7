// GET /letter-sequences lists the sequences with their levels and templates; managers create
// (POST) and replace (PUT /letter-sequences/:id) them.
import type { FastifyPluginAsync } from 'fastify';
import { isUuid } from '../../../db/repositories/customers';
import { saveSequence } from '../../../letters/sequences';
import { loadSequences } from '../../../letters/store/sequences';
import { sequenceDraft, sequenceJson } from '../../mappers/letters';
import { requireRole } from '../../roles';
import { idParams, letterErrors, sequenceBody, sequenceResponse, type SequenceBody } from '../../schemas/letters';
import { notFoundById } from './shared';

const sequences: FastifyPluginAsync = async (app) => {
  const { db, config } = app;
  const accounting = config.accountingCurrency;
  const managersOnly = requireRole('manager', 'edit letter sequences');

  app.get('/letter-sequences', { schema: { tags: ['letters'], summary: 'Letter sequences with their levels', response: { 200: { type: 'array', items: sequenceResponse } } } }, async () =>
    (await loadSequences(db)).map((seq) => sequenceJson(seq, accounting)),
  );

  app.post<{ Body: SequenceBody }>(
    '/letter-sequences',
    { schema: { tags: ['letters'], summary: 'Create a letter sequence (managers)', body: sequenceBody, response: { 201: sequenceResponse, ...letterErrors } }, preHandler: managersOnly },
    async (request, reply) => {
      const saved = await saveSequence(db, null, sequenceDraft(request.body), request.agent.id, accounting);
      return reply.code(201).send(sequenceJson(saved, accounting));
    },
  );

  app.put<{ Params: { id: string }; Body: SequenceBody }>(
    '/letter-sequences/:id',
    {
      schema: { tags: ['letters'], summary: 'Replace a letter sequence and its levels (managers)', params: idParams, body: sequenceBody, response: { 200: sequenceResponse, ...letterErrors } },
      preHandler: managersOnly,
    },
    async (request) => {
      if (!isUuid(request.params.id)) throw notFoundById('sequence', request.params.id);
      return sequenceJson(await saveSequence(db, request.params.id, sequenceDraft(request.body), request.agent.id, accounting), accounting);
    },
  );
};

export default sequences;
