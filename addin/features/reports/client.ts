// The aged receivables report from the server, with the pane's sign-in (the same options as
// createApiClient): the JSON report, a download read chunk by chunk with the bytes received so far,
// and the month-end mail switch. A client of its own, so the pane's ApiClient keeps its shape.
import type {
  AgedReceivablesResponse,
  AgedReceivablesSubscriptionResponse,
} from '../../../server/http/schemas/reports';
import { clientLocale, failureOf, isAbortError, unreachable, type ApiClientOptions } from '../../api/client';

export interface ReportQuery {
  asOf?: string;
  by?: 'due_date' | 'document_date';
  /** 'none': the totals only (the pane's card). */
  customers?: 'all' | 'none';
}

export type DownloadFormat = 'csv' | 'xlsx';

export interface DownloadProgress {
  received: number;
  /** The Content-Length when the server sent one; streamed reports come without. */
  total: number | null;
}

export interface ReportsClient {
  report(query: ReportQuery, signal?: AbortSignal): Promise<AgedReceivablesResponse>;
  download(query: ReportQuery, format: DownloadFormat, onProgress: (p: DownloadProgress) => void, signal?: AbortSignal): Promise<Blob>;
  subscription(signal?: AbortSignal): Promise<AgedReceivablesSubscriptionResponse>;
  setSubscription(subscribed: boolean, signal?: AbortSignal): Promise<AgedReceivablesSubscriptionResponse>;
}

const PATH = '/api/reports/aged-receivables';

export function createReportsClient(options: ApiClientOptions): ReportsClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const locale = clientLocale(options);

  async function send(path: string, init: RequestInit & { query?: Record<string, string | undefined> }): Promise<Response> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(init.query ?? {})) if (v) params.set(k, v);
    const headers: Record<string, string> = { accept: '*/*', ...(init.headers as Record<string, string>) };
    const token = options.getToken ? await options.getToken() : null;
    if (token) headers.authorization = `Bearer ${token}`;
    let res: Response;
    try {
      const qs = params.toString();
      res = await doFetch(`${base}${path}${qs ? `?${qs}` : ''}`, { ...init, headers });
    } catch (e) {
      if (isAbortError(e)) throw e;
      throw unreachable(locale());
    }
    if (!res.ok) throw failureOf(res.status, await res.json().catch(() => undefined), locale());
    return res;
  }

  const json = <T>(res: Response) => res.json() as Promise<T>;
  return {
    report: async (q, signal) => json(await send(PATH, { query: { ...q, format: 'json' }, signal })),
    async download(q, format, onProgress, signal) {
      const res = await send(PATH, { query: { asOf: q.asOf, by: q.by, format }, signal });
      const length = Number(res.headers.get('content-length'));
      const total = length > 0 ? length : null;
      const reader = res.body!.getReader();
      const parts: BlobPart[] = [];
      let received = 0;
      onProgress({ received, total });
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        received += value.byteLength;
        onProgress({ received, total });
      }
      return new Blob(parts, { type: res.headers.get('content-type') ?? 'application/octet-stream' });
    },
    subscription: async (signal) => json(await send(`${PATH}/subscription`, { signal })),
    setSubscription: async (subscribed, signal) =>
      json(
        await send(`${PATH}/subscription`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ subscribed }),
          signal,
        }),
      ),
  };
}
