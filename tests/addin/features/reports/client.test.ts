// The reports client: the JSON report with the sign-in's token, downloads read chunk by chunk with
// the bytes received so far, and the server's errors as ApiError.
import { expect, it, vi } from 'vitest';
import { ApiError } from '../../../../addin/api/client';
import { createReportsClient } from '../../../../addin/features/reports/client';

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

it('asks for the report with the token and the query', async () => {
  const fetch = vi.fn(async () => new Response(JSON.stringify({ asOf: '2026-11-30' }), { status: 200 }));
  const client = createReportsClient({ baseUrl: 'https://server.example/', getToken: async () => 'T', fetch });
  expect(await client.report({ asOf: '2026-11-30', customers: 'none' })).toEqual({ asOf: '2026-11-30' });
  const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
  expect(url).toBe('https://server.example/api/reports/aged-receivables?asOf=2026-11-30&customers=none&format=json');
  expect((init.headers as Record<string, string>).authorization).toBe('Bearer T');
});

it('reports every chunk of a download as it arrives', async () => {
  const body = streamOf([new Uint8Array(3), new Uint8Array(4)]);
  const fetch = vi.fn(async () => new Response(body, { status: 200, headers: { 'content-type': 'text/csv' } }));
  const client = createReportsClient({ baseUrl: '', fetch });
  const progress: Array<number> = [];
  const blob = await client.download({ by: 'due_date' }, 'csv', (p) => progress.push(p.received));
  expect(progress).toEqual([0, 3, 7]);
  expect(blob.size).toBe(7);
  expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe('/api/reports/aged-receivables?by=due_date&format=csv');
});

it('turns an error answer into an ApiError with the server’s code', async () => {
  const fetch = vi.fn(async () => new Response(JSON.stringify({ code: 'forbidden', message: 'Only managers and admins may.' }), { status: 403 }));
  const failure = await createReportsClient({ baseUrl: '', fetch }).subscription().catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(ApiError);
  expect(failure).toMatchObject({ code: 'forbidden', status: 403 });
});
