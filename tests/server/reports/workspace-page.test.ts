// GET /workspace: the built workspace page (the aged receivables report at full width), or a 503
// saying how to build it, like the preview.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../http/world';

let built: TestApp;
let unbuilt: TestApp;
let addinDir: string;

beforeAll(async () => {
  addinDir = await mkdtemp(path.join(tmpdir(), 'addin-'));
  await writeFile(path.join(addinDir, 'workspace.html'), '<!doctype html><title>Collections: aged receivables</title>');
  built = await openTestApp('pglite', { addinDir });
  unbuilt = await openTestApp('pglite');
});
afterAll(async () => {
  await built?.close();
  await unbuilt?.close();
  await rm(addinDir, { recursive: true, force: true });
});

it('serves the workspace page once built', async () => {
  const res = await built.app.inject('/workspace');
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  expect(res.body).toContain('<title>Collections: aged receivables</title>');
});

it('says how to build it when it is not built', async () => {
  const res = await unbuilt.app.inject('/workspace');
  expect(res.statusCode).toBe(503);
  expect(res.json()).toMatchObject({ code: 'addin_not_built', message: expect.stringContaining('npm run build') });
});
