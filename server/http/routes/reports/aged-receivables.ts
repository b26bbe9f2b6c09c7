// GET /api/reports/aged-receivables?asOf=&by=&periods=&agent=&pool=&customers=&format= : every customer's
// (or an agent's, or a pool's) open balance by aging period as of a date, with totals, as JSON or as a
// CSV or XLSX download. Every format is streamed from the database to the socket, so memory stays flat
// however many customers.
import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Agent } from '../../../auth/agents';
import { agedReceivables } from '../../../db/repositories/aged-receivables';
import { requirePool } from '../../../db/repositories/pools';
import { DomainError, forbidden } from '../../../domain/errors';
import type { AgedCustomer, AgedCustomerPages, AgedReceivablesHeading } from '../../../reports/aged-receivables';
import { agedReceivablesCsv } from '../../../reports/aged-receivables-csv';
import { agedReceivablesXlsx } from '../../../reports/aged-receivables-xlsx';
import { agedReceivablesJson, agingPeriodsFrom } from '../../mappers/reports';
import { queryDate, today } from '../../params';
import { apiErrorSchema } from '../../schemas/common';
import { agedReceivablesQuery, agedReceivablesResponse, type AgedReceivablesQuery } from '../../schemas/reports';
import subscriptionRoute from './subscription';

const CONTENT_TYPES = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const PARAMETERS = Object.keys(agedReceivablesQuery.properties);

/**
 * Fastify's Ajv drops properties that additionalProperties: false forbids instead of failing, so a
 * misspelt parameter (asof=) would silently give today's report: refused here, before validation.
 */
async function refuseUnknownParameters(request: FastifyRequest): Promise<void> {
  const unknown = Object.keys(request.query as object).find((name) => !PARAMETERS.includes(name));
  if (unknown === undefined) return;
  const problem = `is not one of ${PARAMETERS.join(', ')}`;
  throw new DomainError('invalid', 'invalid_request', `Query parameter '${unknown}' ${problem}.`, {
    in: 'querystring',
    fields: [{ field: unknown, problem }],
  });
}

/** Managers and administrators see any agent's customers or all; an agent sees their own. */
function agentScope(agent: Agent, requested: string | undefined): string | null {
  if (agent.role === 'manager' || agent.role === 'admin') return requested?.toLowerCase() ?? null;
  if (requested !== undefined && requested.toLowerCase() !== agent.id) {
    throw forbidden('forbidden', 'Agents may read the aged receivables of their own customers only.', { allowed: ['manager', 'admin'] });
  }
  return agent.id;
}

/**
 * The pages with the first one already read: whatever fails before the first byte (an unknown
 * agent, the database) is answered with its own status, not a cut-off 200. Ending the result early
 * ends the pages too, even before its first read.
 */
async function started(pages: AgedCustomerPages): Promise<AsyncIterableIterator<AgedCustomer[]>> {
  const iterator = pages[Symbol.asyncIterator]();
  let first: IteratorResult<AgedCustomer[]> | null = await iterator.next();
  const resumed: AsyncIterableIterator<AgedCustomer[]> = {
    [Symbol.asyncIterator]: () => resumed,
    next() {
      const result = first ?? iterator.next();
      first = null;
      return Promise.resolve(result);
    },
    return(): Promise<IteratorResult<AgedCustomer[]>> {
      first = null;
      return iterator.return?.() ?? Promise.resolve({ done: true, value: undefined });
    },
  };
  return resumed;
}

const agedReceivablesRoute: FastifyPluginAsync = async (app) => {
  // The month-end delivery's switch lives beside the report it mails.
  await app.register(subscriptionRoute);
  app.get<{ Querystring: AgedReceivablesQuery }>(
    '/reports/aged-receivables',
    {
      schema: {
        tags: ['reports'],
        summary: 'Aged receivables of every customer (or an agent’s) as of a date, with totals; JSON, CSV or XLSX',
        querystring: agedReceivablesQuery,
        response: { 200: agedReceivablesResponse, 400: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema },
      },
      preValidation: refuseUnknownParameters,
    },
    async (request, reply) => {
      const { config, db } = app;
      const query = request.query;
      const asOf = queryDate(query.asOf, 'asOf', today(config.companyTimeZone));
      const heading: AgedReceivablesHeading = {
        asOf,
        by: query.by ?? 'due_date',
        currency: config.accountingCurrency,
        periods: agingPeriodsFrom(query.periods),
      };
      const agentId = agentScope(request.agent, query.agent);
      const pool = query.pool === undefined ? null : { criteria: (await requirePool(db, query.pool)).criteria, today: today(config.companyTimeZone) };
      // PGlite is one session: a cursor would hold it for the whole download (see the repository).
      const paging = config.databaseUrl ? 'cursor' : 'keyset';
      const pages = await started(agedReceivables(db, { ...heading, agentId, pool }, { paging }));
      const format = query.format ?? 'json';
      reply.type(CONTENT_TYPES[format]);
      if (format !== 'json') reply.header('content-disposition', `attachment; filename="aged-receivables-${asOf}.${format}"`);
      const stream =
        format === 'xlsx'
          ? agedReceivablesXlsx(heading, pages)
          : // One page's text waiting for a slow reader, not sixteen (Readable.from's default).
            Readable.from(format === 'csv' ? agedReceivablesCsv(heading, pages) : agedReceivablesJson(heading, pages, query.customers !== 'none'), { highWaterMark: 1 });
      // However the stream ends (done, failed, or the client gone before the first read, when the
      // writers have not started on the pages), the pages end too, and with them their transaction.
      stream.once('close', () => {
        pages.return?.().catch((error: unknown) => request.log.warn({ err: error }, 'Closing the aged receivables pages failed'));
      });
      return reply.send(stream);
    },
  );
};

export default agedReceivablesRoute;
