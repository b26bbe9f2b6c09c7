// Signed PDF links: a signed-in agent gets a short-lived URL of a letter's stored PDF; Outlook fetches
// it without any token; a changed id, expiry or signature, or an expired link, gets a 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretKey } from 'node:crypto';
import { loadConfig } from '../../../server/config';
import type { CollectionLetterResponse, LetterPdfLinkResponse } from '../../../server/http/schemas/letters';
import { checkLetterLink, LETTER_LINK_TTL_SECONDS, signLetterLink } from '../../../server/letters/links';
import { openEntraApp, type EntraApp } from '../security/world';
import { createCustomer } from './world';

let t: EntraApp;
let agent: { authorization: string };
let letter: CollectionLetterResponse;
let other: CollectionLetterResponse;

beforeAll(async () => {
  t = await openEntraApp();
  agent = await t.as('agent');
  for (const account of ['C-7', 'C-8']) {
    const { id } = await createCustomer(t.handle.db, { account, invoices: [[`INV-${account}`, '2026-02-01', 123456n]] });
    const res = await t.app.inject({ method: 'POST', url: `/api/customers/${id}/letters`, headers: agent, payload: { delivery: 'reply', asOf: '2026-03-01' } });
    expect(res.statusCode).toBe(201);
    if (account === 'C-7') letter = res.json();
    else other = res.json();
  }
});
afterAll(async () => t?.close());

async function link(id = letter.id): Promise<URL> {
  const res = await t.app.inject({ method: 'POST', url: `/api/letters/${id}/pdf-link`, headers: agent });
  expect(res.statusCode).toBe(200);
  const body = res.json<LetterPdfLinkResponse>();
  const expires = Date.parse(body.expiresAt);
  expect(expires - Date.now()).toBeGreaterThan((LETTER_LINK_TTL_SECONDS - 60) * 1000);
  expect(expires - Date.now()).toBeLessThanOrEqual(LETTER_LINK_TTL_SECONDS * 1000);
  return new URL(body.url, 'http://collections.test');
}

const fetchLink = (url: URL | string) => t.app.inject({ url: typeof url === 'string' ? url : `${url.pathname}${url.search}` });

describe('signed letter PDF links', () => {
  it('serve the stored PDF without a bearer token', async () => {
    const url = await link();
    expect(url.pathname).toBe(`/letters/${letter.id}.pdf`);
    expect(url.searchParams.get('exp')).toMatch(/^\d+$/);
    expect(url.searchParams.get('sig')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const res = await fetchLink(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const stored = await t.handle.db.selectFrom('collection_letters').select('pdf').where('id', '=', letter.id).executeTakeFirstOrThrow();
    expect(Buffer.compare(res.rawPayload, Buffer.from(stored.pdf))).toBe(0);
    // The same PDF through the API needs the token; asking for a link does too.
    expect((await t.app.inject({ url: letter.pdfUrl })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: `/api/letters/${letter.id}/pdf-link` })).statusCode).toBe(401);
  });

  it('refuse a link whose letter id, expiry or signature was changed', async () => {
    const url = await link();
    const exp = url.searchParams.get('exp')!;
    const sig = url.searchParams.get('sig')!;
    const flipped = sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A');
    const tampered = [
      `/letters/${other.id}.pdf?exp=${exp}&sig=${sig}`,
      `/letters/${letter.id}.pdf?exp=${Number(exp) + 3600}&sig=${sig}`,
      `/letters/${letter.id}.pdf?exp=0${exp}&sig=${sig}`,
      `/letters/${letter.id}.pdf?exp=${exp}&sig=${flipped}`,
      `/letters/${letter.id}.pdf?exp=${exp}&sig=${sig}=`,
      `/letters/${letter.id}.pdf?exp=${exp}`,
      `/letters/${letter.id}.pdf`,
    ];
    for (const url of tampered) {
      const res = await fetchLink(url);
      expect({ url, status: res.statusCode, code: res.json().code }).toEqual({ url, status: 403, code: 'link_invalid' });
    }
  });

  it('refuse an expired link', async () => {
    const key = loadConfig({ LETTER_LINK_SECRET: 'x'.repeat(32) }).letterLinkKey;
    const issued = new Date('2026-03-01T10:00:00Z');
    const signed = new URL(signLetterLink(key, letter.id, issued).url, 'http://collections.test');
    const [exp, sig] = [signed.searchParams.get('exp'), signed.searchParams.get('sig')];
    expect(checkLetterLink(key, letter.id, exp, sig, new Date(issued.getTime() + (LETTER_LINK_TTL_SECONDS - 1) * 1000))).toBe('valid');
    expect(checkLetterLink(key, letter.id, exp, sig, new Date(issued.getTime() + LETTER_LINK_TTL_SECONDS * 1000))).toBe('expired');
    // Through the server: a link it signed a day ago.
    const stale = signLetterLink(t.app.config.letterLinkKey, letter.id, new Date(Date.now() - 86_400_000));
    const res = await fetchLink(stale.url);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'link_expired' });
  });

  it('take their key from LETTER_LINK_SECRET, else a random one per process', () => {
    const now = new Date();
    const a = signLetterLink(loadConfig({ LETTER_LINK_SECRET: 'k'.repeat(40) }).letterLinkKey, letter.id, now).url;
    expect(signLetterLink(loadConfig({ LETTER_LINK_SECRET: 'k'.repeat(40) }).letterLinkKey, letter.id, now).url).toBe(a);
    expect(signLetterLink(createSecretKey(Buffer.from('k'.repeat(40))), letter.id, now).url).toBe(a);
    expect(signLetterLink(loadConfig({}).letterLinkKey, letter.id, now).url).not.toBe(signLetterLink(loadConfig({}).letterLinkKey, letter.id, now).url);
    expect(() => loadConfig({ LETTER_LINK_SECRET: 'short-secret' })).toThrow(/^LETTER_LINK_SECRET: must be at least 32 characters/);
    expect(() => loadConfig({ LETTER_LINK_SECRET: 'short-secret' })).not.toThrow(/short-secret/);
    expect(JSON.stringify(loadConfig({ LETTER_LINK_SECRET: 'k'.repeat(40) }))).not.toContain('kkkk');
  });

  it('answer 404 for a link to no letter', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/letters/0b5d1c1e-8c1a-4c4e-9a61-3f0d3c1e2a10/pdf-link', headers: agent });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'letter_not_found' });
    expect((await fetchLink('/letters/not-a-letter.pdf?exp=1&sig=x')).json()).toMatchObject({ code: 'letter_not_found' });
  });
});
