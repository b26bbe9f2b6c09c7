// A Graph-compatible test server on 127.0.0.1: the endpoints the product uses (events, calendar
// view delta, To Do lists/tasks/delta/linked resources, sendMail, $batch), every body checked
// against Graph's schemas (400 + a recorded violation otherwise), transactionId honoured as Graph
// does, and injectable faults: 429 with Retry-After, 503, slow answers, connection resets.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphSchemas } from './graph-schema';
import { GraphStore, type Answer } from './graph-store';

export type Fault =
  | { kind: 'throttle'; retryAfterSeconds: number; status?: 429 | 503 }
  | { kind: 'unavailable' }
  | { kind: 'slow'; ms: number }
  | { kind: 'reset' };

interface QueuedFault {
  fault: Fault;
  /** 'request': the HTTP request (a whole $batch); 'item': one request inside a $batch. */
  scope: 'request' | 'item';
  match: (method: string, path: string) => boolean;
}

export interface GraphTestServer {
  baseUrl: string;
  token: string;
  store: GraphStore;
  violations: string[];
  /** Top-level HTTP requests and $batch items, as 'METHOD /path'. */
  log: string[];
  inject(fault: Fault, opts?: { times?: number; scope?: 'request' | 'item'; match?: (method: string, path: string) => boolean }): void;
  pendingFaults(): number;
  close(): Promise<void>;
}

const schemas = new GraphSchemas();

export async function startGraphServer(opts: { token?: string } = {}): Promise<GraphTestServer> {
  const token = opts.token ?? `graph-test-${randomUUID()}`;
  const faults: QueuedFault[] = [];
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
  const store = new GraphStore(baseUrl);
  const api: GraphTestServer = {
    baseUrl,
    token,
    store,
    violations: [],
    log: [],
    inject(fault, o = {}) {
      for (let i = 0; i < (o.times ?? 1); i++) faults.push({ fault, scope: o.scope ?? 'request', match: o.match ?? (() => true) });
    },
    pendingFaults: () => faults.length,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  function takeFault(scope: QueuedFault['scope'], method: string, path: string): Fault | null {
    const index = faults.findIndex((f) => f.scope === scope && f.match(method, path));
    return index === -1 ? null : faults.splice(index, 1)[0]!.fault;
  }

  function validated(method: string, path: string, body: unknown): Answer | null {
    if (method !== 'POST' && method !== 'PATCH') return null;
    const problems = schemas.check(method, path, body);
    if (problems.length === 0) return null;
    api.violations.push(...problems);
    return { status: 400, body: { error: { code: 'BadRequest', message: problems.join('; ') } } };
  }

  function faultAnswer(fault: Fault): Answer | null {
    if (fault.kind === 'throttle') {
      const status = fault.status ?? 429;
      return { status, headers: { 'Retry-After': String(fault.retryAfterSeconds) }, body: { error: { code: status === 429 ? 'TooManyRequests' : 'ServiceUnavailable', message: 'Injected' } } };
    }
    if (fault.kind === 'unavailable') return { status: 503, body: { error: { code: 'ServiceUnavailable', message: 'Injected' } } };
    return null;
  }

  function answerOne(method: string, url: string, body: unknown): Answer {
    const { pathname, searchParams } = new URL(url, 'http://x');
    api.log.push(`${method} ${pathname}`);
    return validated(method, pathname, body) ?? store.route(method, pathname, searchParams, body);
  }

  function answerBatch(body: unknown): Answer {
    const invalid = validated('POST', '/$batch', body);
    if (invalid) return invalid;
    const requests = (body as { requests: Array<{ id: string; method: string; url: string; body?: unknown }> }).requests;
    const responses = requests.map((r) => {
      const path = new URL(r.url, 'http://x').pathname;
      const injected = takeFault('item', r.method, path);
      const answer = (injected && faultAnswer(injected)) ?? answerOne(r.method, r.url, r.body);
      return { id: r.id, status: answer.status, headers: { 'Content-Type': 'application/json', ...answer.headers }, body: answer.body ?? null };
    });
    return { status: 200, body: { responses } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const method = req.method ?? 'GET';
    const url = (req.url ?? '/').replace(/^\/v1\.0/, '');
    const path = new URL(url, 'http://x').pathname;
    if (req.headers.authorization !== `Bearer ${token}`) {
      return send(res, { status: 401, body: { error: { code: 'InvalidAuthenticationToken', message: 'Bad token' } } });
    }
    const fault = takeFault('request', method, path);
    const early = fault && faultAnswer(fault);
    if (early) return send(res, early);
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        api.violations.push(`${method} ${path}: body is not JSON`);
        return send(res, { status: 400, body: { error: { code: 'BadRequest', message: 'Invalid JSON' } } });
      }
    }
    // Slow answers and resets happen after the write, as the worst case does: done, but unconfirmed.
    const answer = path === '/$batch' && method === 'POST' ? answerBatch(body) : answerOne(method, url, body);
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    send(res, answer);
  }

  return api;
}

function send(res: ServerResponse, answer: Answer): void {
  if (res.destroyed) return;
  const payload = answer.body === undefined ? '' : JSON.stringify(answer.body);
  res.writeHead(answer.status, { ...(payload ? { 'Content-Type': 'application/json' } : {}), ...answer.headers });
  res.end(payload);
}
