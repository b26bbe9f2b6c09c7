// What a client gets when it sends something wrong: 400 naming the field, 404 for unknown
// customers, never a 500, whatever the query string holds.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../support/db';
import { openTestApp, seedCustomers, type TestApp } from './world';

const CUSTOMER_ROUTES = ['summary', 'transactions', 'timeline'];

describe.each(testDatabases)('error answers on $name', ({ name, skipReason }) => {
  let t: TestApp;
  let id: string;

  beforeAll(async () => {
    if (skipReason) return;
    t = await openTestApp(name);
    ({ 'E-1': id } = (await seedCustomers(t.handle.db, [{ account: 'E-1', name: 'Erroneous Inc', domains: ['err.example'] }])) as {
      'E-1': string;
    });
  });
  afterAll(async () => t?.close());

  describe.skipIf(skipReason)('unknown customers', () => {
    it.each(CUSTOMER_ROUTES)('answers 404 customer_not_found on %s for an unknown or malformed id', async (route) => {
      for (const unknown of ['00000000-0000-4000-8000-000000000000', 'abc', '12345', "1' or '1'='1", '%E2%82%AC']) {
        const res = await t.app.inject(`/api/customers/${unknown}/${route}`);
        expect(res.statusCode, unknown).toBe(404);
        expect(res.json()).toMatchObject({ code: 'customer_not_found', message: expect.any(String) });
      }
    });
  });

  describe.skipIf(skipReason)('bad parameters', () => {
    it.each([
      ['summary', 'asOf', '2026-02-30'],
      ['summary', 'asOf', 'yesterday'],
      ['summary', 'asOf', '0001-01-01'],
      ['transactions', 'asOf', '2026-13-01'],
      ['timeline', 'from', '2026-1-1'],
      ['timeline', 'to', '20261124'],
    ])('%s answers 400 naming %s for %s', async (route, field, value) => {
      const res = await t.app.inject({ url: `/api/customers/${id}/${route}`, query: { [field]: value } });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_request', message: expect.stringContaining(`'${field}'`) });
    });

    it('answers 400 naming from when the timeline would run backwards', async () => {
      const res = await t.app.inject(`/api/customers/${id}/timeline?from=2026-06-01&to=2026-05-01`);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain("'from'");
    });

    it('answers 400 naming the parameter for a number too large to be finite', async () => {
      const res = await t.app.inject('/api/customers?offset=1e999');
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain("'offset'");
    });

    it('answers 400 naming status for an unknown transaction filter', async () => {
      const res = await t.app.inject(`/api/customers/${id}/transactions?status=closed`);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain("'status'");
    });
  });

  describe.skipIf(skipReason)('garbage', () => {
    const keys = fc.constantFrom('email', 'asOf', 'from', 'to', 'status', 'search', 'limit', 'offset', '__proto__', 'constructor', '');
    const values = fc.oneof(
      fc.string({ maxLength: 40 }).map(encodeURIComponent),
      fc.string({ unit: 'binary', maxLength: 20 }).map(encodeURIComponent),
      fc.constantFrom('%', '%zz', '%00', 'a%00b', '%C0%AF', '-1', '1e999', 'NaN', '9999-12-31', '1900-01-01', '2024-02-29', 'a@b', '@@', '[]', '{}'),
    );
    const queryStrings = fc
      .array(fc.tuple(keys, values, fc.boolean()), { maxLength: 6 })
      .map((pairs) => pairs.map(([k, v, bracket]) => `${k}${bracket ? '[]' : ''}=${v}`).join('&'));
    const paths = fc.constantFrom(
      '/api/customers/lookup',
      '/api/customers',
      '/api/customers/{id}/summary',
      '/api/customers/{id}/transactions',
      '/api/customers/{id}/timeline',
      '/api/customers/not-a-uuid/summary',
      '/api/preview/mailbox',
    );

    it('never answers 500 to any query string', async () => {
      await fc.assert(
        fc.asyncProperty(paths, queryStrings, async (path, query) => {
          const res = await t.app.inject(`${path.replace('{id}', id)}?${query}`);
          expect(res.statusCode, `${path}?${query}: ${res.body}`).toBeLessThan(500);
          if (res.statusCode >= 400) expect(res.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        }),
        { numRuns: 150 },
      );
    });

    it('answers a malformed or mistyped body with 4xx, not 500', async () => {
      const url = `/api/customers/${id}/contacts`;
      const cases = [
        { payload: '{"email":', headers: { 'content-type': 'application/json' }, status: 400 },
        { payload: '<email>a@b.example</email>', headers: { 'content-type': 'application/xml' }, status: 415 },
        { payload: JSON.stringify({ email: 'a@b.example', name: 'nul\u0000' }), headers: { 'content-type': 'application/json' }, status: 400 },
        { payload: JSON.stringify({ email: `${'a'.repeat(400)}@b.example` }), headers: { 'content-type': 'application/json' }, status: 400 },
        { payload: JSON.stringify({ email: { address: 'a@b.example' } }), headers: { 'content-type': 'application/json' }, status: 400 },
      ];
      for (const c of cases) {
        const res = await t.app.inject({ method: 'POST', url, payload: c.payload, headers: c.headers });
        expect(res.statusCode, c.payload.slice(0, 30)).toBe(c.status);
        expect(res.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      }
    });
  });
});
