// An in-memory Pools API for the worklist's component tests: pools, a pool of `size` customers in
// priority order paged by a cursor, and a chart; every call is a spy.
import { vi } from 'vitest';
import type { PoolsClient, WorklistQuery } from '../../../../addin/features/worklist/client';
import type { ChartResponse, PoolListResponse, WorklistItem, WorklistResponse } from '../../../../addin/features/worklist/types';

export function worklistItem(i: number, over: Partial<WorklistItem> = {}): WorklistItem {
  return {
    customer: { id: `c${i}`, account: `C-${String(i).padStart(4, '0')}`, name: `Customer ${i}` },
    balance: 100_000 - i,
    overdue: 50_000 - i,
    oldestOverdueDays: 90 - (i % 90),
    priority: 1000 - i,
    lastActivityAt: i % 3 === 0 ? null : '2026-11-20T10:00:00Z',
    nextFollowUpAt: null,
    flags: { brokenPromise: i % 5 === 0, disputed: i % 7 === 0, onHold: false, overCreditLimit: false },
    ...over,
  };
}

export const chart: ChartResponse = {
  asOf: '2026-12-04',
  currency: 'USD',
  byStatus: [
    { status: 'none', amount: 5_000_000, count: 90 },
    { status: 'promise_to_pay', amount: 300_000, count: 6 },
    { status: 'promise_broken', amount: 120_000, count: 3 },
    { status: 'disputed', amount: 1_234_567, count: 8 },
    { status: 'resolved', amount: 0, count: 0 },
  ],
  byPeriod: [
    { label: 'Current', fromDays: null, toDays: 0, amount: 2_000_000, count: 40 },
    { label: '1–30', fromDays: 1, toDays: 30, amount: 1_000_000, count: 30 },
    { label: '31–60', fromDays: 31, toDays: 60, amount: 500_000, count: 12 },
  ],
};

export function fakePools(opts: { size?: number; account?: string } = {}) {
  const size = opts.size ?? 120;
  const all = Array.from({ length: size }, (_, i) => worklistItem(i + 1));
  const list: PoolListResponse = {
    items: [
      { id: 'all', name: 'All customers', criteria: {}, createdBy: null, updatedAt: null, version: 0 },
      { id: 'p-north', name: 'North', criteria: { salesArea: ['North'] }, createdBy: 'm', updatedAt: '2026-12-01T00:00:00Z', version: 1 },
    ],
    defaultPoolId: 'p-north',
  };
  const matching = (q: WorklistQuery) =>
    all.filter(
      (item) =>
        (!q.search || item.customer.name.toLowerCase().includes(q.search.toLowerCase())) &&
        (q.filter?.kind !== 'status' || q.filter.status !== 'disputed' || item.flags.disputed),
    );
  const client = {
    pools: vi.fn(async (_signal?: AbortSignal) => structuredClone(list)),
    setDefault: vi.fn(async (poolId: string, _signal?: AbortSignal) => {
      list.defaultPoolId = poolId;
      return { defaultPoolId: poolId };
    }),
    customers: vi.fn(async (_poolId: string, q: WorklistQuery, _signal?: AbortSignal): Promise<WorklistResponse> => {
      const rows = matching(q);
      const start = q.cursor ? Number(q.cursor) : 0;
      const end = start + (q.limit ?? 50);
      return { asOf: '2026-12-04', currency: 'USD', total: rows.length, nextCursor: end < rows.length ? String(end) : null, items: rows.slice(start, end) };
    }),
    chart: vi.fn(async (_poolId: string, _signal?: AbortSignal) => chart),
    preview: vi.fn(async () => ({ customers: 0, overdue: 0, currency: 'USD' })),
    create: vi.fn(async () => {
      throw new Error('not part of this test');
    }),
    update: vi.fn(async () => {
      throw new Error('not part of this test');
    }),
    remove: vi.fn(async () => undefined),
    accountKey: vi.fn(async () => opts.account ?? 'agent-1'),
  } satisfies PoolsClient;
  return client;
}

/**
 * jsdom lays nothing out: give scrolling elements a 600 px viewport and a scrollTop that sticks,
 * so the virtualised list renders the rows a real pane would show.
 */
export function fakeLayout(): () => void {
  const offsets = new WeakMap<Element, number>();
  const height = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  const top = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop');
  const scrollHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  // The content's height is the list's own (the virtualizer sets it inline).
  Object.defineProperty(Element.prototype, 'scrollHeight', {
    configurable: true,
    get(this: Element) {
      return Math.max(600, parseFloat((this.firstElementChild as HTMLElement | null)?.style.height ?? '') || 0);
    },
  });
  Object.defineProperty(Element.prototype, 'scrollTop', {
    configurable: true,
    get(this: Element) {
      return offsets.get(this) ?? 0;
    },
    set(this: Element, v: number) {
      offsets.set(this, v);
    },
  });
  const scrollTo = Element.prototype.scrollTo;
  Element.prototype.scrollTo = function (this: Element, arg?: ScrollToOptions | number) {
    if (typeof arg === 'object' && arg.top !== undefined) offsets.set(this, arg.top);
  } as typeof Element.prototype.scrollTo;
  return () => {
    if (height) Object.defineProperty(HTMLElement.prototype, 'clientHeight', height);
    if (top) Object.defineProperty(Element.prototype, 'scrollTop', top);
    if (scrollHeight) Object.defineProperty(Element.prototype, 'scrollHeight', scrollHeight);
    Element.prototype.scrollTo = scrollTo;
  };
}
