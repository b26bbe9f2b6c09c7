// The server's pino options: the level from the configuration, and the places where a credential
// could end up in a log line (request headers, the configuration, tokens) written as [Redacted].
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

/** Fastify's logger option with redaction added; `false` stays off. */
export function loggerOptions(level: string, override?: LoggerOption): LoggerOption {
  if (override === false) return false;
  const base = typeof override === 'object' && override !== null ? override : {};
  return { level, ...base, redact: { paths: REDACTED_PATHS, censor: '[Redacted]' } };
}
