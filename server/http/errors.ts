// The one error type routes throw, and the one handler that turns any error into the API's
// { code, message, details } body: client mistakes stay 4xx and name the field; the rest is a
// logged 500 whose body says nothing about the internals.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type FailureKind } from '../domain/errors';
import type { ApiError } from './schemas/common';
import { NO_NUL } from './schemas/common';

export { customerNotFound } from '../domain/errors';

const STATUS_OF: Record<FailureKind, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  unprocessable: 422,
};

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

interface SchemaIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

const PLACE: Record<string, string> = {
  querystring: 'Query parameter',
  params: 'Path parameter',
  body: 'Field',
  headers: 'Header',
};

// Ajv's wording for formats ('must match format "date"') reads poorly to a person.
const FORMAT_PROBLEMS: Record<string, string> = {
  date: 'must be a calendar date YYYY-MM-DD',
  'date-time': 'must be an ISO 8601 date and time',
  email: 'must be an email address',
  uuid: 'must be a UUID',
};

function problemOf(issue: SchemaIssue): string {
  if (issue.keyword === 'pattern' && issue.params.pattern === NO_NUL) return 'must not contain NUL characters';
  const format = issue.keyword === 'format' ? FORMAT_PROBLEMS[String(issue.params.format)] : undefined;
  return format ?? issue.message ?? issue.keyword;
}

/** The field an Ajv issue is about: the missing or extra property, else the failing path. */
function fieldOf(issue: SchemaIssue): string {
  const named = issue.params.missingProperty ?? issue.params.additionalProperty;
  if (typeof named === 'string') return [issue.instancePath.slice(1), named].filter(Boolean).join('.');
  return issue.instancePath.slice(1).replaceAll('/', '.') || '(root)';
}

function validationReply(issues: SchemaIssue[], context: string | undefined): ApiError {
  const fields = issues.map((issue) => ({ field: fieldOf(issue), problem: problemOf(issue) }));
  const first = fields[0] ?? { field: '(root)', problem: 'is invalid' };
  const place = PLACE[context ?? ''] ?? 'Field';
  return {
    code: 'invalid_request',
    message: `${place} '${first.field}' ${first.problem}.`,
    details: { in: context ?? null, fields },
  };
}

const CLIENT_ERROR_CODES: Record<number, string> = {
  400: 'invalid_request',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

export function errorHandler(
  error: FastifyError & { validation?: SchemaIssue[]; validationContext?: string },
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (error instanceof DomainError) {
    const body: ApiError = { code: error.code, message: error.message };
    if (error.details !== undefined) body.details = error.details;
    return reply.code(STATUS_OF[error.kind]).send(body);
  }
  if (error instanceof AppError) {
    const body: ApiError = { code: error.code, message: error.message };
    if (error.details !== undefined) body.details = error.details;
    return reply.code(error.statusCode).send(body);
  }
  if (error.validation) {
    return reply.code(400).send(validationReply(error.validation, error.validationContext));
  }
  // Fastify's own client errors (malformed JSON, wrong content type, body too large, rate limit).
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return reply.code(status).send({ code: CLIENT_ERROR_CODES[status] ?? 'client_error', message: error.message });
  }
  request.log.error({ err: error, url: request.url, method: request.method }, 'Unhandled error');
  return reply.code(500).send({ code: 'internal_error', message: 'Something went wrong on the server.' });
}
