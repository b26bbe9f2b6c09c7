// The agent's worklist: the pool (switchable, the default remembered by the server), its status
// chart whose bars filter the list, a search, and the customers in priority order. Its place (pool,
// filter, search, loaded rows, scroll offset) lives in the memory handed down, so it survives a
// visit to a customer.
import { Button, makeStyles, mergeClasses, SearchBox, Spinner, Text, tokens } from '@fluentui/react-components';
import { DismissRegular, OpenRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useRequest } from '../../api/useRequest';
import { useT } from '../../i18n';
import { ErrorBar } from '../../ui/ErrorBar';
import type { PoolsClient, WorklistFilter } from './client';
import type { WorklistMemory } from './memory';
import { PoolSwitcher } from './PoolSwitcher';
import { StatusChart } from './StatusChart';
import type { PoolListResponse, WorklistItem } from './types';
import { useWorklistRows } from './useWorklistRows';
import { WorklistList } from './WorklistList';

const SEARCH_DELAY_MS = 300;

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, paddingTop: tokens.spacingVerticalS },
  padded: { paddingInline: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  heading: { margin: 0, flexGrow: 1, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  filterLine: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  paneList: { height: '60vh' },
  // The workspace: the chart beside the list, each with its own column.
  wide: { display: 'grid', gridTemplateColumns: 'minmax(280px, 2fr) minmax(360px, 3fr)', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  wideList: { height: 'calc(100vh - 220px)' },
});

export function Worklist(props: {
  client: PoolsClient;
  memory: WorklistMemory;
  onOpenCustomer(item: WorklistItem): void;
  layout?: 'pane' | 'workspace';
  /** The pane: opens the workspace in a larger window. */
  onOpenWorkspace?(): void;
  /** Shown when the worklist was opened over an email's customer: back to that customer. */
  onClose?(): void;
  /** Changes when pools were edited (the workspace's editor), to read them again. */
  poolsVersion?: number;
  /** The pool shown, for the workspace's editor beside the list. */
  onPoolShown?(poolId: string): void;
}) {
  const styles = useStyles();
  const t = useT();
  const { client, memory } = props;
  const wide = props.layout === 'workspace';
  const pools = useRequest<PoolListResponse>(`pools|${props.poolsVersion ?? 0}`, (signal) => client.pools(signal));
  const [defaultPoolId, setDefaultPoolId] = useState<string | null>(null);
  const [savingDefault, setSavingDefault] = useState(false);
  const [defaultError, setDefaultError] = useState<unknown>(null);
  const [poolId, setPoolId] = useState<string | null>(memory.poolId);
  const [filter, setFilter] = useState<WorklistFilter | null>(memory.filter);
  const [search, setSearch] = useState(memory.search);
  const [query, setQuery] = useState(memory.search);
  const [chartView, setChartView] = useState(memory.chartView);

  const list = pools.state.status === 'done' ? pools.state.data : null;
  // The pool shown: the one chosen, while it exists; else the agent's default; else every customer.
  const known = (id: string | null) => !!id && !!list?.items.some((p) => p.id === id);
  const shownPool = list ? (known(poolId) ? poolId! : known(list.defaultPoolId) ? list.defaultPoolId : (list.items[0]?.id ?? 'all')) : null;
  const theDefault = defaultPoolId ?? list?.defaultPoolId ?? 'all';

  useEffect(() => {
    memory.poolId = shownPool;
    memory.filter = filter;
    memory.search = query;
    memory.chartView = chartView;
    if (shownPool) props.onPoolShown?.(shownPool);
  });

  useEffect(() => {
    if (search === query) return;
    const timer = setTimeout(() => setQuery(search), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, query]);

  const changePool = (id: string) => {
    setPoolId(id);
    setFilter(null);
    memory.scrollOffset = 0;
  };
  const changeFilter = (f: WorklistFilter | null) => {
    setFilter(f);
    memory.scrollOffset = 0;
  };
  const makeDefault = (id: string) => {
    setSavingDefault(true);
    setDefaultError(null);
    client.setDefault(id).then(
      (r) => setDefaultPoolId(r.defaultPoolId),
      (e: unknown) => setDefaultError(e),
    ).finally(() => setSavingDefault(false));
  };

  if (pools.state.status === 'loading') return <Spinner className={styles.pane} size="small" label={t('worklist.loadingPools')} />;
  if (pools.state.status === 'error') {
    return (
      <div className={styles.padded}>
        <ErrorBar title={t('worklist.poolsFailed')} error={pools.state.error} onRetry={pools.retry} />
      </div>
    );
  }

  const chart = (
    <StatusChart
      client={client}
      poolId={shownPool!}
      filter={filter}
      onFilter={changeFilter}
      view={chartView}
      onViewChange={setChartView}
      showBoth={wide}
      refreshKey={props.poolsVersion}
    />
  );
  const listPart = (
    <div className={styles.pane}>
      <div className={styles.padded}>
        <div className={styles.filterLine}>
          {filter && (
            <Button
              size="small"
              shape="circular"
              appearance="outline"
              icon={<DismissRegular />}
              iconPosition="after"
              aria-label={t('worklist.clearFilter', { label: filter.label })}
              onClick={() => changeFilter(null)}
            >
              {filter.kind === 'status' ? t('worklist.statusFilter', { label: filter.label }) : t('worklist.ageFilter', { label: filter.label })}
            </Button>
          )}
        </div>
        <SearchBox
          size="small"
          placeholder={t('worklist.searchPlaceholder')}
          aria-label={t('worklist.searchLabel')}
          value={search}
          onChange={(_, d) => setSearch(d.value)}
        />
      </div>
      <Rows {...props} poolId={shownPool!} search={query} filter={filter} className={wide ? styles.wideList : styles.paneList} />
    </div>
  );

  return (
    <section className={styles.pane} aria-labelledby="worklist-heading">
      <div className={mergeClasses(styles.padded)}>
        <div className={styles.top}>
          <h2 id="worklist-heading" className={styles.heading}>
            {t('worklist.title')}
          </h2>
          {props.onOpenWorkspace && (
            <Button size="small" appearance="subtle" icon={<OpenRegular />} onClick={props.onOpenWorkspace}>
              {t('worklist.workspace')}
            </Button>
          )}
          {props.onClose && (
            <Button size="small" appearance="subtle" icon={<DismissRegular />} onClick={props.onClose}>
              {t('common.close')}
            </Button>
          )}
        </div>
        <PoolSwitcher
          pools={list!.items}
          poolId={shownPool!}
          defaultPoolId={theDefault}
          onChange={changePool}
          onMakeDefault={makeDefault}
          busy={savingDefault}
        />
        {defaultError !== null && <ErrorBar title={t('worklist.defaultFailed')} error={defaultError} onRetry={() => makeDefault(shownPool!)} />}
        {!wide && chart}
      </div>
      {wide ? (
        <div className={styles.wide}>
          <div className={styles.padded}>{chart}</div>
          {listPart}
        </div>
      ) : (
        listPart
      )}
    </section>
  );
}

function Rows(props: {
  client: PoolsClient;
  memory: WorklistMemory;
  poolId: string;
  search: string;
  filter: WorklistFilter | null;
  onOpenCustomer(item: WorklistItem): void;
  className: string;
}) {
  const t = useT();
  const { memory } = props;
  const { state, loadMore, retry } = useWorklistRows(props.client, memory, props.poolId, props.search, props.filter);
  if (state.status === 'loading') return <Spinner size="small" label={t('worklist.loading')} />;
  if (state.status === 'error') return <ErrorBar title={t('worklist.failed')} error={state.error} onRetry={retry} />;
  return (
    <>
      <Text size={200} aria-live="polite" style={{ paddingInline: tokens.spacingHorizontalM }}>
        {t('worklist.customers', { count: state.rows.total })}
      </Text>
      <WorklistList
        key={state.rows.key}
        rows={state.rows}
        loadingMore={state.loadingMore}
        moreError={state.moreError}
        onLoadMore={loadMore}
        initialOffset={memory.scrollOffset}
        focusId={memory.openedId}
        onScroll={(offset) => {
          memory.scrollOffset = offset;
        }}
        onOpen={(item, offset) => {
          memory.scrollOffset = offset;
          memory.openedId = item.customer.id;
          props.onOpenCustomer(item);
        }}
        className={props.className}
      />
    </>
  );
}
