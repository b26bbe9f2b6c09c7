// One customer beside one email: the header, the documents the email names, and the tabs. It is
// mounted per item and customer, so leaving it cancels every request it started.
import { makeStyles, mergeClasses, Tab, TabList, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import type { CustomerSummary } from '../../../server/http/schemas/summary';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import type { MailHost, MailItemSnapshot } from '../../office/host';
import { useT } from '../../i18n';
import { ErrorBar } from '../../ui/ErrorBar';
import { TabSkeleton } from '../../ui/TabSkeleton';
import { ActionBar } from '../activities/ActionBar';
import { AsOfChip, AsOfPicker } from '../asof/AsOfBar';
import { COMPACT_HEADER_HEIGHT, CompactHeader } from '../header/CompactHeader';
import { Header } from '../header/Header';
import { Mentions } from '../mentions/Mentions';
import OverviewTab from '../overview/OverviewTab';
import { HeaderSkeleton } from './HeaderSkeleton';
import { useScrolledPast } from './useScrolledPast';

// Only the first tab ships with the first screen; the others load when opened.
const TransactionsTab = lazy(() => import('../transactions/TransactionsTab'));
const TimelineTab = lazy(() => import('../timeline/TimelineTab'));
const ActivitiesTab = lazy(() => import('../activities/ActivitiesTab'));

type TabId = 'overview' | 'transactions' | 'timeline' | 'activities';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: '100vh' },
  // Pushes the action bar to the bottom when the content is short.
  body: { flexGrow: 1 },
  // The tabs stay at the top while the content scrolls; past the header, its one-line form joins them.
  sticky: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  // Lifted by the compact header's height, so the content below keeps its place when it appears.
  stuck: { marginTop: `calc(-1 * ${COMPACT_HEADER_HEIGHT})` },
  tabs: {
    paddingInline: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    // Four tabs fit 320 px with tighter padding; the list scrolls rather than widen the pane.
    overflowX: 'auto',
    '& .fui-Tab': { paddingInline: tokens.spacingHorizontalXS },
  },
  error: { padding: tokens.spacingHorizontalM },
});

export function CustomerView(props: {
  api: ApiClient;
  host: MailHost;
  item: MailItemSnapshot | null;
  customerId: string;
  onChangeCustomer: () => void;
  /** The past date the agent chose (kept by the app across emails); none: today. */
  asOf?: string;
  onAsOfChange?: (date: string | undefined) => void;
}) {
  const styles = useStyles();
  const t = useT();
  const [ownAsOf, setOwnAsOf] = useState<string | undefined>(undefined);
  const asOf = props.onAsOfChange ? props.asOf : ownAsOf;
  const setAsOf = props.onAsOfChange ?? setOwnAsOf;
  const scrolled = useScrolledPast<HTMLDivElement>();
  const [pickerOpen, setPickerOpen] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  const [tab, setTab] = useState<TabId>('overview');
  const key = `${props.customerId}|${asOf ?? ''}|${refreshKey}`;
  const { state, retry } = useRequest<CustomerSummary>(key, (signal) => props.api.summary(props.customerId, asOf, signal));
  const tabProps = { api: props.api, customerId: props.customerId, asOf, refreshKey };
  const refresh = () => setRefreshKey((n) => n + 1);

  return (
    <div className={styles.root}>
      {asOf && <AsOfChip asOf={asOf} onReset={() => setAsOf(undefined)} />}
      {state.status === 'loading' && <HeaderSkeleton />}
      {state.status === 'error' && (
        <div className={styles.error}>
          <ErrorBar title={t('customer.failed')} error={state.error} onRetry={retry} />
        </div>
      )}
      {state.status === 'done' && (
        <>
          <Header
            summary={state.data}
            onRefresh={refresh}
            holds={{ api: props.api, onChanged: refresh }}
            onPickDate={() => setPickerOpen(true)}
            onChangeCustomer={props.onChangeCustomer}
          />
          {pickerOpen && (
            <AsOfPicker asOf={asOf} inForce={state.data.asOf} onChange={setAsOf} onClose={() => setPickerOpen(false)} />
          )}
          {props.item && <Mentions item={props.item} host={props.host} onChanged={refresh} {...tabProps} />}
          <div ref={scrolled.ref} aria-hidden />
          <div className={mergeClasses(styles.sticky, scrolled.past && styles.stuck)}>
            {scrolled.past && <CompactHeader summary={state.data} />}
            <TabList
              className={styles.tabs}
              size="small"
              selectedValue={tab}
              onTabSelect={(_, d) => setTab(d.value as TabId)}
              aria-label={t('customer.tabs')}
            >
              <Tab value="overview">{t('customer.tab.overview')}</Tab>
              <Tab value="transactions">{t('customer.tab.transactions')}</Tab>
              <Tab value="timeline">{t('customer.tab.timeline')}</Tab>
              <Tab value="activities">{t('customer.tab.activities')}</Tab>
            </TabList>
          </div>
          <div role="tabpanel" aria-label={t(`customer.panel.${tab}`)}>
            {tab === 'overview' && <OverviewTab summary={state.data} api={props.api} />}
            <Suspense fallback={<TabSkeleton rows={6} />}>
              {tab === 'transactions' && <TransactionsTab {...tabProps} host={props.host} canReply={props.item?.mode === 'read'} onChanged={refresh} />}
              {tab === 'timeline' && <TimelineTab {...tabProps} />}
              {tab === 'activities' && <ActivitiesTab {...tabProps} onChanged={refresh} />}
            </Suspense>
          </div>
        </>
      )}
      <div className={styles.body} />
      {/* Outside the summary's loading state: a refresh after saving keeps an open dialog mounted. */}
      <ActionBar api={props.api} host={props.host} item={props.item} customerId={props.customerId} onChanged={refresh} onLogged={() => setTab('activities')} />
    </div>
  );
}
