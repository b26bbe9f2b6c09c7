// GET /pools/:id/customers (the pool's worklist by priority, in cursor pages), GET /pools/:id/chart
// (its open amounts by collection status and by aging period) and GET /pools/:id/aging-history
// (its aging at each of the last month ends), for every agent.
import type { FastifyPluginAsync } from 'fastify';
import { agingHistoryOf } from '../../../db/repositories/aging';
import { requirePool } from '../../../db/repositories/pools';
import { poolChart, poolMembers, worklistPage } from '../../../db/repositories/worklist';
import { chartJson, worklistJson } from '../../mappers/pools';
import { agingHistoryJson } from '../../mappers/statements';
import { queryDate, today } from '../../params';
import { chartQuery, chartResponse, poolErrors, poolIdParams, worklistQuery, worklistResponse, type ChartQuery, type WorklistQuery } from '../../schemas/pools';
import { agingHistoryQuery, agingHistoryResponse, type AgingHistoryResponse } from '../../schemas/statements';

const worklist: FastifyPluginAsync = async (app) => {
  const { db, config } = app;

  app.get<{ Params: { id: string }; Querystring: WorklistQuery }>(
    '/pools/:id/customers',
    {
      schema: {
        tags: ['pools'],
        summary: 'The pool’s customers by priority, a page at a time (the cursor walks the order of the first page)',
        params: poolIdParams,
        querystring: worklistQuery,
        response: { 200: worklistResponse, ...poolErrors },
      },
    },
    async (request) => {
      const now = today(config.companyTimeZone);
      const { query } = request;
      const asOf = queryDate(query.asOf, 'asOf', now);
      const pool = await requirePool(db, request.params.id);
      const search = query.search?.trim();
      const page = await worklistPage(db, {
        pool,
        asOf,
        today: now,
        agentId: request.agent.id,
        limit: query.limit ?? 50,
        search: search === '' ? undefined : search,
        status: query.status,
        period: query.period,
        cursor: query.cursor,
      });
      return worklistJson(page, asOf, config.accountingCurrency);
    },
  );

  app.get<{ Params: { id: string }; Querystring: ChartQuery }>(
    '/pools/:id/chart',
    {
      schema: {
        tags: ['pools'],
        summary: 'The pool’s open amounts by collection status and by aging period',
        params: poolIdParams,
        querystring: chartQuery,
        response: { 200: chartResponse, ...poolErrors },
      },
    },
    async (request) => {
      const now = today(config.companyTimeZone);
      const asOf = queryDate(request.query.asOf, 'asOf', now);
      const pool = await requirePool(db, request.params.id);
      return chartJson(await poolChart(db, pool.criteria, asOf, now), asOf, config.accountingCurrency);
    },
  );

  app.get<{ Params: { id: string }; Querystring: { months: number; asOf?: string }; Reply: AgingHistoryResponse }>(
    '/pools/:id/aging-history',
    {
      schema: {
        tags: ['pools'],
        summary: 'The aging of the pool’s customers (its members today) at each of the last N month ends and on the as-of date',
        params: poolIdParams,
        querystring: agingHistoryQuery,
        response: { 200: agingHistoryResponse, ...poolErrors },
      },
    },
    async (request) => {
      const now = today(config.companyTimeZone);
      const asOf = queryDate(request.query.asOf, 'asOf', now);
      const pool = await requirePool(db, request.params.id);
      const members = Object.keys(pool.criteria).length === 0 ? null : await poolMembers(db, pool.criteria, now, now);
      return agingHistoryJson(await agingHistoryOf(db, members, asOf, request.query.months), config.accountingCurrency);
    },
  );
};

export default worklist;
