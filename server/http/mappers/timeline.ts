// Timeline entries as GET /api/customers/:id/timeline answers them: money, in the amounts and in
// the hover card's details, as JSON minor units.
import type { TimelineDetail, TimelineEntry as DomainTimelineEntry } from '../../domain/timeline';
import { toJsonMinor } from '../../domain/money';
import type { TimelineEntry } from '../schemas/timeline';
import { nullableJsonMinor } from './money';

function detailJson(value: TimelineDetail): string | number | null {
  return typeof value === 'bigint' ? toJsonMinor(value) : value;
}

export function timelineEntryJson(entry: DomainTimelineEntry): TimelineEntry {
  return {
    id: entry.id,
    type: entry.type,
    date: entry.date,
    title: entry.title,
    currency: entry.currency,
    amount: nullableJsonMinor(entry.amount),
    dueDate: entry.dueDate,
    open: nullableJsonMinor(entry.open),
    settlements: entry.settlements.map((s) => ({ document: s.document, kind: s.kind, date: s.date, amount: toJsonMinor(s.amount) })),
    details: Object.fromEntries(Object.entries(entry.details).map(([key, value]) => [key, detailJson(value)])),
  };
}
