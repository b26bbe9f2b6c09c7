// POST /letters/batch starts posting (and sending) every proposed letter in the background;
// GET /letters/batch/:id follows its progress; POST /letters/batch/:id/resume restarts an
// interrupted run, which posts nothing twice. Starting and resuming are for managers.
import type { FastifyPluginAsync } from 'fastify';
import { isUuid } from '../../../db/repositories/customers';
import { createBatch, loadBatch, runBatch } from '../../../letters/batch';
import { bodyDate, today } from '../../params';
import { requireRole } from '../../roles';
import { batchBody, batchResponse, idempotencyHeaders, idParams, letterErrors, type BatchBody } from '../../schemas/letters';
import { notFoundById, type LetterRoutesOptions } from './shared';

const batches: FastifyPluginAsync<LetterRoutesOptions> = async (app, opts) => {
  const { db, config } = app;
  const accounting = config.accountingCurrency;
  const managersOnly = requireRole('manager', 'run letter batches');
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

  app.post<{ Body: BatchBody; Headers: { 'idempotency-key'?: string } }>(
    '/letters/batch',
    {
      schema: { tags: ['letters'], summary: 'Post (and send) every proposed letter in the background', headers: idempotencyHeaders, body: batchBody, response: { 202: batchResponse, ...letterErrors } },
      preHandler: managersOnly,
    },
    async (request, reply) => {
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
      const batch = (await loadBatch(db, batchId))!;
      if (batch.status !== 'done') startRun(batchId);
      return reply.code(202).send(batch);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/letters/batch/:id',
    { schema: { tags: ['letters'], summary: 'Progress and summary of a batch run', params: idParams, response: { 200: batchResponse, ...letterErrors } } },
    async (request) => {
      const batch = isUuid(request.params.id) ? await loadBatch(db, request.params.id) : null;
      if (!batch) throw notFoundById('batch', request.params.id);
      return batch;
    },
  );

  app.post<{ Params: { id: string } }>(
    '/letters/batch/:id/resume',
    {
      schema: { tags: ['letters'], summary: 'Resume an interrupted batch (posts nothing twice)', params: idParams, response: { 202: batchResponse, ...letterErrors } },
      preHandler: managersOnly,
    },
    async (request, reply) => {
      const batch = isUuid(request.params.id) ? await loadBatch(db, request.params.id) : null;
      if (!batch) throw notFoundById('batch', request.params.id);
      if (batch.status !== 'done') startRun(batch.id);
      return reply.code(202).send(batch);
    },
  );
};

export default batches;
