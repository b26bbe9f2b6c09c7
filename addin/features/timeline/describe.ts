// How timeline entries read: a one-line label for letters (level and fee) and activities (type and
// outcome), and each entry's details as label/value pairs in words, dates and amounts of the
// display language, without the raw fields the summary line already says.
import type { CollectionStatus } from '../../../server/http/schemas/common';
import type { TimelineEntry } from '../../../server/http/schemas/timeline';
import type { ActivityOutcome, ActivityStatus, ActivitySyncState, ActivityType } from '../../../server/http/schemas/activities';
import { translate, type MessageKey } from '../../i18n';
import { collectionStatusLabel } from '../../ui/StatusBadge';
import { formatDate, formatMoney, formatNumber } from '../../ui/format';
import { ACTIVITY_TYPES as TYPES, outcomeLabel, STATUSES, statusName, SYNC_STATES as SYNCS, syncName, typeName } from '../activities/labels';
import { localDate } from '../activities/form';

/** Raw fields the server adds for machines, or that the summary line already shows. */
const HIDDEN: Partial<Record<TimelineEntry['type'], Set<string>>> = {
  letter: new Set(['feeAmount', 'feeCurrency', 'levelName', 'level', 'number', 'fee', 'total']),
  activity: new Set(['activityType', 'syncState', 'outcome']),
};

/** Details with a name of their own in the catalog; others read as their key in words. */
const LABELED = new Set(['daysOverdue', 'promiseDate', 'promiseAmount', 'disputeReason', 'followUpAt', 'notes', 'number', 'kind', 'from', 'delivery', 'recipient']);
const DELIVERY = new Set(['reply', 'graph']);
const ACTIVITY_TYPES = new Set<string>(TYPES);
const ACTIVITY_STATUSES = new Set<string>(STATUSES);
const SYNC_STATES = new Set<string>(SYNCS);

function humanize(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function entryLabel(e: TimelineEntry, locale: string): string | null {
  const d = e.details;
  if (e.type === 'letter') {
    const level =
      d.level !== undefined && d.level !== null
        ? `${translate(locale, 'timeline.level', { level: String(d.level) })}${d.levelName ? ` · ${d.levelName}` : ''}`
        : String(d.levelName ?? '');
    const fee =
      typeof d.feeAmount === 'number' && typeof d.feeCurrency === 'string'
        ? ` · ${translate(locale, 'timeline.fee', { amount: formatMoney(d.feeAmount, d.feeCurrency, locale) })}`
        : '';
    return `${level}${fee}`;
  }
  if (e.type === 'activity') {
    const known = ACTIVITY_TYPES.has(String(d.activityType));
    const type = known ? typeName(d.activityType as ActivityType, locale) : translate(locale, 'timeline.type.activity');
    const outcome = outcomeLabel((d.outcome as ActivityOutcome | null) ?? null, locale);
    return outcome ? `${type} · ${outcome}` : type;
  }
  return null;
}

/** One detail in words, or null when it says nothing worth a line (no status, 0 days late). */
function describeValue(e: TimelineEntry, key: string, value: string | number, locale: string): string | null {
  if (key === 'status') {
    if (e.type === 'activity') return ACTIVITY_STATUSES.has(String(value)) ? statusName(value as ActivityStatus, locale) : String(value);
    return value === 'none' ? null : collectionStatusLabel(value as CollectionStatus, locale);
  }
  if (key === 'daysOverdue') return value === 0 ? null : formatNumber(Number(value), locale);
  if (key === 'promiseDate' && typeof value === 'string') return formatDate(value, locale);
  if (key === 'promiseAmount' && typeof value === 'number' && e.currency) return formatMoney(value, e.currency, locale);
  if (key === 'followUpAt' && typeof value === 'string') return formatDate(localDate(new Date(value)), locale);
  if (key === 'delivery') return DELIVERY.has(String(value)) ? translate(locale, `timeline.delivery.${value as 'reply' | 'graph'}`) : String(value);
  return String(value);
}

export function visibleDetails(e: TimelineEntry, locale: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(e.details)) {
    if (v === null || v === '' || HIDDEN[e.type]?.has(k)) continue;
    const text = describeValue(e, k, v, locale);
    if (text === null) continue;
    const label =
      k === 'status' && e.type !== 'activity'
        ? translate(locale, 'timeline.detail.collectionStatus')
        : LABELED.has(k)
          ? translate(locale, `timeline.detail.${k}` as MessageKey & `timeline.detail.${string}`)
          : humanize(k);
    out.push([label, text]);
  }
  if (e.type === 'activity' && typeof e.details.syncState === 'string') {
    out.push(['Outlook', SYNC_STATES.has(String(e.details.syncState)) ? syncName(e.details.syncState as ActivitySyncState, locale) : String(e.details.syncState)]);
  }
  return out;
}
