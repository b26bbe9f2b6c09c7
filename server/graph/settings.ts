// Graph settings from the environment: where Graph is (GRAPH_BASE_URL), how long a call may take,
// and where tokens come from (on-behalf-of with the app's credential, or GRAPH_DEV_TOKEN in
// development auth mode). Null when Graph is not configured: activities are then not synced.
import type { AuthSettings } from '../auth/settings';
import { ConfigError } from '../config';

type Env = Record<string, string | undefined>;

export interface GraphSettings {
  baseUrl: string;
  timeoutMs: number;
  /** Link back to a customer in event bodies and task linked resources ({id} is replaced). */
  customerUrl: string;
  token: { kind: 'dev'; token: string } | { kind: 'obo' };
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
  return auth.credential ? { ...common, token: { kind: 'obo' } } : null;
}
