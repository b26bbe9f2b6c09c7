// Typed client of the collections server's JSON API. Every call takes the AbortSignal of the item
// it serves, so a newer item can cancel it; failures become one ApiError with the server's code.
import type {
  BatchProposalResponse,
  CollectionLetterResponse,
  LetterBatchResponse,
  LetterDelivery,
  LetterPdfLinkResponse,
  LetterProposalResponse,
} from '../../server/http/schemas/letters';
import type { IsoDate } from '../../server/http/schemas/common';
import type { CustomerSearchResponse, LookupResponse } from '../../server/http/schemas/customers';
import type { DraftsRequest, DraftsResponse } from '../../server/http/schemas/drafts';
import type { ContractsResponse } from '../../server/http/schemas/contracts';
import type { AgingHistoryResponse, SendStatementRequest, StatementKind, StatementResponse } from '../../server/http/schemas/statements';
import type { CustomerSummary } from '../../server/http/schemas/summary';
import type { TimelineResponse } from '../../server/http/schemas/timeline';
import type { TransactionsResponse } from '../../server/http/schemas/transactions';
import type { HoldResponse, HoldsResponse, PutOnHoldRequest } from '../../server/http/schemas/holds';
import type { ChangeStatusRequest, ChangeStatusResponse, DocumentsResponse, HistoryResponse, NewReasonCodeRequest, ReasonCodeJson, ReasonCodesResponse } from '../../server/http/schemas/actions';
import type { NsfRequest, NsfResponse, ReverseResponse, SettleRequest, SettleResponse, WriteOffJson, WriteOffRequest, WriteOffsResponse } from '../../server/http/schemas/money-actions';
import type {
  AgentJson, AgentsResponse, InterestCodeJson, InterestCodesResponse, InterestNotesResponse, InterestProposalsResponse, NewInterestCodeRequest,
  PostInterestNotesRequest, TransactionSettlementsResponse, UpdateInterestCodeRequest,
} from '../../server/http/schemas/interest';
import type { Activity, ActivityListResponse, CreateActivityRequest, UpdateActivityRequest } from '../../server/http/schemas/activities';
import { officeDisplayLanguage, type AuthConfig } from '../office/auth';
import { translate } from '../i18n';

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
  /** The actions an email from the customer asks for, proposed from its words (nothing is saved). */
  drafts(id: string, email: DraftsRequest, signal?: AbortSignal): Promise<DraftsResponse>;
  /** How the pane signs in (no token needed to ask). */
  authConfig(signal?: AbortSignal): Promise<AuthConfig>;
  activities(id: string, signal?: AbortSignal): Promise<ActivityListResponse>;
  /** The key makes a retried submission replay the first result instead of logging twice. */
  createActivity(id: string, body: CreateActivityRequest, idempotencyKey: string, signal?: AbortSignal): Promise<Activity>;
  /** With `version` (the one the agent read), a change made by someone else since gets 412 with the current activity. */
  updateActivity(activityId: string, body: UpdateActivityRequest, signal?: AbortSignal, version?: number): Promise<Activity>;
  letterProposal(id: string, asOf?: IsoDate, signal?: AbortSignal): Promise<LetterProposalResponse>;
  postLetter(id: string, body: PostLetterRequest, idempotencyKey: string, signal?: AbortSignal): Promise<CollectionLetterResponse>;
  /** The due letter rendered as email HTML without posting it ("Draft" for its number). */
  letterPreview(id: string, query: { asOf?: IsoDate; language?: string; to?: string }, signal?: AbortSignal): Promise<string>;
  /** A short-lived URL of a posted letter's PDF for mail clients that fetch attachments without the pane's sign-in. */
  letterPdfLink(letterId: string, signal?: AbortSignal): Promise<LetterPdfLinkResponse>;
  /** A posted letter's email HTML (its htmlUrl). */
  letterHtml(htmlUrl: string, signal?: AbortSignal): Promise<string>;
  /** A posted letter's PDF (its pdfUrl) as base64, for hosts that attach files by content. */
  letterPdfBase64(pdfUrl: string, signal?: AbortSignal): Promise<string>;
  /** Tells the server a reply form with the letter was opened (delivery 'reply'). */
  markLetterSent(letterId: string, signal?: AbortSignal): Promise<CollectionLetterResponse>;
  /** A server path made absolute, for hosts that fetch a URL themselves. */
  absoluteUrl(path: string): string;
  batchProposal(asOf?: IsoDate, signal?: AbortSignal): Promise<BatchProposalResponse>;
  startBatch(body: StartBatchRequest, idempotencyKey: string, signal?: AbortSignal): Promise<LetterBatchResponse>;
  batch(batchId: string, signal?: AbortSignal): Promise<LetterBatchResponse>;
  /** Actions on open transactions; each key makes a retried submission replay the first result. */
  changeStatus(id: string, body: ChangeStatusRequest, idempotencyKey: string, signal?: AbortSignal): Promise<ChangeStatusResponse>;
  writeOff(id: string, body: WriteOffRequest, idempotencyKey: string, signal?: AbortSignal): Promise<WriteOffJson>;
  settle(id: string, body: SettleRequest, idempotencyKey: string, signal?: AbortSignal): Promise<SettleResponse>;
  nsf(transactionId: string, body: NsfRequest, idempotencyKey: string, signal?: AbortSignal): Promise<NsfResponse>;
  /** Collections holds: the customer (no transactionIds) or some of its open transactions, and lifting one. */
  putOnHold(id: string, body: PutOnHoldRequest, idempotencyKey: string, signal?: AbortSignal): Promise<HoldsResponse>;
  liftHold(holdId: string, idempotencyKey: string, signal?: AbortSignal): Promise<HoldResponse>;
  history(id: string, transactionId?: string, signal?: AbortSignal): Promise<HistoryResponse>;
  reasonCodes(kind: 'dispute' | 'write_off', signal?: AbortSignal): Promise<ReasonCodesResponse>;
  /** Write-offs waiting for a manager (403 for agents). */
  pendingWriteOffs(customerId: string, signal?: AbortSignal): Promise<WriteOffsResponse>;
  decideWriteOff(writeOffId: string, decision: 'approve' | 'reject', idempotencyKey: string, signal?: AbortSignal): Promise<WriteOffJson>;
  /** The stored documents (collection letters) a transaction appears on, for Reprint. */
  transactionDocuments(transactionId: string, signal?: AbortSignal): Promise<DocumentsResponse>;
  /** Interest due as of a date (one customer, or all), and posting the reviewed notes (managers). */
  interestProposals(query: { asOf?: IsoDate; customerId?: string }, signal?: AbortSignal): Promise<InterestProposalsResponse>;
  postInterestNotes(body: PostInterestNotesRequest, idempotencyKey: string, signal?: AbortSignal): Promise<InterestNotesResponse>;
  /** Managers: interest codes, reason codes and agents' write-off limits. */
  interestCodes(signal?: AbortSignal): Promise<InterestCodesResponse>;
  addInterestCode(body: NewInterestCodeRequest, signal?: AbortSignal): Promise<InterestCodeJson>;
  updateInterestCode(code: string, body: UpdateInterestCodeRequest, signal?: AbortSignal): Promise<InterestCodeJson>;
  addReasonCode(body: NewReasonCodeRequest, signal?: AbortSignal): Promise<ReasonCodeJson>;
  setReasonCodeActive(kind: 'dispute' | 'write_off', code: string, active: boolean, signal?: AbortSignal): Promise<ReasonCodeJson>;
  agents(signal?: AbortSignal): Promise<AgentsResponse>;
  setWriteOffLimit(agentId: string, writeOffLimit: number | null, signal?: AbortSignal): Promise<AgentJson>;
  /** A transaction's settlements, and reversing one made here as of a date (default today). */
  transactionSettlements(transactionId: string, signal?: AbortSignal): Promise<TransactionSettlementsResponse>;
  reverseSettlement(settlementId: string, date: IsoDate | undefined, idempotencyKey: string, signal?: AbortSignal): Promise<ReverseResponse>;
  /** A statement of account rendered as email HTML without storing it ("Draft" for its number). */
  statementPreview(id: string, query: { kind: StatementKind; asOf?: IsoDate; from?: IsoDate }, signal?: AbortSignal): Promise<string>;
  /** Sends (stores) a statement; the key makes a retry return the same statement. */
  sendStatement(id: string, body: SendStatementRequest, idempotencyKey: string, signal?: AbortSignal): Promise<StatementResponse>;
  /** A short-lived URL of a sent statement's PDF that needs no sign-in. */
  statementPdfLink(statementId: string, signal?: AbortSignal): Promise<LetterPdfLinkResponse>;
  /** The aging at each of the last `months` month ends and on the as-of date. */
  agingHistory(id: string, query: { months?: number; asOf?: IsoDate }, signal?: AbortSignal): Promise<AgingHistoryResponse>;
  /** The customer's contracts with their state on the date (the overview's "Active contracts"). */
  contracts(id: string, asOf?: IsoDate, signal?: AbortSignal): Promise<ContractsResponse>;
}

/** POST /api/customers/:id/letters */
export interface PostLetterRequest {
  delivery: LetterDelivery;
  asOf?: IsoDate;
  /** The level the agent reviewed: the server refuses (409) if another is due by now. */
  level?: number;
  to?: string;
}

/** POST /api/letters/batch */
export interface StartBatchRequest {
  delivery: LetterDelivery;
  asOf?: IsoDate;
  customerIds?: string[];
}

export interface ApiClientOptions {
  /** Origin (and optional path prefix) of the server, e.g. 'https://localhost:3000'; '' for same origin. */
  baseUrl: string;
  /** Bearer token for the server's API scope; null sends no Authorization header. */
  getToken?: () => Promise<string | null>;
  fetch?: typeof fetch;
  /**
   * The language of the messages the client writes itself (the server could not be reached, a
   * status without a message): default Office's display language when the pane runs in Office,
   * else English. The server's own messages pass through as they are.
   */
  locale?: string | (() => string);
}

/** The language a client writes its own messages in (ApiClientOptions.locale), read at each failure. */
export function clientLocale(options: ApiClientOptions): () => string {
  return () => {
    const chosen = typeof options.locale === 'function' ? options.locale() : options.locale;
    return chosen ?? officeDisplayLanguage((globalThis as { Office?: typeof Office }).Office) ?? 'en-US';
  };
}

/** The server could not be reached (offline, refused, blocked), in the client's language. */
export function unreachable(locale: string): ApiError {
  return new ApiError('network', 0, translate(locale, 'forms.error.network'));
}

/** An error answer as an ApiError: the server's code and message, else the status in the client's language. */
export function failureOf(status: number, body: unknown, locale: string): ApiError {
  const err = (body ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
  return new ApiError(
    typeof err.code === 'string' ? err.code : `http_${status}`,
    status,
    typeof err.message === 'string' ? err.message : translate(locale, 'forms.error.status', { status: String(status) }),
    err.details,
  );
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
  const locale = clientLocale(options);

  async function request<T>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    query: Query,
    body: unknown,
    signal?: AbortSignal,
    extra: { headers?: Record<string, string>; as?: 'json' | 'text' | 'base64' } = {},
  ): Promise<T> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, v);
    const qs = params.toString();
    const as = extra.as ?? 'json';
    const headers: Record<string, string> = { accept: as === 'json' ? 'application/json' : '*/*', ...extra.headers };
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
      throw unreachable(locale());
    }
    if (res.ok && as === 'base64') return toBase64(new Uint8Array(await res.arrayBuffer())) as T;
    const text = await res.text();
    if (res.ok && as === 'text') return text as T;
    const json = parseJson(text);
    if (!res.ok) throw failureOf(res.status, json, locale());
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
    drafts: (id, email, signal) => request('POST', `${customer(id)}/drafts`, {}, email, signal),
    authConfig: (signal) => request('GET', '/api/auth/config', {}, undefined, signal),
    activities: (id, signal) => request('GET', `${customer(id)}/activities`, {}, undefined, signal),
    createActivity: (id, body, key, signal) =>
      request('POST', `${customer(id)}/activities`, {}, body, signal, { headers: { 'idempotency-key': key } }),
    updateActivity: (activityId, body, signal, version) =>
      request('PATCH', `/api/activities/${encodeURIComponent(activityId)}`, {}, body, signal, {
        ...(version === undefined ? {} : { headers: { 'if-match': `"${version}"` } }),
      }),
    letterProposal: (id, asOf, signal) => request('GET', `${customer(id)}/letters/proposal`, { asOf }, undefined, signal),
    postLetter: (id, body, key, signal) =>
      request('POST', `${customer(id)}/letters`, {}, body, signal, { headers: { 'idempotency-key': key } }),
    letterPreview: (id, q, signal) =>
      request('GET', `${customer(id)}/letters/preview`, { asOf: q.asOf, language: q.language, to: q.to }, undefined, signal, { as: 'text' }),
    letterPdfLink: (letterId, signal) => request('POST', `/api/letters/${encodeURIComponent(letterId)}/pdf-link`, {}, undefined, signal),
    letterHtml: (htmlUrl, signal) => request('GET', htmlUrl, {}, undefined, signal, { as: 'text' }),
    letterPdfBase64: (pdfUrl, signal) => request('GET', pdfUrl, {}, undefined, signal, { as: 'base64' }),
    markLetterSent: (letterId, signal) => request('POST', `/api/letters/${encodeURIComponent(letterId)}/sent`, {}, undefined, signal),
    absoluteUrl: (path) => new URL(`${base}${path}`, globalThis.location?.href).href,
    batchProposal: (asOf, signal) => request('GET', '/api/letters/proposal', { asOf }, undefined, signal),
    startBatch: (body, key, signal) => request('POST', '/api/letters/batch', {}, body, signal, { headers: { 'idempotency-key': key } }),
    batch: (batchId, signal) => request('GET', `/api/letters/batch/${encodeURIComponent(batchId)}`, {}, undefined, signal),
    changeStatus: (id, body, key, signal) =>
      request('POST', `${customer(id)}/transactions/status`, {}, body, signal, { headers: { 'idempotency-key': key } }),
    writeOff: (id, body, key, signal) => request('POST', `${customer(id)}/write-offs`, {}, body, signal, { headers: { 'idempotency-key': key } }),
    settle: (id, body, key, signal) => request('POST', `${customer(id)}/settlements`, {}, body, signal, { headers: { 'idempotency-key': key } }),
    nsf: (transactionId, body, key, signal) =>
      request('POST', `/api/transactions/${encodeURIComponent(transactionId)}/nsf`, {}, body, signal, { headers: { 'idempotency-key': key } }),
    history: (id, transactionId, signal) => request('GET', `${customer(id)}/history`, { transactionId }, undefined, signal),
    putOnHold: (id, body, key, signal) => request('POST', `${customer(id)}/holds`, {}, body, signal, { headers: { 'idempotency-key': key } }),
    liftHold: (holdId, key, signal) => request('POST', `/api/holds/${encodeURIComponent(holdId)}/lift`, {}, {}, signal, { headers: { 'idempotency-key': key } }),
    reasonCodes: (kind, signal) => request('GET', '/api/reason-codes', { kind }, undefined, signal),
    pendingWriteOffs: (customerId, signal) => request('GET', '/api/write-offs', { status: 'pending', customerId }, undefined, signal),
    transactionDocuments: (transactionId, signal) => request('GET', `/api/transactions/${encodeURIComponent(transactionId)}/documents`, {}, undefined, signal),
    statementPreview: (id, q, signal) =>
      request('GET', `${customer(id)}/statements/preview`, { kind: q.kind, asOf: q.asOf, from: q.from }, undefined, signal, { as: 'text' }),
    sendStatement: (id, body, key, signal) => request('POST', `${customer(id)}/statements`, {}, body, signal, { headers: { 'idempotency-key': key } }),
    statementPdfLink: (statementId, signal) => request('POST', `/api/statements/${encodeURIComponent(statementId)}/pdf-link`, {}, undefined, signal),
    agingHistory: (id, q, signal) =>
      request('GET', `${customer(id)}/aging-history`, { months: q.months === undefined ? undefined : String(q.months), asOf: q.asOf }, undefined, signal),
    contracts: (id, asOf, signal) => request('GET', `${customer(id)}/contracts`, { asOf }, undefined, signal),
    decideWriteOff: (writeOffId, decision, key, signal) =>
      request('POST', `/api/write-offs/${encodeURIComponent(writeOffId)}/${decision}`, {}, {}, signal, { headers: { 'idempotency-key': key } }),
    interestProposals: (q, signal) => request('GET', '/api/interest/proposals', { asOf: q.asOf, customerId: q.customerId }, undefined, signal),
    postInterestNotes: (body, key, signal) => request('POST', '/api/interest/notes', {}, body, signal, { headers: { 'idempotency-key': key } }),
    interestCodes: (signal) => request('GET', '/api/interest/codes', {}, undefined, signal),
    addInterestCode: (body, signal) => request('POST', '/api/interest/codes', {}, body, signal),
    updateInterestCode: (code, body, signal) => request('PATCH', `/api/interest/codes/${encodeURIComponent(code)}`, {}, body, signal),
    addReasonCode: (body, signal) => request('POST', '/api/reason-codes', {}, body, signal),
    setReasonCodeActive: (kind, code, active, signal) => request('PATCH', `/api/reason-codes/${kind}/${encodeURIComponent(code)}`, {}, { active }, signal),
    agents: (signal) => request('GET', '/api/agents', {}, undefined, signal),
    setWriteOffLimit: (agentId, writeOffLimit, signal) => request('PATCH', `/api/agents/${encodeURIComponent(agentId)}`, {}, { writeOffLimit }, signal),
    transactionSettlements: (transactionId, signal) => request('GET', `/api/transactions/${encodeURIComponent(transactionId)}/settlements`, {}, undefined, signal),
    reverseSettlement: (settlementId, date, key, signal) =>
      request('DELETE', `/api/settlements/${encodeURIComponent(settlementId)}`, { date }, undefined, signal, { headers: { 'idempotency-key': key } }),
  };
}

/** Bytes to base64 in chunks (a PDF is too long for one String.fromCharCode call). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
