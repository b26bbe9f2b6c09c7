// The aging history on the overview: one stacked bar per month end (and the as-of date), a segment
// per aging period, from GET /aging-history; the shared accessible chart (ui/charts) draws it.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { AgingHistoryResponse } from '../../../server/http/schemas/statements';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import { BarChart, type ChartGroup, type ChartSeries } from '../../ui/charts/BarChart';
import { ageTone } from '../../ui/charts/tones';
import { ErrorBar } from '../../ui/ErrorBar';
import { translator, useT } from '../../i18n';
import { formatDate } from '../../ui/format';
import { useLocale } from '../../ui/locale';
import { periodLabel } from '../../ui/periods';
import { TabSkeleton } from '../../ui/TabSkeleton';

const useStyles = makeStyles({
  empty: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

/** Months of history on the overview: a year, as the payment marks show. */
export const HISTORY_MONTHS = 12;

/** 'Mar 26': short enough for the label column at 320 px. */
function monthLabel(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

export function historyChart(history: AgingHistoryResponse, locale: string): { series: ChartSeries[]; groups: ChartGroup[] } {
  const t = translator(locale);
  // "Current", then "1–30 days" … "Over 120 days".
  const series = history.periods.map((p, i) => ({
    id: String(i),
    label: p.fromDays === null ? periodLabel(t, p) : t('overview.history.days', { period: periodLabel(t, p) }),
    tone: ageTone(i),
  }));
  const last = history.points.length - 1;
  const groups = history.points.map((point, index) => ({
    id: point.asOf,
    // The month ends read as months; the as-of date (the last bar) as its day.
    label: index === last ? formatDate(point.asOf, locale, 'day') : monthLabel(point.asOf, locale),
    values: Object.fromEntries(point.amounts.map((amount, i) => [String(i), { amount }])),
  }));
  return { series, groups };
}

/** A customer's history (`customerId`), or whatever `load` reads (a pool's, in the workspace). */
export function AgingHistory(
  props:
    | { api: Pick<ApiClient, 'agingHistory'>; customerId: string; asOf: string }
    | { requestKey: string; load: (signal: AbortSignal) => Promise<AgingHistoryResponse> },
) {
  const styles = useStyles();
  const locale = useLocale();
  const t = useT();
  const [key, load] =
    'load' in props
      ? [props.requestKey, props.load]
      : [`${props.customerId}|${props.asOf}`, (signal: AbortSignal) => props.api.agingHistory(props.customerId, { months: HISTORY_MONTHS, asOf: props.asOf }, signal)];
  const { state, retry } = useRequest<AgingHistoryResponse>(key, load);
  if (state.status === 'loading') return <TabSkeleton rows={3} />;
  if (state.status === 'error') return <ErrorBar title={t('overview.history.failed')} error={state.error} onRetry={retry} />;
  const history = state.data;
  if (!history.points.some((p) => p.amounts.some((a) => a > 0))) return <p className={styles.empty}>{t('overview.history.empty')}</p>;
  const { series, groups } = historyChart(history, locale);
  return (
    <BarChart
      title={t('overview.history.title')}
      currency={history.currency}
      series={series}
      groups={groups}
      mode="stacked"
      groupHeader={t('overview.history.monthEnd')}
    />
  );
}
