// The server's pino options: the level from the configuration, and the places where a credential
// could end up in a log line (request headers, the configuration, tokens) written as [Redacted].
// A person at a terminal (`npm start`) reads one short line per request; production gets JSON lines.
import { Writable } from 'node:stream';
import type { FastifyServerOptions } from 'fastify';

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  'authorization',
  // The configuration (or its auth/graph parts) logged whole.
  'config.auth.credential',
  'config.graph.token.token',
  'config.graph.token.cacheKey',
  'auth.credential',
  'graph.token.token',
  'graph.token.cacheKey',
  '*.cacheKey',
  'cacheKey',
  'credential',
  '*.clientSecret',
  '*.privateKey',
  'clientSecret',
  'privateKey',
  // Access tokens and the on-behalf-of assertion (VerifiedToken.raw).
  'accessToken',
  '*.accessToken',
  'assertion',
  '*.assertion',
  'token.raw',
  '*.token.raw',
];

type LoggerOption = FastifyServerOptions['logger'];

/**
 * Fastify's logger option with redaction added; `false` stays off. On a terminal (outside
 * production, without a stream of the caller's) the lines are written readable instead of as JSON.
 */
export function loggerOptions(level: string, override?: LoggerOption): LoggerOption {
  if (override === false) return false;
  const base = typeof override === 'object' && override !== null ? override : {};
  const readable = !('stream' in base) && process.stdout.isTTY === true && process.env.NODE_ENV !== 'production';
  return { level, ...(readable ? { stream: terminalStream(process.stdout) } : {}), ...base, redact: { paths: REDACTED_PATHS, censor: '[Redacted]' } };
}

const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const COLOURS: Record<string, string> = { warn: '\x1b[33m', error: '\x1b[31m', fatal: '\x1b[31m' };
const QUIET_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'req', 'res', 'err', 'responseTime']);
// main.ts prints this warning as a banner once the server listens; on a terminal once is enough.
const SHOWN_AS_BANNER = '*** DEVELOPMENT AUTH MODE';

interface LogRecord {
  level?: number;
  time?: number;
  msg?: string;
  reqId?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { message?: string; stack?: string };
  [field: string]: unknown;
}

/**
 * Turns pino's JSON lines into short readable ones: a request is one line when it completes
 * (`12:00:01 GET /api/customers 200 4 ms`), other records their time, level, message and fields.
 * `requests` remembers each request's method and URL between its two records.
 */
export function terminalLine(json: string, requests: Map<string, string>, colour = false): string | null {
  let record: LogRecord;
  try {
    record = JSON.parse(json) as LogRecord;
  } catch {
    return json;
  }
  const level = LEVELS[record.level ?? 30] ?? 'info';
  const time = new Date(record.time ?? Date.now()).toTimeString().slice(0, 8);
  if (record.msg?.startsWith(SHOWN_AS_BANNER)) return null;
  if (record.msg === 'incoming request' && record.reqId !== undefined) {
    requests.set(record.reqId, `${record.req?.method ?? ''} ${record.req?.url ?? ''}`);
    return null;
  }
  if (record.msg === 'request completed' && record.reqId !== undefined) {
    const request = requests.get(record.reqId) ?? 'request';
    requests.delete(record.reqId);
    return `${time} ${request} ${record.res?.statusCode ?? ''} ${Math.round(record.responseTime ?? 0)} ms`;
  }
  const fields = Object.entries(record)
    .filter(([key]) => !QUIET_FIELDS.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const label = colour && COLOURS[level] ? `${COLOURS[level]}${level.toUpperCase()}\x1b[0m` : level.toUpperCase();
  const error = record.err ? `\n${record.err.stack ?? record.err.message ?? ''}` : '';
  return [time, label, record.msg ?? '', ...fields].filter(Boolean).join(' ') + error;
}

/** A stream for pino that writes terminalLine's lines to `out`. */
export function terminalStream(out: NodeJS.WritableStream & { isTTY?: boolean }): Writable {
  const requests = new Map<string, string>();
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      for (const json of chunk.toString().split('\n')) {
        const line = json.trim() ? terminalLine(json, requests, out.isTTY === true) : null;
        if (line !== null) out.write(`${line}\n`);
      }
      done();
    },
  });
}
