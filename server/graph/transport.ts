// Sends Graph calls for one mailbox and returns one uniform result per call, whether they went
// alone or in a JSON $batch (at most 20 per batch, Graph's limit). Failures become results, not
// exceptions, so the caller decides per call what to retry.
import { GraphError, ResponseType, type Client } from '@microsoft/microsoft-graph-client';

export interface GraphCall {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path after the version segment, with its query string: '/me/events'. */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface GraphResult {
  id: string;
  /** 0 when no answer came back (timeout, connection reset). */
  status: number;
  retryAfter: string | null;
  body: unknown;
  error: string | null;
}

export const MAX_BATCH = 20;

export async function sendCalls(client: Client, calls: GraphCall[]): Promise<GraphResult[]> {
  if (calls.length === 0) return [];
  if (calls.length === 1) return [await sendOne(client, calls[0]!)];
  const results: GraphResult[] = [];
  for (let i = 0; i < calls.length; i += MAX_BATCH) {
    results.push(...(await sendBatch(client, calls.slice(i, i + MAX_BATCH))));
  }
  return results;
}

export async function sendOne(client: Client, call: GraphCall): Promise<GraphResult> {
  try {
    const request = client.api(call.url).headers(call.headers ?? {}).responseType(ResponseType.RAW);
    const response: Response =
      call.method === 'GET' ? await request.get()
      : call.method === 'POST' ? await request.post(call.body ?? {})
      : call.method === 'PATCH' ? await request.patch(call.body ?? {})
      : await request.delete();
    const text = await response.text();
    const body = text ? safeJson(text) : null;
    return {
      id: call.id,
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body,
      error: response.ok ? null : errorMessage(body, response.status),
    };
  } catch (error) {
    return failure(call.id, error);
  }
}

interface BatchResponseItem {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

async function sendBatch(client: Client, calls: GraphCall[]): Promise<GraphResult[]> {
  const batch = await sendOne(client, {
    id: 'batch',
    method: 'POST',
    url: '/$batch',
    body: {
      requests: calls.map((c) => ({
        id: c.id,
        method: c.method,
        url: c.url,
        ...(c.body !== undefined ? { body: c.body, headers: { 'Content-Type': 'application/json', ...c.headers } } : {}),
        ...(c.body === undefined && c.headers ? { headers: c.headers } : {}),
      })),
    },
  });
  // The batch itself failed (throttled, timed out…): every call in it shares that fate.
  if (batch.status !== 200) return calls.map((c) => ({ ...batch, id: c.id }));
  const items = ((batch.body as { responses?: BatchResponseItem[] })?.responses ?? []) as BatchResponseItem[];
  const byId = new Map(items.map((item) => [item.id, item]));
  return calls.map((c) => {
    const item = byId.get(c.id);
    if (!item) return { id: c.id, status: 0, retryAfter: null, body: null, error: 'No answer for this call in the $batch response.' };
    const headers = Object.fromEntries(Object.entries(item.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const ok = item.status >= 200 && item.status < 300;
    return {
      id: c.id,
      status: item.status,
      retryAfter: headers['retry-after'] ?? null,
      body: item.body ?? null,
      error: ok ? null : errorMessage(item.body, item.status),
    };
  });
}

function failure(id: string, error: unknown): GraphResult {
  if (error instanceof GraphError) {
    const status = error.statusCode > 0 ? error.statusCode : 0;
    return { id, status, retryAfter: error.headers?.get('retry-after') ?? null, body: null, error: error.message || error.code || 'Graph call failed' };
  }
  return { id, status: 0, retryAfter: null, body: null, error: (error as Error)?.message ?? String(error) };
}

function errorMessage(body: unknown, status: number): string {
  const message = (body as { error?: { code?: string; message?: string } } | null)?.error;
  return message ? `${status} ${message.code ?? ''}: ${message.message ?? ''}`.trim() : `HTTP ${status}`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
