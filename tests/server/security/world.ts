// Test support for the security suites: the whole app signed in through a local stand-in for Entra ID
// (tokens for agents of any role), or in development mode with the demo agent in a chosen role.
import type { FastifyInstance } from 'fastify';
import type { Agent } from '../../../server/auth/agents';
import { DEMO_AGENT } from '../../../server/auth/agents';
import { buildApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { openTestDatabase } from '../../support/db';
import { CLIENT_ID, startTokenIssuer, TENANT, type TokenIssuer } from '../../support/tokens';

export interface EntraApp {
  app: FastifyInstance;
  handle: DatabaseHandle;
  issuer: TokenIssuer;
  /** A bearer header for an agent of this role (created on first use). */
  as(role: Agent['role']): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

export async function openEntraApp(): Promise<EntraApp> {
  const issuer = await startTokenIssuer();
  const handle = await openTestDatabase('pglite');
  const config = loadConfig({ AUTH_TENANT_ID: TENANT, AUTH_CLIENT_ID: CLIENT_ID, AUTH_JWKS_URL: issuer.jwksUrl });
  const app = await buildApp({ config, db: handle, logger: false, addinDir: '/nonexistent/dist/addin' });
  await app.ready();
  return {
    app,
    handle,
    issuer,
    async as(role) {
      const oid = `oid-${role}`;
      const email = `${role}@contoso.example`;
      await handle.db
        .insertInto('agents')
        .values({ entra_oid: oid, email, name: role, role })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return { authorization: `Bearer ${await issuer.mint({ oid, preferred_username: email })}` };
    },
    async close() {
      await app.close();
      await handle.close();
      await issuer.close();
    },
  };
}

export interface DevApp {
  app: FastifyInstance;
  handle: DatabaseHandle;
  close(): Promise<void>;
}

/** The app in development auth mode, whose demo agent has the given role. */
export async function openDevApp(role: Agent['role'], env: Record<string, string> = {}): Promise<DevApp> {
  const handle = await openTestDatabase('pglite');
  await handle.db.insertInto('agents').values({ entra_oid: DEMO_AGENT.oid, email: DEMO_AGENT.email, name: DEMO_AGENT.name, role }).execute();
  const config = loadConfig({ ACCOUNTING_CURRENCY: 'USD', COMPANY_TIMEZONE: 'UTC', ...env });
  const app = await buildApp({ config, db: handle, logger: false, addinDir: '/nonexistent/dist/addin' });
  await app.ready();
  return {
    app,
    handle,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}

/** A multipart upload of text files, as the import route expects. */
export function multipart(files: Array<{ name: string; text: string }>): { payload: string; headers: Record<string, string> } {
  const boundary = '----collections-security';
  const parts = files.map(
    (f) => `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: text/csv\r\n\r\n${f.text}\r\n`,
  );
  return { payload: `${parts.join('')}--${boundary}--\r\n`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
