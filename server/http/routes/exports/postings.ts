// GET /api/exports/postings?after=<cursor>&format=json|csv : everything this product posted (fees,
// write-offs, NSF reversals, settlements and their reversals), in order from the cursor, each with
// the external id the ERP keeps, and the cursor to continue from. Managers (the ERP's integration).
import type { FastifyPluginAsync } from 'fastify';
import { postingsAfter } from '../../../db/repositories/postings';
import { postingJson, postingsCsv } from '../../mappers/exports';
import { requireRole } from '../../roles';
import { apiErrorSchema, errorResponses } from '../../schemas/common';
import { postingsQuery, postingsResponse } from '../../schemas/exports';

const postings: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { after: string; limit: number; format: 'json' | 'csv' } }>(
    '/exports/postings',
    {
      preHandler: requireRole('manager', 'read the postings feed'),
      schema: {
        tags: ['exports'],
        summary: 'Postings for the ERP from a cursor (JSON or CSV)',
        querystring: postingsQuery,
        response: { 200: postingsResponse, 403: apiErrorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { after, limit, format } = request.query;
      const items = (await postingsAfter(app.db, BigInt(after), limit)).map((p) => postingJson(p, app.config.accountingCurrency));
      const next = items.at(-1)?.cursor ?? after;
      if (format === 'csv') {
        // The schema's 200 is the JSON body; CSV is sent as a raw string past the serializer.
        return reply.header('Content-Type', 'text/csv; charset=utf-8').header('X-Next-Cursor', next).serializer((body: unknown) => body as string).send(postingsCsv(items));
      }
      return { items, next };
    },
  );
};

export default postings;
