// POST /letters/batch starts posting (and sending) every proposed letter in the background;
// GET /letters/batch/:id follows its progress; POST /letters/batch/:id/resume restarts an
// interrupted run, which posts nothing twice. Starting and resuming are for managers. Any process
// answers for any batch: the runs are leased in the database (server/jobs/letter-batches.ts).
import type { FastifyPluginAsync } from 'fastify';
import { agentExists } from '../../../db/repositories/agents';
import { isUuid } from '../../../db/repositories/customers';
import { unprocessable } from '../../../domain/errors';
import { createBatchRunner } from '../../../jobs/letter-batches';
import { createBatch, loadBatch } from '../../../letters/batch';
import { bodyDate, today } from '../../params';
import { requireRole } from '../../roles';
import { batchBody, batchResponse, idempotencyHeaders, idParams, letterErrors, type BatchBody } from '../../schemas/letters';
import { notFoundById, type LetterRoutesOptions } from './shared';

const batches: FastifyPluginAsync<LetterRoutesOptions> = async (app, opts) => {
  const { db, config } = app;
  const accounting = config.accountingCurrency;
  const managersOnly = requireRole('manager', 'run letter batches');
  // Batches run in the background, here or on another process; closing the server interrupts those
  // running here after their current letter, and another process (or this one restarted) resumes them.
  const runner = createBatchRunner({
    db,
    accountingCurrency: accounting,
    settings: config.letters,
    leaseTtlMs: config.leaseTtlMs,
    onItem: () => opts.onQueued?.(),
    onError: (err, batchId) => app.log.error({ err, batchId }, 'Letter batch stopped with an error'),
  });
  const startRun = (batchId: string) => runner.start(batchId);
  app.addHook('onReady', async () => runner.adoptOrphans());
  // preClose: at once on close (SIGTERM), not after the requests in flight have been answered, so
  // another process resumes the batches while this one drains.
  app.addHook('preClose', async () => runner.stop());

  app.post<{ Body: BatchBody; Headers: { 'idempotency-key'?: string } }>(
    '/letters/batch',
    {
      schema: { tags: ['letters'], summary: 'Post (and send) every proposed letter in the background', headers: idempotencyHeaders, body: batchBody, response: { 202: batchResponse, ...letterErrors } },
      preHandler: managersOnly,
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const agentId = request.body.agentId;
      if (agentId && !(await agentExists(db, agentId))) {
        throw unprocessable('invalid_request', `Field 'agentId': no agent has the id '${agentId}'.`, { field: 'agentId' });
      }
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
