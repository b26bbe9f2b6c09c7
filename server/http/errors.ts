// The one error type routes throw, and the one handler that turns any error into the API's
// { code, message, details } body: client mistakes stay 4xx and name the field; the rest is a
// logged 500 whose body says nothing about the internals.
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type FailureKind } from '../domain/errors';
import type { ApiError } from './schemas/common';
import { EARLIEST_DATE, LATEST_DATE, NO_NUL } from './schemas/common';

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
  /** Set when the issue is about a property's name (an unknown query parameter). */
  propertyName?: string;
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
  date: `must be a calendar date YYYY-MM-DD between ${EARLIEST_DATE} and ${LATEST_DATE}`,
  'date-time': `must be an ISO 8601 date and time with its offset, between ${EARLIEST_DATE} and ${LATEST_DATE}, seconds 00 to 59`,
  email: 'must be an email address',
  uuid: 'must be a UUID',
};

function problemOf(issue: SchemaIssue): string {
  if (issue.propertyName !== undefined || issue.keyword === 'propertyNames') return 'is not one this request takes';
  if (issue.keyword === 'pattern' && issue.params.pattern === NO_NUL) return 'must not contain NUL characters or unpaired UTF-16 surrogates';
  const format = issue.keyword === 'format' ? FORMAT_PROBLEMS[String(issue.params.format)] : undefined;
  return format ?? issue.message ?? issue.keyword;
}

/** The field an Ajv issue is about: the missing or extra property, else the failing path. */
function fieldOf(issue: SchemaIssue): string {
  const named = issue.propertyName ?? issue.params.missingProperty ?? issue.params.additionalProperty ?? issue.params.propertyName;
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

/**
 * Errors Fastify raises before routing (a malformed URL such as `/api/%zz`): the same
 * `{ code, message }` body as everything else, rather than Fastify's own shape.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return errorHandler(error, request, reply);
}

const SOCKET_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'headers_too_large', message: 'The request headers are too large.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request_timeout', message: 'The request took too long to arrive.' },
};

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (431 for oversized headers, a
 * malformed request line): answered on the socket with the API's `{ code, message }` body.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = SOCKET_ERRORS[error.code ?? ''] ?? { status: 400, code: 'invalid_request', message: 'The request is malformed.' };
  const body = JSON.stringify({ code: known.code, message: known.message } satisfies ApiError);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${known.status} ${STATUS_CODES[known.status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
