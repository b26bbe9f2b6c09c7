import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient } from '../../../addin/api/client';

function stub(status: number, body: unknown) {
  return vi.fn(async (_url: string | URL | Request, _init?: RequestInit) =>
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );
}

describe('createApiClient', () => {
  it('builds the server’s URLs with encoded parameters and a bearer token', async () => {
    const fetch = stub(200, { matches: [] });
    const api = createApiClient({ baseUrl: 'https://pane.example/', getToken: async () => 'tok', fetch });
    await api.lookup('a+b@contoso.com');
    await api.transactions('c/1', { status: 'open', asOf: '2025-03-31' });
    await api.summary('c1');
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://pane.example/api/customers/lookup?email=a%2Bb%40contoso.com');
    expect((init?.headers as Record<string, string>).authorization).toBe('Bearer tok');
    expect(fetch.mock.calls[1]![0]).toBe('https://pane.example/api/customers/c%2F1/transactions?status=open&asOf=2025-03-31');
    expect(fetch.mock.calls[2]![0]).toBe('https://pane.example/api/customers/c1/summary');
  });

  it('posts a contact as JSON', async () => {
    const fetch = stub(201, { id: 'k1' });
    await createApiClient({ baseUrl: '', fetch }).linkContact('c1', { email: 'jane@gmail.com', name: 'Jane' });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/customers/c1/contacts');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ email: 'jane@gmail.com', name: 'Jane' });
  });

  it('turns an error body into an ApiError with the server’s code and message', async () => {
    const api = createApiClient({ baseUrl: '', fetch: stub(400, { code: 'invalid_query', message: 'asOf must be a date' }) });
    const error = await api.summary('c1', 'nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'invalid_query', status: 400, message: 'asOf must be a date' });
  });

  it('names an unreachable server, and lets an abort through as an abort', async () => {
    const down = createApiClient({ baseUrl: '', fetch: vi.fn(async () => Promise.reject(new TypeError('fetch failed'))) });
    await expect(down.search('x')).rejects.toMatchObject({ code: 'network', status: 0 });
    const controller = new AbortController();
    controller.abort();
    const aborting = createApiClient({
      baseUrl: '',
      fetch: vi.fn(async (_u: string | URL | Request, init?: RequestInit) => {
        init?.signal?.throwIfAborted();
        return new Response('{}');
      }),
    });
    await expect(aborting.search('x', controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
