// The ledger timeline: newest first, settlements shown from both sides, merged with other events
// (read as the API's JSON).
import { describe, expect, it } from 'vitest';
import { buildTimeline, mergeTimeline } from '../../../server/domain/timeline';
import { timelineEntryJson } from '../../../server/http/mappers/timeline';
import type { TimelineEntry } from '../../../server/http/schemas/timeline';
import { entry, settle } from './builders';

const entries = [
  entry({ id: 'inv', document: 'INV-1', amount: 1000n, postingDate: '2026-01-10', dueDate: '2026-02-09',
    collectionStatus: 'disputed', statusDate: '2026-01-20', disputeReason: 'Wrong price' }),
  entry({ id: 'pay', document: 'PAY-1', amount: -400n, postingDate: '2026-02-01' }),
  entry({ id: 'cn', document: 'CN-1', kind: 'credit_note', amount: -100n, postingDate: '2026-02-01' }),
  entry({ id: 'old', document: 'INV-0', amount: 5n, postingDate: '2025-01-01' }),
];
const settlements = [settle('inv', 'pay', 400n, '2026-02-01'), settle('inv', 'cn', 100n, '2026-03-01')];

describe('buildTimeline', () => {
  const timeline = buildTimeline(entries, settlements, '2025-06-01', '2026-12-31', '2026-02-15').map(timelineEntryJson);

  it('lists the entries in the window newest first', () => {
    expect(timeline.map((t) => t.title)).toEqual(['PAY-1', 'CN-1', 'INV-1']);
  });

  it('shows what settled an invoice, and what a payment settled, as of the as-of date', () => {
    const invoice = timeline.find((t) => t.id === 'inv') as TimelineEntry;
    expect(invoice).toMatchObject({ type: 'invoice', date: '2026-01-10', amount: 1000, open: 600, dueDate: '2026-02-09', currency: 'USD' });
    expect(invoice.settlements).toEqual([{ document: 'PAY-1', kind: 'payment', date: '2026-02-01', amount: 400 }]);
    expect(invoice.details).toEqual({ status: 'disputed', daysOverdue: 6, disputeReason: 'Wrong price' });
    expect(timeline.find((t) => t.id === 'pay')?.settlements).toEqual([{ document: 'INV-1', kind: 'invoice', date: '2026-02-01', amount: 400 }]);
    expect(timeline.find((t) => t.id === 'cn')).toMatchObject({ open: -100, settlements: [] });
  });
});

describe('mergeTimeline', () => {
  const event = (id: string, date: string): TimelineEntry => ({
    id, type: 'activity', date, title: id, currency: null, amount: null, dueDate: null, open: null, settlements: [], details: {},
  });

  it('merges lists newest first, keeping each list order on the same date', () => {
    const merged = mergeTimeline([event('a', '2026-03-01'), event('b', '2026-01-01')], [event('c', '2026-02-01'), event('d', '2026-01-01')]);
    expect(merged.map((e) => e.id)).toEqual(['a', 'c', 'b', 'd']);
  });
});
