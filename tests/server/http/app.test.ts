// The application shell: security headers fit for an Outlook task pane, the built pane and the
// preview, OpenAPI docs, health, the preview mailbox, and errors that leak nothing.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import { loadDemo } from '../../../server/demo/load';
import type { PreviewMailboxResponse } from '../../../server/http/schemas/preview';
import { openTestDatabase, testDatabases } from '../../support/db';
import { openTestApp, type TestApp } from './world';

describe('application shell', () => {
  let t: TestApp;
  let addinDir: string;

  beforeAll(async () => {
    addinDir = await mkdtemp(path.join(tmpdir(), 'addin-'));
    await mkdir(path.join(addinDir, 'assets'));
    await writeFile(path.join(addinDir, 'preview.html'), '<!doctype html><title>Preview</title>');
    await writeFile(path.join(addinDir, 'taskpane.html'), '<!doctype html><title>Task pane</title>');
    await writeFile(path.join(addinDir, 'assets', 'icon-32.png'), 'png');
    t = await openTestApp('pglite', { addinDir });
  });
  afterAll(async () => {
    await t?.close();
    await rm(addinDir, { recursive: true, force: true });
  });

  it('lets Outlook frame the pane and load office.js, and nobody else frame it', async () => {
    const res = await t.app.inject('/taskpane.html');
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-frame-options']).toBeUndefined();
    const csp = String(res.headers['content-security-policy']);
    const directive = (name: string) => csp.split(';').find((d) => d.startsWith(`${name} `)) ?? '';
    expect(directive('frame-ancestors')).toContain("'self'");
    expect(directive('frame-ancestors')).toContain('https://outlook.office.com');
    expect(directive('frame-ancestors').split(' ')).not.toContain('*');
    expect(directive('script-src')).toContain('https://appsforoffice.microsoft.com');
    expect(directive('script-src')).not.toContain('unsafe-eval');
  });

  it('serves the built pane, the preview at /preview, and redirects / there', async () => {
    expect((await t.app.inject('/preview')).body).toContain('<title>Preview</title>');
    expect((await t.app.inject('/assets/icon-32.png')).statusCode).toBe(200);
    const root = await t.app.inject('/');
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe('/preview');
  });

  it('says to run npm run build when the pane is not built', async () => {
    const res = await openTestAppPreview();
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'addin_not_built', message: expect.stringContaining('npm run build') });
  });

  it('documents every API route in OpenAPI at /docs', async () => {
    expect((await t.app.inject('/docs')).statusCode).toBeLessThan(400);
    const spec = (await t.app.inject('/docs/json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/customers/lookup',
        '/api/customers',
        '/api/customers/{id}/summary',
        '/api/customers/{id}/transactions',
        '/api/customers/{id}/timeline',
        '/api/customers/{id}/contacts',
        '/api/preview/mailbox',
        '/api/import',
        '/healthz',
      ]),
    );
  });

  it('answers unknown URLs with a JSON 404, and slows down whoever scans for them', async () => {
    const res = await t.app.inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found' });
    let status = 404;
    for (let i = 0; i < 80 && status === 404; i++) status = (await t.app.inject(`/probe-${i}`)).statusCode;
    expect(status).toBe(429);
  });

  it('answers an unexpected failure with a generic 500 that leaks nothing', async () => {
    const handle = await openTestDatabase('pglite');
    const app = await buildApp({ config: loadConfig({}), db: handle, logger: false, addinDir });
    app.get('/api/boom', async () => {
      throw new Error('relation "secret_table" does not exist');
    });
    const res = await app.inject('/api/boom');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ code: 'internal_error', message: 'Something went wrong on the server.' });
    await app.close();
    await handle.close();
  });

  async function openTestAppPreview() {
    const app = await buildApp({ config: loadConfig({}), db: t.handle, logger: false, addinDir: path.join(addinDir, 'missing') });
    const res = await app.inject('/preview');
    await app.close();
    return res;
  }
});

describe.each(testDatabases)('health and preview mailbox on $name', ({ name, skipReason }) => {
  let t: TestApp;
  beforeAll(async () => {
    if (skipReason) return;
    t = await openTestApp(name);
    await loadDemo(t.handle, { asOf: '2026-11-24', accountingCurrency: 'USD', customers: 12 });
  });
  afterAll(async () => t?.close());

  it.skipIf(skipReason)('reports healthy while the database answers', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it.skipIf(skipReason)('serves a simulated inbox whose customer emails resolve through lookup', async () => {
    const res = await t.app.inject('/api/preview/mailbox?asOf=2026-11-24');
    expect(res.statusCode).toBe(200);
    const { emails } = res.json() as PreviewMailboxResponse;
    expect(emails.length).toBeGreaterThan(3);
    const resolved = await Promise.all(
      emails.map(async (e) => {
        const lookup = await t.app.inject({ url: '/api/customers/lookup', query: { email: e.from.emailAddress } });
        return (lookup.json() as { matches: unknown[] }).matches.length > 0;
      }),
    );
    expect(resolved.filter(Boolean).length).toBeGreaterThan(0);
    expect(resolved.some((r) => !r)).toBe(true);
  });
});
