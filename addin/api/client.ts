// Typed client of the collections server's JSON API. Every call takes the AbortSignal of the item
// it serves, so a newer item can cancel it; failures become one ApiError with the server's code.
import type {
  CustomerSearchResponse,
  CustomerSummary,
  IsoDate,
  LookupResponse,
  TimelineResponse,
  TransactionsResponse,
} from '../../server/http/contract';

export class ApiError extends Error {
  constructor(
    /** The server's machine-readable code, or 'network' / 'http_<status>' when it sent none. */
    readonly code: string,
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClient {
  lookup(email: string, signal?: AbortSignal): Promise<LookupResponse>;
  search(q: string, signal?: AbortSignal): Promise<CustomerSearchResponse>;
  summary(id: string, asOf?: IsoDate, signal?: AbortSignal): Promise<CustomerSummary>;
  transactions(
    id: string,
    query: { status: 'open' | 'all'; asOf?: IsoDate },
    signal?: AbortSignal,
  ): Promise<TransactionsResponse>;
  timeline(id: string, query: { from?: IsoDate; to?: IsoDate }, signal?: AbortSignal): Promise<TimelineResponse>;
  /** Adds the address as a contact of the customer, so the next email from it resolves. */
  linkContact(id: string, contact: { email: string; name: string }, signal?: AbortSignal): Promise<void>;
}

export interface ApiClientOptions {
  /** Origin (and optional path prefix) of the server, e.g. 'https://localhost:3000'; '' for same origin. */
  baseUrl: string;
  /** Bearer token for the server's API scope; null sends no Authorization header. */
  getToken?: () => Promise<string | null>;
  fetch?: typeof fetch;
}

type Query = Record<string, string | undefined>;

export function isAbortError(e: unknown): boolean {
  return e instanceof DOMException ? e.name === 'AbortError' : (e as { name?: string } | null)?.name === 'AbortError';
}

/** A body that is not JSON (a proxy's HTML error page, say) counts as none. */
function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function request<T>(method: 'GET' | 'POST', path: string, query: Query, body: unknown, signal?: AbortSignal): Promise<T> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, v);
    const qs = params.toString();
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = options.getToken ? await options.getToken() : null;
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await doFetch(`${base}${path}${qs ? `?${qs}` : ''}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (e) {
      if (isAbortError(e)) throw e;
      throw new ApiError('network', 0, 'The collections server could not be reached.');
    }
    const text = await res.text();
    const json = parseJson(text);
    if (!res.ok) {
      const err = (json ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
      throw new ApiError(
        typeof err.code === 'string' ? err.code : `http_${res.status}`,
        res.status,
        typeof err.message === 'string' ? err.message : `The server answered ${res.status}.`,
        err.details,
      );
    }
    return json as T;
  }

  const customer = (id: string) => `/api/customers/${encodeURIComponent(id)}`;
  return {
    lookup: (email, signal) => request('GET', '/api/customers/lookup', { email }, undefined, signal),
    search: (q, signal) => request('GET', '/api/customers', { search: q }, undefined, signal),
    summary: (id, asOf, signal) => request('GET', `${customer(id)}/summary`, { asOf }, undefined, signal),
    transactions: (id, q, signal) =>
      request('GET', `${customer(id)}/transactions`, { status: q.status, asOf: q.asOf }, undefined, signal),
    timeline: (id, q, signal) => request('GET', `${customer(id)}/timeline`, { from: q.from, to: q.to }, undefined, signal),
    linkContact: async (id, contact, signal) => {
      await request('POST', `${customer(id)}/contacts`, {}, contact, signal);
    },
  };
}
