// Graph settings from the environment: where Graph is (GRAPH_BASE_URL), how long a call may take,
// and where tokens come from (on-behalf-of with the app's credential and GRAPH_TOKEN_CACHE_KEY, or
// GRAPH_DEV_TOKEN in development auth mode). Null when Graph is not configured: activities are
// then not synced.
import { createSecretKey, type KeyObject } from 'node:crypto';
import type { AuthSettings } from '../auth/settings';
import { ConfigError } from '../config-error';

type Env = Record<string, string | undefined>;

export interface GraphSettings {
  baseUrl: string;
  timeoutMs: number;
  /** Link back to a customer in event bodies and task linked resources ({id} is replaced). */
  customerUrl: string;
  /** With on-behalf-of, the key that seals the agents' token caches in the database. */
  token: { kind: 'dev'; token: string } | { kind: 'obo'; cacheKey: KeyObject };
  /** GRAPH_WORKER=off leaves sending to separate `npm run worker` processes. */
  inProcessWorker: boolean;
}

export function graphSettingsFromEnv(env: Env, auth: AuthSettings, publicOrigin: string): GraphSettings | null {
  const read = (name: string) => (env[name]?.trim() ? env[name]!.trim() : undefined);
  const baseUrl = read('GRAPH_BASE_URL') ?? 'https://graph.microsoft.com/v1.0';
  try {
    new URL(baseUrl);
  } catch {
    throw new ConfigError('GRAPH_BASE_URL', `'${baseUrl}' is not a URL.`);
  }
  const timeoutMs = Number(read('GRAPH_TIMEOUT_MS') ?? '10000');
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100) {
    throw new ConfigError('GRAPH_TIMEOUT_MS', 'must be a whole number of milliseconds, at least 100.');
  }
  const customerUrl = `${publicOrigin}/customers/{id}`;
  const worker = read('GRAPH_WORKER') ?? 'on';
  if (worker !== 'on' && worker !== 'off') throw new ConfigError('GRAPH_WORKER', `'${worker}' must be on or off.`);
  const common = { baseUrl, timeoutMs, customerUrl, inProcessWorker: worker === 'on' };
  const devToken = read('GRAPH_DEV_TOKEN');
  if (auth.mode === 'development') {
    return devToken ? { ...common, token: { kind: 'dev', token: devToken } } : null;
  }
  if (devToken) throw new ConfigError('GRAPH_DEV_TOKEN', 'is only allowed in development auth mode (no AUTH_TENANT_ID).');
  if (!auth.credential) return null;
  // Refusing to start beats a memory-only fallback: without the persisted cache, queued writes stall
  // after every restart and a separate worker cannot send at all.
  const cacheKey = read('GRAPH_TOKEN_CACHE_KEY');
  if (!cacheKey) {
    throw new ConfigError(
      'GRAPH_TOKEN_CACHE_KEY',
      'is required with AUTH_TENANT_ID and a client credential: it encrypts the Graph token caches of the agents ' +
        'in the database. Generate one with `openssl rand -base64 32` and give every server and worker the same value.',
    );
  }
  return { ...common, token: { kind: 'obo', cacheKey: parseCacheKey(cacheKey) } };
}

/** 32 bytes in base64; a KeyObject, so that logging the settings can never print the key. */
export function parseCacheKey(value: string): KeyObject {
  const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(value) ? Buffer.from(value, 'base64') : Buffer.alloc(0);
  if (bytes.length !== 32) {
    throw new ConfigError('GRAPH_TOKEN_CACHE_KEY', 'must be 32 random bytes in base64 (generate one with `openssl rand -base64 32`).');
  }
  return createSecretKey(bytes);
}
