// The pool's status chart: the open amount and customers by collection status, or the overdue by
// aging period, as bars in the Fluent look. A bar filters the list (the bar stays pressed while its
// filter applies); the series switched off are remembered for the signed-in agent.
import { makeStyles, Skeleton, SkeletonItem, Tab, TabList, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useRequest } from '../../api/useRequest';
import { useT, type Translate } from '../../i18n';
import { BarChart, type ChartBar, type ChartGroup, type ChartSeries } from '../../ui/charts/BarChart';
import { ageTone, type ChartTone } from '../../ui/charts/tones';
import { ErrorBar } from '../../ui/ErrorBar';
import { periodLabel } from '../../ui/periods';
import { collectionStatusLabel } from '../../ui/StatusBadge';
import type { PoolsClient, WorklistFilter } from './client';
import { readHiddenSeries, writeHiddenSeries, type HiddenSeries } from './storage';
import type { ChartResponse } from './types';

type StatusKey = ChartResponse['byStatus'][number]['status'];

const STATUS_TONES: Record<StatusKey, ChartTone> = {
  none: 'neutral',
  promise_to_pay: 'informative',
  promise_broken: 'danger',
  disputed: 'warning',
  resolved: 'success',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  both: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** The chart counts open items (documents), not customers. */
export const itemsText = (n: number, t: Translate) => t('worklist.chart.items', { count: n });

/** Series and groups of the chart's two views (each status or period is its own series and bar). */
export function chartModel(chart: ChartResponse, t: Translate) {
  const status = (s: StatusKey) => collectionStatusLabel(s, t.locale);
  const statusSeries: ChartSeries[] = chart.byStatus.map((s) => ({ id: s.status, label: status(s.status), tone: STATUS_TONES[s.status] }));
  const statusGroups: ChartGroup[] = chart.byStatus.map((s) => ({
    id: s.status,
    label: status(s.status),
    values: { [s.status]: { amount: s.amount, count: s.count } },
  }));
  // The server's label stays the series' id (the filter keeps it); the name is the display language's.
  const periodSeries: ChartSeries[] = chart.byPeriod.map((p, i) => ({ id: p.label, label: periodLabel(t, p), tone: ageTone(i) }));
  const periodGroups: ChartGroup[] = chart.byPeriod.map((p, i) => ({
    id: String(i),
    label: periodLabel(t, p),
    values: { [p.label]: { amount: p.amount, count: p.count } },
  }));
  return { statusSeries, statusGroups, periodSeries, periodGroups };
}

export function StatusChart(props: {
  client: PoolsClient;
  poolId: string;
  filter: WorklistFilter | null;
  onFilter(filter: WorklistFilter | null): void;
  view: 'status' | 'period';
  onViewChange(view: 'status' | 'period'): void;
  /** Both views one above the other (the workspace) instead of a switch between them (the pane). */
  showBoth?: boolean;
  refreshKey?: number;
}) {
  const styles = useStyles();
  const t = useT();
  const { state, retry } = useRequest<ChartResponse>(`${props.poolId}|${props.refreshKey ?? 0}`, (signal) => props.client.chart(props.poolId, signal));
  const [account, setAccount] = useState<string | null>(null);
  const [hidden, setHidden] = useState<HiddenSeries>({ status: [], period: [] });
  useEffect(() => {
    let live = true;
    void props.client.accountKey().then((key) => {
      if (!live) return;
      setAccount(key);
      setHidden(readHiddenSeries(key));
    });
    return () => {
      live = false;
    };
  }, [props.client]);
  const changeHidden = (view: keyof HiddenSeries, ids: string[]) => {
    const next = { ...hidden, [view]: ids };
    setHidden(next);
    if (account) writeHiddenSeries(account, next);
  };

  if (state.status === 'loading') {
    return (
      <Skeleton aria-label={t('worklist.chart.loading')}>
        <SkeletonItem size={16} />
        <SkeletonItem size={16} />
        <SkeletonItem size={16} />
      </Skeleton>
    );
  }
  if (state.status === 'error') return <ErrorBar title={t('worklist.chart.failed')} error={state.error} onRetry={retry} />;

  const chart = state.data;
  const model = chartModel(chart, t);
  const describeCount = (n: number) => itemsText(n, t);
  const selected: ChartBar | null =
    props.filter?.kind === 'status'
      ? { groupId: props.filter.status, seriesId: props.filter.status }
      : props.filter?.kind === 'period'
        ? { groupId: String(props.filter.period), seriesId: chart.byPeriod[props.filter.period]?.label ?? '' }
        : null;
  // A second click on the pressed bar lifts its filter.
  const pick = (filter: WorklistFilter, bar: ChartBar) =>
    props.onFilter(selected && selected.groupId === bar.groupId && selected.seriesId === bar.seriesId ? null : filter);

  const statusChart = (
    <BarChart
      title={t('worklist.chart.byStatusTitle')}
      groupHeader={t('worklist.chart.status')}
      currency={chart.currency}
      series={model.statusSeries}
      groups={model.statusGroups}
      hidden={hidden.status}
      onHiddenChange={(ids) => changeHidden('status', ids)}
      describeCount={describeCount}
      selected={selected}
      onSelect={(bar) => pick({ kind: 'status', status: bar.groupId, label: collectionStatusLabel(bar.groupId as StatusKey, t.locale) }, bar)}
    />
  );
  const periodChart = (
    <BarChart
      title={t('worklist.chart.byAgeTitle')}
      groupHeader={t('worklist.chart.period')}
      currency={chart.currency}
      series={model.periodSeries}
      groups={model.periodGroups}
      hidden={hidden.period}
      onHiddenChange={(ids) => changeHidden('period', ids)}
      describeCount={describeCount}
      selected={selected}
      onSelect={(bar) => pick({ kind: 'period', period: Number(bar.groupId), label: model.periodGroups[Number(bar.groupId)]?.label ?? bar.seriesId }, bar)}
    />
  );

  if (props.showBoth) {
    return (
      <div className={styles.both}>
        {statusChart}
        {periodChart}
      </div>
    );
  }
  return (
    <div className={styles.root}>
      <TabList size="small" selectedValue={props.view} onTabSelect={(_, d) => props.onViewChange(d.value as 'status' | 'period')} aria-label={t('worklist.chart.tabs')}>
        <Tab value="status">{t('worklist.chart.byStatus')}</Tab>
        <Tab value="period">{t('worklist.chart.byAge')}</Tab>
      </TabList>
      <div role="tabpanel" aria-label={props.view === 'status' ? t('worklist.chart.byStatus') : t('worklist.chart.byAge')}>
        {props.view === 'status' ? statusChart : periodChart}
      </div>
    </div>
  );
}
