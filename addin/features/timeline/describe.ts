// How letters and activities read in the timeline: a one-line label (level and fee; type and
// outcome) and the details worth showing, without the raw fields the label already says.
import type { ActivityOutcome, ActivityType, TimelineEntry } from '../../../server/http/contract';
import { outcomeLabel, syncLabel, typeLabel } from '../activities/labels';
import { formatMoney } from '../../ui/format';

/** Raw fields the server adds for machines; the label shows them formatted. */
const HIDDEN = new Set(['feeAmount', 'feeCurrency', 'activityType', 'syncState', 'levelName', 'level']);

export function entryLabel(e: TimelineEntry, locale: string): string | null {
  const d = e.details;
  if (e.type === 'letter') {
    const level = d.level !== undefined && d.level !== null ? `Level ${d.level}${d.levelName ? ` · ${d.levelName}` : ''}` : String(d.levelName ?? '');
    const fee =
      typeof d.feeAmount === 'number' && typeof d.feeCurrency === 'string' ? ` · fee ${formatMoney(d.feeAmount, d.feeCurrency, locale)}` : '';
    return `${level}${fee}`;
  }
  if (e.type === 'activity') {
    const type = typeLabel[d.activityType as ActivityType] ?? 'Activity';
    const outcome = outcomeLabel((d.outcome as ActivityOutcome | null) ?? null);
    return outcome ? `${type} · ${outcome}` : type;
  }
  return null;
}

export function visibleDetails(e: TimelineEntry): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(e.details)) {
    if (v === null || v === '') continue;
    if ((e.type === 'letter' || e.type === 'activity') && HIDDEN.has(k)) continue;
    if (e.type === 'activity' && k === 'outcome') continue;
    out.push([k, String(v)]);
  }
  if (e.type === 'activity' && typeof e.details.syncState === 'string') {
    out.push(['outlook', syncLabel[e.details.syncState as keyof typeof syncLabel] ?? e.details.syncState]);
  }
  return out;
}
