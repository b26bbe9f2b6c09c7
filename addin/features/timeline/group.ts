// Groups timeline entries by calendar month, newest month first, newest entry first within it.
import type { TimelineEntry } from '../../../server/http/schemas/timeline';

export interface MonthGroup {
  /** 'YYYY-MM' */
  month: string;
  entries: TimelineEntry[];
}

export function groupByMonth(entries: readonly TimelineEntry[]): MonthGroup[] {
  const sorted = [...entries].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const groups: MonthGroup[] = [];
  for (const e of sorted) {
    const month = e.date.slice(0, 7);
    const last = groups[groups.length - 1];
    if (last && last.month === month) last.entries.push(e);
    else groups.push({ month, entries: [e] });
  }
  return groups;
}

/** The year up to `to` inclusive: from is the day after the same date a year earlier. */
export function yearEnding(to: string): { from: string; to: string } {
  const [y, m, d] = to.split('-').map(Number);
  const start = new Date(Date.UTC((y ?? 1970) - 1, (m ?? 1) - 1, (d ?? 1) + 1));
  return { from: start.toISOString().slice(0, 10), to };
}
