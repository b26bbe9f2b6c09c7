// A simulated mailbox (MailHost) and an in-memory API client for the pane's component tests.
import { act } from '@testing-library/react';
import { vi } from 'vitest';
import type { ApiClient } from '../../../addin/api/client';
import type { WriteOffsResponse } from '../../../server/http/schemas/money-actions';
import type { MailHost, MailItemSnapshot } from '../../../addin/office/host';
import type { CustomerSearchResponse, LookupMatch, LookupResponse } from '../../../server/http/schemas/customers';
import type { ContractsResponse } from '../../../server/http/schemas/contracts';
import type { AgingHistoryResponse } from '../../../server/http/schemas/statements';
import type { CustomerSummary } from '../../../server/http/schemas/summary';
import type { TimelineResponse } from '../../../server/http/schemas/timeline';
import type { TransactionItem, TransactionsResponse } from '../../../server/http/schemas/transactions';

export class FakeHost implements MailHost {
  displayLanguage = 'en-US';
  dark = false;
  private item: MailItemSnapshot | null;
  private listeners = new Set<() => void>();
  constructor(item: MailItemSnapshot | null) {
    this.item = item;
  }
  isDarkTheme(): boolean {
    return this.dark;
  }
  currentItem(): MailItemSnapshot | null {
    return this.item;
  }
  onItemChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  /** The agent selects another email (or none). */
  select(item: MailItemSnapshot | null): void {
    this.item = item;
    act(() => this.listeners.forEach((l) => l()));
  }
}

export function email(from: string, opts: { subject?: string; body?: string; name?: string } = {}): MailItemSnapshot {
  return {
    itemId: `id-${from}-${opts.subject ?? ''}`,
    mode: 'read',
    subject: opts.subject ?? 'Hello',
    counterparts: [{ displayName: opts.name ?? from.split('@')[0]!, emailAddress: from }],
    getBodyText: async () => opts.body ?? '',
  };
}

export function summary(id: string, name: string, over: Partial<CustomerSummary> = {}): CustomerSummary {
  return {
    customer: {
      id,
      account: `C-${id}`,
      name,
      group: null,
      salesArea: null,
      paymentTerms: 'Net 30',
      currency: 'USD',
      status: 'active',
      customerSince: '2019-04-01',
      domains: [],
    },
    asOf: '2025-06-30',
    currency: 'USD',
    balance: 1248000,
    overdue: 795000,
    creditLimit: 1000000,
    creditRemaining: -248000,
    creditRating: 'B',
    creditRatingSource: 'imported',
    aging: [
      { label: 'Current', fromDays: null, toDays: 0, amount: 453000 },
      { label: '1–30', fromDays: 1, toDays: 30, amount: 300000 },
      { label: '31–60', fromDays: 31, toDays: 60, amount: 495000 },
      { label: '61–90', fromDays: 61, toDays: 90, amount: 0 },
      { label: '91–120', fromDays: 91, toDays: 120, amount: 0 },
      { label: 'Over 120', fromDays: 121, toDays: null, amount: 0 },
    ],
    overdueHistory: [
      { asOf: '2025-05-01', amount: 500000 },
      { asOf: '2025-05-31', amount: 900000 },
      { asOf: '2025-06-30', amount: 795000 },
    ],
    outstandingInvoices: 4,
    balancesByCurrency: [{ currency: 'USD', balance: 1248000, overdue: 795000 }],
    paymentHistory: {
      onTimeShare: 0.75,
      averageDaysLate: 6.5,
      dso: 48,
      months: Array.from({ length: 12 }, (_, i) => ({
        month: `${i < 6 ? 2024 : 2025}-${String(((i + 6) % 12) + 1).padStart(2, '0')}`,
        invoices: i % 4 === 3 ? 0 : 2,
        paidOnTime: i % 4 === 1 ? 1 : i % 4 === 3 ? 0 : 2,
        paidLate: i % 4 === 1 ? 1 : 0,
        unpaid: 0,
        state: i % 4 === 1 ? ('late' as const) : i % 4 === 3 ? ('none' as const) : ('on_time' as const),
      })),
    },
    collection: { promises: 0, brokenPromises: 0, disputes: 0 },
    contracts: { active: 0 },
    ...over,
  };
}

export function tx(document: string, over: Partial<TransactionItem> = {}): TransactionItem {
  return {
    id: `t-${document}`,
    kind: 'invoice',
    document,
    postingDate: '2025-04-01',
    dueDate: '2025-05-01',
    currency: 'USD',
    amount: 100000,
    open: 100000,
    openAccounting: 100000,
    daysOverdue: 60,
    collectionStatus: 'none',
    statusDate: null,
    promiseDate: null,
    promiseAmount: null,
    disputeReason: null,
    version: 1,
    statusSetBy: null,
    ...over,
  };
}

export interface World {
  lookups: Record<string, LookupMatch[]>;
  summaries: Record<string, CustomerSummary>;
  transactions: Record<string, TransactionItem[]>;
}

function notInWorld() {
  return vi.fn(async (..._args: unknown[]): Promise<never> => {
    throw new Error('not part of this test world');
  });
}

export function fakeApi(world: World) {
  const totals = (items: TransactionItem[]) => {
    const by = new Map<string, number>();
    for (const t of items) by.set(t.currency, (by.get(t.currency) ?? 0) + t.open);
    return [...by].map(([currency, open]) => ({ currency, open }));
  };
  const api = {
    lookup: vi.fn(async (email: string, _signal?: AbortSignal): Promise<LookupResponse> => ({ matches: world.lookups[email] ?? [] })),
    search: vi.fn(async (_q: string, _signal?: AbortSignal): Promise<CustomerSearchResponse> => ({ items: [], total: 0, limit: 20, offset: 0 })),
    summary: vi.fn(async (id: string, asOf?: string, _signal?: AbortSignal): Promise<CustomerSummary> => {
      const s = world.summaries[id];
      if (!s) throw new Error(`no summary for ${id}`);
      return asOf ? { ...s, asOf } : s;
    }),
    transactions: vi.fn(async (id: string, q: { status: 'open' | 'all'; asOf?: string }, _signal?: AbortSignal): Promise<TransactionsResponse> => {
      const all = world.transactions[id] ?? [];
      const items = q.status === 'open' ? all.filter((t) => t.open !== 0) : all;
      return { asOf: q.asOf ?? '2025-06-30', accountingCurrency: 'USD', items, totals: totals(items) };
    }),
    timeline: vi.fn(async (_id: string, _q: { from?: string; to?: string }, _signal?: AbortSignal): Promise<TimelineResponse> => ({ from: '2024-07-01', to: '2025-06-30', entries: [] })),
    linkContact: vi.fn(async (_id: string, _c: { email: string; name: string }, _signal?: AbortSignal): Promise<void> => undefined),
    // Activities, letters, drafts and sign-in: the tests of those features replace what they use.
    drafts: notInWorld(),
    authConfig: notInWorld(),
    activities: notInWorld(),
    createActivity: notInWorld(),
    updateActivity: notInWorld(),
    letterProposal: notInWorld(),
    postLetter: notInWorld(),
    letterPreview: notInWorld(),
    letterPdfLink: notInWorld(),
    letterHtml: notInWorld(),
    letterPdfBase64: notInWorld(),
    markLetterSent: notInWorld(),
    absoluteUrl: (path: string) => path,
    batchProposal: notInWorld(),
    startBatch: notInWorld(),
    batch: notInWorld(),
    changeStatus: notInWorld(),
    writeOff: notInWorld(),
    settle: notInWorld(),
    nsf: notInWorld(),
    putOnHold: notInWorld(),
    liftHold: notInWorld(),
    history: notInWorld(),
    reasonCodes: notInWorld(),
    pendingWriteOffs: vi.fn(async (_id: string, _signal?: AbortSignal): Promise<WriteOffsResponse> => ({ items: [] })),
    decideWriteOff: notInWorld(),
    transactionDocuments: notInWorld(),
    interestProposals: notInWorld(),
    postInterestNotes: notInWorld(),
    interestCodes: notInWorld(),
    addInterestCode: notInWorld(),
    updateInterestCode: notInWorld(),
    addReasonCode: notInWorld(),
    setReasonCodeActive: notInWorld(),
    agents: notInWorld(),
    setWriteOffLimit: notInWorld(),
    transactionSettlements: notInWorld(),
    reverseSettlement: notInWorld(),
    statementPreview: notInWorld(),
    sendStatement: notInWorld(),
    statementPdfLink: notInWorld(),
    // No history: the overview's chart says so and the other figures show as ever.
    agingHistory: vi.fn(async (_id: string, q: { months?: number; asOf?: string }, _signal?: AbortSignal): Promise<AgingHistoryResponse> => ({
      asOf: q.asOf ?? '2025-06-30', currency: 'USD', periods: [], points: [],
    })),
    contracts: vi.fn(async (_id: string, asOf?: string, _signal?: AbortSignal): Promise<ContractsResponse> => ({ asOf: asOf ?? '2025-06-30', active: 0, items: [] })),
  } satisfies ApiClient;
  return api;
}

/** A promise the test settles by hand, to play answers out of order. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
