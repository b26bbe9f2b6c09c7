// Finding the customer behind an email: lookup by contact and domain, search, and linking a sender.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerSearchResponse, LookupResponse } from '../../../server/http/schemas/customers';
import { testDatabases } from '../../support/db';
import { openTestApp, seedCustomers, type TestApp } from './world';

describe.each(testDatabases)('customers API on $name', ({ name, skipReason }) => {
  let t: TestApp;
  let ids: Record<string, string>;

  beforeAll(async () => {
    if (skipReason) return;
    t = await openTestApp(name);
    ids = await seedCustomers(t.handle.db, [
      { account: 'C-300', name: 'Contoso Retail', domains: ['contoso.com'], contacts: ['ap@contoso.com'] },
      { account: 'C-100', name: 'Contoso Wholesale', domains: ['contoso.com'] },
      { account: 'C-200', name: 'Alpine Ski House', domains: ['alpineskihouse.com'], contacts: ['pat.doe@gmail.com'] },
      { account: 'C-400', name: 'Fabrikam', domains: ['fabrikam.com'], contacts: ['ap@contoso.com'] },
      // A customer that (wrongly) lists a public domain must still never match by it.
      { account: 'C-500', name: 'Gmail Users Ltd', domains: ['gmail.com'] },
      { account: 'X-1', name: 'Northwind 100% Traders_', domains: [] },
    ]);
  });
  afterAll(async () => t?.close());

  const lookup = async (email: string) => {
    const res = await t.app.inject({ url: '/api/customers/lookup', query: { email } });
    expect(res.statusCode).toBe(200);
    return (res.json() as LookupResponse).matches.map((m) => `${m.account}:${m.matchedBy}`);
  };

  describe.skipIf(skipReason)('lookup', () => {
    it('ranks customers with the exact contact address first, then domain matches by name', async () => {
      expect(await lookup('AP@Contoso.com')).toEqual(['C-300:contact', 'C-400:contact', 'C-100:domain']);
    });

    it('matches an unknown address by its domain, also from a subdomain', async () => {
      expect(await lookup('someone@contoso.com')).toEqual(['C-300:domain', 'C-100:domain']);
      expect(await lookup('billing@eu.contoso.com')).toEqual(['C-300:domain', 'C-100:domain']);
    });

    it('never matches a public mail domain, only the exact contact address', async () => {
      expect(await lookup('pat.doe@gmail.com')).toEqual(['C-200:contact']);
      expect(await lookup('someone.else@gmail.com')).toEqual([]);
      expect(await lookup('someone@gmx.de')).toEqual([]);
    });

    it('answers an empty list for an unknown sender', async () => {
      expect(await lookup('nobody@unknown.example')).toEqual([]);
    });

    it('answers 400 naming email when it is missing or not an address', async () => {
      for (const url of ['/api/customers/lookup', '/api/customers/lookup?email=not-an-address']) {
        const res = await t.app.inject(url);
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ code: 'invalid_request', message: expect.stringContaining("'email'") });
      }
    });
  });

  describe.skipIf(skipReason)('search', () => {
    const search = async (query: Record<string, string>) => {
      const res = await t.app.inject({ url: '/api/customers', query });
      expect(res.statusCode).toBe(200);
      return res.json() as CustomerSearchResponse;
    };

    it('finds by name and contact email, case-insensitively, names starting with the text first', async () => {
      const found = await search({ search: 'CONTOSO' });
      // Fabrikam's contact ap@contoso.com matches too, after the names.
      expect(found.items.map((c) => c.account)).toEqual(['C-300', 'C-100', 'C-400']);
      expect((await search({ search: 'ski' })).items.map((c) => c.name)).toEqual(['Alpine Ski House']);
    });

    it('finds by account number, the exact account first, and by contact email', async () => {
      expect((await search({ search: 'c-100' })).items[0]?.account).toBe('C-100');
      expect((await search({ search: 'pat.doe@' })).items.map((c) => c.account)).toEqual(['C-200']);
    });

    it('takes % and _ literally', async () => {
      expect((await search({ search: '100%' })).items.map((c) => c.account)).toEqual(['X-1']);
      expect((await search({ search: 's_' })).items.map((c) => c.account)).toEqual(['X-1']);
    });

    it('pages through all customers with the total', async () => {
      const first = await search({ limit: '4' });
      const second = await search({ limit: '4', offset: '4' });
      expect(first).toMatchObject({ total: 6, limit: 4, offset: 0 });
      expect(second).toMatchObject({ total: 6, limit: 4, offset: 4 });
      expect(new Set([...first.items, ...second.items].map((c) => c.id)).size).toBe(6);
      expect(await search({ limit: '4', offset: '40' })).toMatchObject({ items: [], total: 6 });
    });

    it('answers 400 naming limit when it is out of range', async () => {
      const res = await t.app.inject('/api/customers?limit=0');
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain("'limit'");
    });
  });

  describe.skipIf(skipReason)('linking a sender to a customer', () => {
    it('makes the next email from that address resolve to the customer, and audits it', async () => {
      expect(await lookup('jane@freelance.example')).toEqual([]);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/customers/${ids['C-200']}/contacts`,
        payload: { email: 'Jane@Freelance.example', name: 'Jane Roe' },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ customerId: ids['C-200'], email: 'jane@freelance.example', name: 'Jane Roe' });
      expect(await lookup('jane@freelance.example')).toEqual(['C-200:contact']);

      const audit = await t.handle.db.selectFrom('audit_events').selectAll().where('action', '=', 'contact.linked').execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ entity: 'contact', entity_id: res.json().id });
      // Development auth mode: every request acts as the demo agent.
      const agent = await t.handle.db.selectFrom('agents').select('id').where('email', '=', 'demo.agent@example.com').executeTakeFirstOrThrow();
      expect(audit[0]?.actor).toBe(agent.id);
    });

    it('answers 409 when the address is already linked to that customer', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/customers/${ids['C-300']}/contacts`,
        payload: { email: 'ap@contoso.com' },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('contact_exists');
    });

    it('answers 404 for an unknown customer and 400 naming email for a bad address', async () => {
      const unknown = await t.app.inject({
        method: 'POST',
        url: '/api/customers/00000000-0000-4000-8000-000000000000/contacts',
        payload: { email: 'a@b.example' },
      });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().code).toBe('customer_not_found');
      const bad = await t.app.inject({ method: 'POST', url: `/api/customers/${ids['C-300']}/contacts`, payload: { name: 'x' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toContain("'email'");
    });
  });
});
