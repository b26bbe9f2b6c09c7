// The collection pools from the server, with the pane's sign-in (the same options as
// createApiClient): pools and the agent's default, the worklist a page at a time, the status chart,
// and for managers the pools themselves. A client of its own, so the pane's ApiClient keeps its shape.
import { clientLocale, failureOf, isAbortError, unreachable, type ApiClientOptions } from '../../api/client';
import type { AgingHistoryResponse } from '../../../server/http/schemas/statements';
import type { ChartResponse, Criteria, PoolListResponse, PoolPreviewResponse, PoolResponse, WorklistResponse } from './types';

/** The list's filter from a bar of the chart: customers with an open item in that status, or overdue in that period. */
export type WorklistFilter = ({ kind: 'status'; status: string } | { kind: 'period'; period: number }) & {
  /** What the filter's chip says, e.g. "Disputed". */
  label: string;
};

export interface WorklistQuery {
  search?: string;
  filter?: WorklistFilter | null;
  cursor?: string | null;
  limit?: number;
}

export interface PoolsClient {
  pools(signal?: AbortSignal): Promise<PoolListResponse>;
  setDefault(poolId: string, signal?: AbortSignal): Promise<{ defaultPoolId: string }>;
  customers(poolId: string, query: WorklistQuery, signal?: AbortSignal): Promise<WorklistResponse>;
  chart(poolId: string, signal?: AbortSignal): Promise<ChartResponse>;
  /** The pool's aging at each of the last `months` month ends and today (the workspace shows it). */
  agingHistory?(poolId: string, months: number, signal?: AbortSignal): Promise<AgingHistoryResponse>;
  preview(criteria: Criteria, signal?: AbortSignal): Promise<PoolPreviewResponse>;
  create(body: { name: string; criteria: Criteria }, signal?: AbortSignal): Promise<PoolResponse>;
  update(poolId: string, body: { name?: string; criteria?: Criteria; version: number }, signal?: AbortSignal): Promise<PoolResponse>;
  remove(poolId: string, signal?: AbortSignal): Promise<void>;
  /** Who is signed in, as a key for this agent's own settings kept in the browser (series switched off). */
  accountKey(): Promise<string>;
}

/** The account a bearer token names (its object id or user name), read without verifying: a storage key, never a credential. */
export function accountOfToken(token: string | null): string {
  if (!token) return 'local';
  try {
    const payload = token.split('.')[1] ?? '';
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { oid?: unknown; preferred_username?: unknown; sub?: unknown };
    const id = [json.oid, json.preferred_username, json.sub].find((v) => typeof v === 'string');
    return typeof id === 'string' ? id : 'local';
  } catch {
    return 'local';
  }
}

export function createPoolsClient(options: ApiClientOptions): PoolsClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const locale = clientLocale(options);

  async function request<T>(method: string, path: string, opts: { query?: Record<string, string | undefined>; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined && v !== '') params.set(k, v);
    const qs = params.toString();
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = options.getToken ? await options.getToken() : null;
    if (token) headers.authorization = `Bearer ${token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await doFetch(`${base}${path}${qs ? `?${qs}` : ''}`, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: opts.signal,
      });
    } catch (e) {
      if (isAbortError(e)) throw e;
      throw unreachable(locale());
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!res.ok) throw failureOf(res.status, json, locale());
    return json as T;
  }

  const pool = (id: string) => `/api/pools/${encodeURIComponent(id)}`;
  return {
    pools: (signal) => request('GET', '/api/pools', { signal }),
    setDefault: (poolId, signal) => request('PUT', '/api/pools/default', { body: { poolId }, signal }),
    customers: (poolId, q, signal) =>
      request('GET', `${pool(poolId)}/customers`, {
        query: {
          search: q.search?.trim(),
          cursor: q.cursor ?? undefined,
          limit: q.limit === undefined ? undefined : String(q.limit),
          status: q.filter?.kind === 'status' ? q.filter.status : undefined,
          period: q.filter?.kind === 'period' ? String(q.filter.period) : undefined,
        },
        signal,
      }),
    chart: (poolId, signal) => request('GET', `${pool(poolId)}/chart`, { signal }),
    agingHistory: (poolId, months, signal) => request('GET', `${pool(poolId)}/aging-history`, { query: { months: String(months) }, signal }),
    preview: (criteria, signal) => request('POST', '/api/pools/preview', { body: { criteria }, signal }),
    create: (body, signal) => request('POST', '/api/pools', { body, signal }),
    update: (poolId, body, signal) => request('PATCH', pool(poolId), { body, signal }),
    remove: async (poolId, signal) => {
      await request('DELETE', pool(poolId), { signal });
    },
    accountKey: async () => accountOfToken(options.getToken ? await options.getToken().catch(() => null) : null),
  };
}
