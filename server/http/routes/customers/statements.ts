// Statements of account: POST /customers/:id/statements sends one (stored exactly as sent, audited,
// once per Idempotency-Key); GET /customers/:id/statements/preview renders one without storing;
// GET /statements/:id and its stored .html and .pdf reprint it; POST /statements/:id/pdf-link gives
// the short-lived link a reply's attachment is fetched through (served by routes/statement-links.ts).
import type { FastifyPluginAsync } from 'fastify';
import { isUuid } from '../../../db/repositories/customers';
import { findStatement, findStatementDocument } from '../../../db/repositories/statements';
import { customerNotFound, invalidField, notFound } from '../../../domain/errors';
import { defaultActivityFrom, type StatementKind } from '../../../domain/statements';
import type { IsoDate } from '../../../domain/types';
import { composeStatement } from '../../../statements/compose';
import { signStatementLink } from '../../../statements/links';
import { renderStatement } from '../../../statements/render';
import { sendStatement } from '../../../statements/send';
import { buildStatementView } from '../../../statements/view';
import { renderStatementHtml } from '../../../statements/html';
import { statementLabelsFor } from '../../../statements/labels';
import { statementJson } from '../../mappers/statements';
import { bodyDate, queryDate, today } from '../../params';
import { customerIdParams } from '../../schemas/common';
import { pdfLinkResponse } from '../../schemas/letters';
import {
  sendStatementBody, statementErrors, statementPreviewQuery, statementResponse, type SendStatementRequest, type StatementPreviewQuery,
} from '../../schemas/statements';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } as const;
const idempotencyHeaders = {
  type: 'object',
  properties: { 'idempotency-key': { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' } },
} as const;

export function statementNotFound(id: string) {
  return notFound('statement_not_found', `No statement has the id '${id}'.`, { id });
}

/** The period's first day: only for activity statements, never after the as-of date. */
function periodStart(kind: StatementKind, from: IsoDate | undefined, asOf: IsoDate, place: 'body' | 'query'): IsoDate | null {
  const checked = from === undefined ? undefined : place === 'body' ? bodyDate(from, 'from', asOf) : queryDate(from, 'from', asOf);
  if (kind === 'open_items') {
    if (checked !== undefined) throw invalidField('from', "applies only to activity statements (kind 'activity')");
    return null;
  }
  const start = checked ?? defaultActivityFrom(asOf);
  if (start > asOf) throw invalidField('from', `(${start}) must not be after asOf (${asOf})`);
  return start;
}

const statements: FastifyPluginAsync = async (app) => {
  const { db, config } = app;

  app.post<{ Params: { id: string }; Body: SendStatementRequest; Headers: { 'idempotency-key'?: string } }>(
    '/customers/:id/statements',
    {
      schema: {
        tags: ['statements'], summary: 'Send a statement of account (stored exactly as sent)',
        params: customerIdParams, headers: idempotencyHeaders, body: sendStatementBody, response: { 200: statementResponse, 201: statementResponse, ...statementErrors },
      },
    },
    async (request, reply) => {
      if (!isUuid(request.params.id)) throw customerNotFound(request.params.id);
      const { body } = request;
      const asOf = bodyDate(body.asOf, 'asOf', today(config.companyTimeZone));
      const key = request.headers['idempotency-key'];
      const result = await sendStatement(db, {
        customerId: request.params.id,
        kind: body.kind,
        asOf,
        from: periodStart(body.kind, body.from, asOf, 'body'),
        delivery: body.delivery,
        agent: request.agent,
        accountingCurrency: config.accountingCurrency,
        settings: config.letters,
        ...(body.language ? { language: body.language } : {}),
        ...(body.to ? { to: body.to } : {}),
        ...(key ? { requestKey: `${request.agent.id}:${key}` } : {}),
      });
      const stored = (await findStatement(db, result.statementId))!;
      return reply.code(result.created ? 201 : 200).send({ ...statementJson(stored), created: result.created });
    },
  );

  app.get<{ Params: { id: string }; Querystring: StatementPreviewQuery }>(
    '/customers/:id/statements/preview',
    {
      schema: {
        tags: ['statements'], summary: 'A statement rendered as HTML (or PDF) without storing it (number shown as "Draft")',
        params: customerIdParams, querystring: statementPreviewQuery, response: statementErrors,
      },
    },
    async (request, reply) => {
      const { query } = request;
      const asOf = queryDate(query.asOf, 'asOf', today(config.companyTimeZone));
      const from = periodStart(query.kind, query.from, asOf, 'query');
      const composed = isUuid(request.params.id)
        ? await composeStatement(db, {
            customerId: request.params.id, kind: query.kind, asOf, from, agent: request.agent,
            accountingCurrency: config.accountingCurrency, settings: config.letters, ...(query.language ? { language: query.language } : {}),
          })
        : null;
      if (!composed) throw customerNotFound(request.params.id);
      const input = composed.input(statementLabelsFor(composed.language).draft);
      reply.header('cache-control', 'no-store');
      if (query.format === 'pdf') return reply.type('application/pdf').send((await renderStatement(input)).pdf);
      return reply.type('text/html; charset=utf-8').send(renderStatementHtml(buildStatementView(input)));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/statements/:id',
    { schema: { tags: ['statements'], summary: 'A statement sent', params: idParams, response: { 200: statementResponse, ...statementErrors } } },
    async (request) => {
      const found = isUuid(request.params.id) ? await findStatement(db, request.params.id) : null;
      if (!found) throw statementNotFound(request.params.id);
      return statementJson(found);
    },
  );

  for (const format of ['pdf', 'html'] as const) {
    app.get<{ Params: { id: string } }>(
      `/statements/:id.${format}`,
      { schema: { tags: ['statements'], summary: `Reprint: the ${format.toUpperCase()} exactly as sent`, params: idParams, response: statementErrors } },
      async (request, reply) => {
        const stored = isUuid(request.params.id) ? await findStatementDocument(db, request.params.id) : null;
        if (!stored) throw statementNotFound(request.params.id);
        if (format === 'html') return reply.type('text/html; charset=utf-8').send(stored.html);
        return reply.type('application/pdf').header('content-disposition', `inline; filename="${stored.number}.pdf"`).send(stored.pdf);
      },
    );
  }

  app.post<{ Params: { id: string } }>(
    '/statements/:id/pdf-link',
    { schema: { tags: ['statements'], summary: "A short-lived URL of the statement's PDF that needs no sign-in", params: idParams, response: { 200: pdfLinkResponse, ...statementErrors } } },
    async (request) => {
      const { id } = request.params;
      if (!isUuid(id) || !(await findStatementDocument(db, id))) throw statementNotFound(id);
      return signStatementLink(config.letterLinkKey, id, new Date());
    },
  );
};

export default statements;
