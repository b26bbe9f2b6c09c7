// Collection letters: proposals (one customer, or an agent's customers), posting with an
// Idempotency-Key, batch runs with progress, stored HTML/PDF, and (managers only) sequences,
// levels and customer exclusions.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../db/repositories/audit';
import { isUuid } from '../../db/repositories/customers';
import type { Database } from '../../db/schema';
import { createBatch, loadBatchJson, runBatch } from '../../letters/batch';
import { excludedCustomers, readLetterSettings, updateLetterSettings, type LetterSettingsPatch } from '../../letters/exclusions';
import { loadLetterDocument, loadLetterJson } from '../../letters/json';
import { loadSequences } from '../../letters/load';
import { postLetter } from '../../letters/post';
import { batchProposal, customerProposal } from '../../letters/proposals';
import * as s from '../../letters/schemas';
import { saveSequence, sequenceJson, type SequenceInput } from '../../letters/sequences';
import type { LetterDelivery } from '../contract';
import { AppError, customerNotFound } from '../errors';
import { pdfLinkRoutes } from './letter-links';
import letterPreview from './letter-preview';
import { bodyDate, queryDate, today } from '../params';
import { asOfQuery, customerIdParams } from '../schemas/common';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } as const;

function requireManager(request: FastifyRequest): void {
  if (request.agent.role !== 'manager' && request.agent.role !== 'admin') {
    throw new AppError('forbidden', 403, 'Only collections managers may do this.');
  }
}

function notFound(what: string, id: string): AppError {
  return new AppError(`${what}_not_found`, 404, `No ${what.replace('_', ' ')} has the id '${id}'.`, { id });
}

/** A reply letter the pane sent: its status changes with an audit event, in one transaction. */
async function markSent(db: Kysely<Database>, id: string, actor: string): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('collection_letters').select('status').where('id', '=', id).where('delivery', '=', 'reply').forUpdate().executeTakeFirst();
    if (!before) return null;
    // A repeated report changes nothing and records nothing.
    if (before.status === 'sent') return id;
    await trx.updateTable('collection_letters').set({ status: 'sent' }).where('id', '=', id).execute();
    await recordAudit(trx, { actor, action: 'letter.sent', entity: 'collection_letter', entityId: id, before: { status: before.status }, after: { status: 'sent' } });
    return id;
  });
}

export interface LetterRoutesOptions {
  /** Called after a letter's mail was queued, so the outbox worker need not wait for its next poll. */
  onQueued?: () => void;
}

const letters: FastifyPluginAsync<LetterRoutesOptions> = async (app, opts) => {
  const { db, config } = app;
  const accounting = config.accountingCurrency;
  // Batches run in the background; closing the server interrupts them (they can be resumed).
  const running = new Map<string, { stop: AbortController; done: Promise<void> }>();
  const startRun = (batchId: string) => {
    if (running.has(batchId)) return;
    const stop = new AbortController();
    const done = runBatch(db, batchId, { accountingCurrency: accounting, settings: config.letters, signal: stop.signal, onItem: () => opts.onQueued?.() })
      .catch((err: unknown) => app.log.error({ err, batchId }, 'Letter batch stopped with an error'))
      .finally(() => running.delete(batchId));
    running.set(batchId, { stop, done });
  };
  app.addHook('onClose', async () => {
    for (const run of running.values()) run.stop.abort();
    await Promise.all([...running.values()].map((r) => r.done));
  });
  await app.register(letterPreview);
  await app.register(pdfLinkRoutes);

  app.get<{ Params: { id: string }; Querystring: { asOf?: string } }>(
    '/customers/:id/letters/proposal',
    { schema: { tags: ['letters'], summary: 'The letter the customer is due as of a date, or why none', params: customerIdParams, querystring: asOfQuery, response: { 200: s.proposalResponse, ...s.letterErrors } } },
    async (request) => {
      const asOf = queryDate(request.query.asOf, 'asOf', today(config.companyTimeZone));
      const proposal = isUuid(request.params.id) ? await customerProposal(db, request.params.id, asOf, accounting) : null;
      if (!proposal) throw customerNotFound(request.params.id);
      return proposal;
    },
  );

  app.post<{ Params: { id: string }; Body: { delivery: LetterDelivery; asOf?: string; level?: number; language?: string; to?: string }; Headers: { 'idempotency-key'?: string } }>(
    '/customers/:id/letters',
    { schema: { tags: ['letters'], summary: 'Post the due letter (once per customer, level and date)', params: customerIdParams, headers: s.idempotencyHeaders, body: s.postLetterBody, response: { 200: s.letterResponse, 201: s.letterResponse, ...s.letterErrors } } },
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
      const letter = (await loadLetterJson(db, result.letterId, accounting))!;
      if (result.created && body.delivery === 'graph') opts.onQueued?.();
      return reply.code(result.created ? 201 : 200).send({ ...letter, created: result.created });
    },
  );

  app.get<{ Querystring: { agent?: string; asOf?: string } }>(
    '/letters/proposal',
    { schema: { tags: ['letters'], summary: "Customers due a letter: an agent's, or (managers) all", querystring: s.batchProposalQuery, response: { 200: s.batchProposalResponse, ...s.letterErrors } } },
    async (request) => {
      const agentId = request.query.agent ?? (request.agent.role === 'agent' ? request.agent.id : null);
      if (agentId !== request.agent.id) requireManager(request);
      return batchProposal(db, agentId, queryDate(request.query.asOf, 'asOf', today(config.companyTimeZone)), accounting);
    },
  );

  app.post<{ Body: { delivery: LetterDelivery; asOf?: string; agentId?: string; customerIds?: string[] }; Headers: { 'idempotency-key'?: string } }>(
    '/letters/batch',
    { schema: { tags: ['letters'], summary: 'Post (and send) every proposed letter in the background', headers: s.idempotencyHeaders, body: s.batchBody, response: { 202: s.batchResponse, ...s.letterErrors } } },
    async (request, reply) => {
      requireManager(request);
      const key = request.headers['idempotency-key'];
      const batchId = await createBatch(db, {
        requestedBy: request.agent,
        asOf: bodyDate(request.body.asOf, 'asOf', today(config.companyTimeZone)),
        delivery: request.body.delivery,
        agentId: request.body.agentId ?? null,
        ...(request.body.customerIds ? { customerIds: request.body.customerIds } : {}),
        ...(key ? { requestKey: `${request.agent.id}:${key}` } : {}),
        accountingCurrency: accounting,
      });
      const batch = (await loadBatchJson(db, batchId))!;
      if (batch.status !== 'done') startRun(batchId);
      return reply.code(202).send(batch);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/letters/batch/:id',
    { schema: { tags: ['letters'], summary: 'Progress and summary of a batch run', params: idParams, response: { 200: s.batchResponse, ...s.letterErrors } } },
    async (request) => {
      const batch = isUuid(request.params.id) ? await loadBatchJson(db, request.params.id) : null;
      if (!batch) throw notFound('batch', request.params.id);
      return batch;
    },
  );

  app.post<{ Params: { id: string } }>(
    '/letters/batch/:id/resume',
    { schema: { tags: ['letters'], summary: 'Resume an interrupted batch (posts nothing twice)', params: idParams, response: { 202: s.batchResponse, ...s.letterErrors } } },
    async (request, reply) => {
      requireManager(request);
      const batch = isUuid(request.params.id) ? await loadBatchJson(db, request.params.id) : null;
      if (!batch) throw notFound('batch', request.params.id);
      if (batch.status !== 'done') startRun(batch.id);
      return reply.code(202).send(batch);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/letters/:id',
    { schema: { tags: ['letters'], summary: 'A posted letter', params: idParams, response: { 200: s.letterResponse, ...s.letterErrors } } },
    async (request) => {
      const letter = isUuid(request.params.id) ? await loadLetterJson(db, request.params.id, accounting) : null;
      if (!letter) throw notFound('letter', request.params.id);
      return letter;
    },
  );

  for (const format of ['pdf', 'html'] as const) {
    app.get<{ Params: { id: string } }>(
      `/letters/:id.${format}`,
      { schema: { tags: ['letters'], summary: `The ${format.toUpperCase()} stored when the letter was posted`, params: idParams } },
      async (request, reply) => {
        const stored = isUuid(request.params.id) ? await loadLetterDocument(db, request.params.id) : null;
        if (!stored) throw notFound('letter', request.params.id);
        if (format === 'html') return reply.type('text/html; charset=utf-8').send(stored.html);
        return reply.type('application/pdf').header('content-disposition', `inline; filename="${stored.number}.pdf"`).send(stored.pdf);
      },
    );
  }

  app.post<{ Params: { id: string } }>(
    '/letters/:id/sent',
    { schema: { tags: ['letters'], summary: 'The pane reports the letter sent in a reply', params: idParams, response: { 200: s.letterResponse, ...s.letterErrors } } },
    async (request) => {
      const id = request.params.id;
      const updated = isUuid(id) ? await markSent(db, id, request.agent.id) : null;
      if (!updated) throw notFound('letter', id);
      return (await loadLetterJson(db, updated, accounting))!;
    },
  );

  app.get('/letter-sequences', { schema: { tags: ['letters'], summary: 'Letter sequences with their levels', response: { 200: { type: 'array', items: s.sequenceResponse } } } }, async () =>
    (await loadSequences(db)).map((seq) => sequenceJson(seq, accounting)),
  );

  app.post<{ Body: SequenceInput }>(
    '/letter-sequences',
    { schema: { tags: ['letters'], summary: 'Create a letter sequence (managers)', body: s.sequenceBody, response: { 201: s.sequenceResponse, ...s.letterErrors } } },
    async (request, reply) => {
      requireManager(request);
      const id = await saveSequence(db, null, request.body, request.agent.id, accounting);
      return reply.code(201).send(sequenceJson((await loadSequences(db)).find((seq) => seq.id === id)!, accounting));
    },
  );

  app.put<{ Params: { id: string }; Body: SequenceInput }>(
    '/letter-sequences/:id',
    { schema: { tags: ['letters'], summary: 'Replace a letter sequence and its levels (managers)', params: idParams, body: s.sequenceBody, response: { 200: s.sequenceResponse, ...s.letterErrors } } },
    async (request) => {
      requireManager(request);
      if (!isUuid(request.params.id)) throw notFound('sequence', request.params.id);
      const id = await saveSequence(db, request.params.id, request.body, request.agent.id, accounting);
      return sequenceJson((await loadSequences(db)).find((seq) => seq.id === id)!, accounting);
    },
  );

  app.get('/letters/exclusions', { schema: { tags: ['letters'], summary: 'Customers excluded from letters' } }, async () => ({ items: await excludedCustomers(db) }));

  app.get<{ Params: { id: string } }>(
    '/customers/:id/letter-settings',
    { schema: { tags: ['letters'], summary: "A customer's letter exclusion, sequence and postal address", params: customerIdParams, response: { 200: s.letterSettingsResponse, ...s.letterErrors } } },
    async (request) => {
      const settings = isUuid(request.params.id) ? await readLetterSettings(db, request.params.id) : null;
      if (!settings) throw customerNotFound(request.params.id);
      return settings;
    },
  );

  app.put<{ Params: { id: string }; Body: LetterSettingsPatch }>(
    '/customers/:id/letter-settings',
    { schema: { tags: ['letters'], summary: 'Exclude a customer from letters, or set its sequence (managers)', params: customerIdParams, body: s.letterSettingsBody, response: { 200: s.letterSettingsResponse, ...s.letterErrors } } },
    async (request) => {
      requireManager(request);
      const settings = isUuid(request.params.id) ? await updateLetterSettings(db, request.params.id, request.body, request.agent.id) : null;
      if (!settings) throw customerNotFound(request.params.id);
      return settings;
    },
  );
};

export default letters;
