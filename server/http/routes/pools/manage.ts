// GET /pools (every agent: the pools, 'all' first, and their own default), PUT /pools/default (an
// agent's own default), POST /pools/preview (what criteria would select), and the managers' POST,
// PATCH and DELETE of pools.
import type { FastifyPluginAsync } from 'fastify';
import { createPool, defaultPoolOf, deletePool, listPools, setDefaultPool, updatePool } from '../../../db/repositories/pools';
import { previewPool } from '../../../db/repositories/worklist';
import { parseCriteria } from '../../../domain/pools/criteria';
import { poolJson, previewJson } from '../../mappers/pools';
import { today } from '../../params';
import { requireRole } from '../../roles';
import { apiErrorSchema } from '../../schemas/common';
import {
  defaultPoolBody, defaultPoolResponse, poolCreateBody, poolErrors, poolIdParams, poolPreviewBody, poolPreviewResponse,
  poolResponse, poolsResponse, poolUpdateBody, type DefaultPoolBody, type PoolCreateBody, type PoolPreviewBody, type PoolUpdateBody,
} from '../../schemas/pools';
import { strictCriteria } from './shared';

const manage: FastifyPluginAsync = async (app) => {
  const { db, config } = app;
  const managersOnly = requireRole('manager', 'manage collection pools');

  app.get('/pools', { schema: { tags: ['pools'], summary: "Collection pools ('all' first) and the agent's default pool", response: { 200: poolsResponse } } }, async (request) => ({
    items: (await listPools(db)).map(poolJson),
    defaultPoolId: await defaultPoolOf(db, request.agent.id),
  }));

  app.put<{ Body: DefaultPoolBody }>(
    '/pools/default',
    { schema: { tags: ['pools'], summary: "Set the signed-in agent's own default pool", body: defaultPoolBody, response: { 200: defaultPoolResponse, 400: apiErrorSchema, 404: apiErrorSchema } } },
    async (request) => ({ defaultPoolId: await setDefaultPool(db, request.agent.id, request.body.poolId) }),
  );

  app.post<{ Body: PoolPreviewBody }>(
    '/pools/preview',
    {
      schema: { tags: ['pools'], summary: 'How many customers criteria select today, and their overdue', body: poolPreviewBody, response: { 200: poolPreviewResponse, 400: apiErrorSchema } },
      preValidation: strictCriteria,
    },
    async (request) => previewJson(await previewPool(db, parseCriteria(request.body.criteria), today(config.companyTimeZone)), config.accountingCurrency),
  );

  app.post<{ Body: PoolCreateBody }>(
    '/pools',
    {
      schema: { tags: ['pools'], summary: 'Create a pool (managers)', body: poolCreateBody, response: { 201: poolResponse, ...poolErrors } },
      preValidation: strictCriteria,
      preHandler: managersOnly,
    },
    async (request, reply) => {
      const pool = await createPool(db, { name: request.body.name, criteria: parseCriteria(request.body.criteria) }, request.agent.id);
      return reply.code(201).send(poolJson(pool));
    },
  );

  app.patch<{ Params: { id: string }; Body: PoolUpdateBody }>(
    '/pools/:id',
    {
      schema: { tags: ['pools'], summary: 'Rename a pool or change its criteria (managers; a stale version is a 409)', params: poolIdParams, body: poolUpdateBody, response: { 200: poolResponse, ...poolErrors } },
      preValidation: strictCriteria,
      preHandler: managersOnly,
    },
    async (request) => {
      const { name, criteria, version } = request.body;
      const change = { version, ...(name !== undefined ? { name } : {}), ...(criteria !== undefined ? { criteria: parseCriteria(criteria) } : {}) };
      return poolJson(await updatePool(db, request.params.id, change, request.agent.id));
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/pools/:id',
    { schema: { tags: ['pools'], summary: "Delete a pool (managers); agents whose default it was get 'all'", params: poolIdParams, response: { 204: { type: 'null' }, ...poolErrors } }, preHandler: managersOnly },
    async (request, reply) => {
      await deletePool(db, request.params.id, request.agent.id);
      return reply.code(204).send();
    },
  );
};

export default manage;
