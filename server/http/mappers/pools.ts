// Pools, worklist pages, previews and charts at the JSON edge: money as JSON integers of accounting
// minor units, dates as YYYY-MM-DD, instants as ISO strings; criteria both ways.
import { DEFAULT_AGING_PERIODS } from '../../domain/aging';
import { toJsonMinor } from '../../domain/money';
import type { PoolCriteria } from '../../domain/pools/criteria';
import type { Pool } from '../../db/repositories/pools';
import type { PoolChart, PoolPreview, WorklistPage } from '../../db/repositories/worklist';
import type { ChartResponse, PoolCriteriaJson, PoolPreviewResponse, PoolResponse, WorklistResponse } from '../schemas/pools';

export function criteriaJson(criteria: PoolCriteria): PoolCriteriaJson {
  const { balance, overdue, ...rest } = criteria;
  const range = (r: { min?: bigint; max?: bigint }) => ({
    ...(r.min !== undefined ? { min: toJsonMinor(r.min) } : {}),
    ...(r.max !== undefined ? { max: toJsonMinor(r.max) } : {}),
  });
  return { ...rest, ...(balance ? { balance: range(balance) } : {}), ...(overdue ? { overdue: range(overdue) } : {}) };
}

export function poolJson(pool: Pool): PoolResponse {
  return {
    id: pool.id,
    name: pool.name,
    criteria: criteriaJson(pool.criteria),
    createdBy: pool.createdBy,
    updatedAt: pool.updatedAt?.toISOString() ?? null,
    version: pool.version,
  };
}

export function previewJson(preview: PoolPreview, currency: string): PoolPreviewResponse {
  return { customers: preview.customers, overdue: toJsonMinor(preview.overdue), currency };
}

export function worklistJson(page: WorklistPage, asOf: string, currency: string): WorklistResponse {
  return {
    asOf,
    currency,
    total: page.total,
    nextCursor: page.nextCursor,
    items: page.items.map((entry) => ({
      customer: { id: entry.id, account: entry.account, name: entry.name },
      balance: toJsonMinor(entry.balance),
      overdue: toJsonMinor(entry.overdue),
      oldestOverdueDays: entry.oldestOverdueDays,
      priority: entry.priority,
      lastActivityAt: entry.lastActivityAt?.toISOString() ?? null,
      nextFollowUpAt: entry.nextFollowUpOn,
      flags: { brokenPromise: entry.brokenPromises > 0, disputed: entry.disputes > 0, onHold: entry.onHold, overCreditLimit: entry.overCreditLimit },
    })),
  };
}

export function chartJson(chart: PoolChart, asOf: string, currency: string): ChartResponse {
  return {
    asOf,
    currency,
    byStatus: chart.byStatus.map((s) => ({ status: s.status, amount: toJsonMinor(s.amount), count: s.count })),
    byPeriod: chart.byPeriod.map((p, i) => {
      const period = DEFAULT_AGING_PERIODS[i]!;
      return { label: period.label, fromDays: period.fromDays, toDays: period.toDays, amount: toJsonMinor(p.amount), count: p.count };
    }),
  };
}
