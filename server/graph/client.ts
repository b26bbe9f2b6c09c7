// Builds a Microsoft Graph client (@microsoft/microsoft-graph-client) for one base URL: our own
// middleware adds the bearer token and a per-call timeout; retries are the outbox's job, not the
// client's, so that a back-off never holds a worker.
import { Client, HTTPMessageHandler, type Context, type Middleware } from '@microsoft/microsoft-graph-client';

export type TokenGetter = () => Promise<string>;

class BearerAndTimeout implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly getToken: TokenGetter,
    private readonly timeoutMs: number,
  ) {}

  async execute(context: Context): Promise<void> {
    const options = (context.options ??= {});
    const headers = new Headers(options.headers as HeadersInit | undefined);
    headers.set('Authorization', `Bearer ${await this.getToken()}`);
    options.headers = Object.fromEntries(headers.entries());
    options.signal = AbortSignal.timeout(this.timeoutMs);
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Splits 'https://graph.microsoft.com/v1.0' into the client's baseUrl and defaultVersion. */
export function splitBaseUrl(baseUrl: string): { baseUrl: string; defaultVersion: string } {
  const url = new URL(baseUrl);
  const segments = url.pathname.split('/').filter(Boolean);
  const defaultVersion = segments.pop() ?? 'v1.0';
  return { baseUrl: `${url.origin}/${segments.map((s) => `${s}/`).join('')}`, defaultVersion };
}

export function createGraphClient(opts: { baseUrl: string; timeoutMs: number; getToken: TokenGetter }): Client {
  const auth = new BearerAndTimeout(opts.getToken, opts.timeoutMs);
  return Client.initWithMiddleware({
    ...splitBaseUrl(opts.baseUrl),
    middleware: [auth, new HTTPMessageHandler()],
  });
}

/** A delta or next link as the client's api() takes it: relative to the base URL when it is ours. */
export function relativeLink(link: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return link.startsWith(base) ? link.slice(base.length) : link;
}
