// A report of a few customers and an in-memory reports client for the report view's tests.
import { vi } from 'vitest';
import type { ReportsClient } from '../../../../addin/features/reports/client';
import type { AgedCustomerJson, AgedReceivablesResponse } from '../../../../server/http/schemas/reports';

const PERIODS = ['Current', '1–30', '31–60', '61–90', '91–120', 'Over 120'].map((label, i) => ({
  label,
  fromDays: i === 0 ? null : i === 1 ? 1 : 30 * (i - 1) + 1,
  toDays: i === 5 ? null : i * 30,
}));

function customer(account: string, name: string, buckets: number[]): AgedCustomerJson {
  const balance = buckets.reduce((a, b) => a + b, 0);
  return { id: `id-${account}`, account, name, balance, overdue: balance - buckets[0]!, buckets };
}

export function sampleReport(count = 3): AgedReceivablesResponse {
  const customers = [
    customer('C-001', 'Contoso Retail Ltd', [10_000, 5_000, 0, 0, 0, 0]),
    customer('C-002', 'Fabrikam Inc', [0, 0, 0, 0, 0, 90_000]),
    customer('C-003', 'Adventure Works', [2_500, 0, 1_000, 0, 0, 0]),
    ...Array.from({ length: Math.max(0, count - 3) }, (_, i) => customer(`D-${String(i).padStart(4, '0')}`, `Northwind ${i}`, [100, 0, 0, 0, 0, 0])),
  ];
  const sum = (pick: (c: AgedCustomerJson) => number) => customers.reduce((a, c) => a + pick(c), 0);
  const buckets = PERIODS.map((_, i) => sum((c) => c.buckets[i]!));
  return {
    asOf: '2026-11-30',
    by: 'due_date',
    currency: 'USD',
    periods: PERIODS,
    customers,
    totals: {
      balance: sum((c) => c.balance),
      overdue: sum((c) => c.overdue),
      buckets,
      byCurrency: [
        { currency: 'EUR', balance: 80_000, buckets: [0, 0, 0, 0, 0, 80_000] },
        { currency: 'USD', balance: sum((c) => c.balance) - 90_000, buckets: buckets.map((b, i) => (i === 5 ? b - 90_000 : b)) },
      ],
    },
  };
}

export function fakeReports(report: AgedReceivablesResponse, opts: { manager?: boolean; chunks?: Uint8Array[] } = {}): ReportsClient {
  return {
    report: vi.fn(async (q) => (q.customers === 'none' ? { ...report, customers: [] } : report)),
    download: vi.fn(async (_q, _format, onProgress) => {
      let received = 0;
      for (const chunk of opts.chunks ?? [new Uint8Array(10)]) {
        received += chunk.byteLength;
        onProgress({ received, total: null });
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return new Blob((opts.chunks ?? [new Uint8Array(10)]) as BlobPart[]);
    }),
    subscription: vi.fn(async () => {
      if (!opts.manager) throw new Error('403');
      return { subscribed: false, lastMonthEnd: null };
    }),
    setSubscription: vi.fn(async (subscribed: boolean) => ({ subscribed, lastMonthEnd: null })),
  };
}
