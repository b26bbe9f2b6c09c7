// The development auth mode (everyone is the demo agent) runs only on a loopback address and says so
// in the log; the Graph development token is refused once a tenant is configured.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app';
import { isLoopbackHost } from '../../../server/auth/settings';
import { ConfigError, loadConfig } from '../../../server/config';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { openTestDatabase } from '../../support/db';
import { CLIENT_ID, TENANT } from '../../support/tokens';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase('pglite');
});
afterAll(async () => handle?.close());

describe('development auth mode', () => {
  it.each(['127.0.0.1', '127.8.9.10', '::1', '[::1]', 'localhost'])('is allowed on the loopback address %s', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['0.0.0.0', '::', '10.0.0.5', '192.168.1.20', '::ffff:127.0.0.1', '127.0.0.1.nip.io', 'collections.contoso.com'])(
    'refuses to start on %s',
    async (host) => {
      const config = { ...loadConfig({}), host };
      await expect(buildApp({ config, db: handle, logger: false })).rejects.toThrow(ConfigError);
    },
  );

  it('warns loudly in the log at start-up', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp({ config: loadConfig({}), db: handle, logger: { level: 'info', stream }, addinDir: '/nonexistent' });
    await app.close();
    const warning = lines.map((l) => JSON.parse(l) as { level: number; msg: string }).find((l) => l.msg.includes('DEVELOPMENT AUTH MODE'));
    expect(warning?.level).toBe(40);
  });

  it('refuses GRAPH_DEV_TOKEN once a tenant is configured, naming the variable', () => {
    expect(() => loadConfig({ AUTH_TENANT_ID: TENANT, AUTH_CLIENT_ID: CLIENT_ID, GRAPH_DEV_TOKEN: 'token' })).toThrow(/^GRAPH_DEV_TOKEN:/);
  });
});
