// Sign-in settings read from the environment: Entra ID (a tenant is configured) or the development
// mode with one demo agent, which is only allowed on a loopback address.
import { isIP } from 'node:net';
import { ConfigError } from '../config-error';

type Env = Record<string, string | undefined>;

export const GRAPH_AUDIENCES = ['00000003-0000-0000-c000-000000000000', 'https://graph.microsoft.com'];

export interface EntraSettings {
  mode: 'entra';
  tenantId: string;
  clientId: string;
  /** Accepted `aud` values: the API's identifier URI and its client id. */
  audiences: string[];
  allowedTenants: string[];
  /** Null: Entra ID's v2 issuer of the token's own tenant (which must be allowed). */
  issuer: string | null;
  jwksUrl: string;
  requiredScope: string;
  /** For the on-behalf-of flow; null when neither secret nor certificate is given (no Graph). */
  credential: { clientSecret: string } | { thumbprintSha256: string; privateKey: string } | null;
}

export interface DevelopmentSettings {
  mode: 'development';
}

export type AuthSettings = EntraSettings | DevelopmentSettings;

export function authSettingsFromEnv(env: Env): AuthSettings {
  const read = (name: string) => (env[name]?.trim() ? env[name]!.trim() : undefined);
  const tenantId = read('AUTH_TENANT_ID');
  if (!tenantId) return { mode: 'development' };
  const clientId = read('AUTH_CLIENT_ID');
  if (!clientId) throw new ConfigError('AUTH_CLIENT_ID', 'is required when AUTH_TENANT_ID is set.');
  const audience = read('AUTH_AUDIENCE') ?? `api://${clientId}`;
  const allowed = (read('AUTH_ALLOWED_TENANTS') ?? tenantId).split(',').map((t) => t.trim()).filter(Boolean);
  const secret = read('AUTH_CLIENT_SECRET');
  const thumbprint = read('AUTH_CERT_THUMBPRINT');
  const privateKey = read('AUTH_CERT_PRIVATE_KEY');
  if (Boolean(thumbprint) !== Boolean(privateKey)) {
    throw new ConfigError(thumbprint ? 'AUTH_CERT_PRIVATE_KEY' : 'AUTH_CERT_THUMBPRINT', 'both certificate variables are needed.');
  }
  return {
    mode: 'entra',
    tenantId,
    clientId,
    audiences: [...new Set([audience, clientId])],
    allowedTenants: allowed,
    issuer: read('AUTH_ISSUER') ?? null,
    jwksUrl: read('AUTH_JWKS_URL') ?? `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`,
    requiredScope: read('AUTH_REQUIRED_SCOPE') ?? 'access_as_user',
    credential: secret
      ? { clientSecret: secret }
      : thumbprint && privateKey
        ? { thumbprintSha256: thumbprint, privateKey: privateKey.replaceAll('\\n', '\n') }
        : null,
  };
}

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1';
}

/** Development auth lets anyone act as the demo agent, so it must never face a network. */
export function assertDevelopmentAllowed(settings: AuthSettings, host: string): void {
  if (settings.mode === 'development' && !isLoopbackHost(host)) {
    throw new ConfigError(
      'AUTH_TENANT_ID',
      `is not set, so the server would run in development auth mode (everyone is the demo agent), ` +
        `which is only allowed when HOST is a loopback address; HOST is '${host}'. ` +
        `Set AUTH_TENANT_ID and AUTH_CLIENT_ID, or HOST=127.0.0.1.`,
    );
  }
}
