// One customer beside one email: the header, the documents the email names, and the tabs. It is
// mounted per item and customer, so leaving it cancels every request it started.
import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import type { CustomerSummary } from '../../../server/http/contract';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import type { MailItemSnapshot } from '../../office/host';
import { ErrorBar } from '../../ui/ErrorBar';
import { TabSkeleton } from '../../ui/TabSkeleton';
import { AsOfBanner, AsOfPicker } from '../asof/AsOfBar';
import { Header } from '../header/Header';
import { Mentions } from '../mentions/Mentions';
import OverviewTab from '../overview/OverviewTab';
import { HeaderSkeleton } from './HeaderSkeleton';

// Only the first tab ships with the first screen; the others load when opened.
const TransactionsTab = lazy(() => import('../transactions/TransactionsTab'));
const TimelineTab = lazy(() => import('../timeline/TimelineTab'));

type TabId = 'overview' | 'transactions' | 'timeline';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  tabs: { paddingInline: tokens.spacingHorizontalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  error: { padding: tokens.spacingHorizontalM },
});

export function CustomerView(props: { api: ApiClient; item: MailItemSnapshot | null; customerId: string; onChangeCustomer: () => void }) {
  const styles = useStyles();
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  const [tab, setTab] = useState<TabId>('overview');
  const key = `${props.customerId}|${asOf ?? ''}|${refreshKey}`;
  const { state, retry } = useRequest<CustomerSummary>(key, (signal) => props.api.summary(props.customerId, asOf, signal));
  const tabProps = { api: props.api, customerId: props.customerId, asOf, refreshKey };

  return (
    <div className={styles.root}>
      {pickerOpen && <AsOfPicker asOf={asOf} onChange={setAsOf} onClose={() => setPickerOpen(false)} />}
      {asOf && <AsOfBanner asOf={asOf} onReset={() => setAsOf(undefined)} />}
      {state.status === 'loading' && <HeaderSkeleton />}
      {state.status === 'error' && (
        <div className={styles.error}>
          <ErrorBar title="The customer could not be loaded" error={state.error} onRetry={retry} />
        </div>
      )}
      {state.status === 'done' && (
        <>
          <Header
            summary={state.data}
            onRefresh={() => setRefreshKey((n) => n + 1)}
            onPickDate={() => setPickerOpen(true)}
            onChangeCustomer={props.onChangeCustomer}
          />
          {props.item && <Mentions item={props.item} {...tabProps} />}
          <TabList
            className={styles.tabs}
            size="small"
            selectedValue={tab}
            onTabSelect={(_, d) => setTab(d.value as TabId)}
            aria-label="Customer details"
          >
            <Tab value="overview">Overview</Tab>
            <Tab value="transactions">Transactions</Tab>
            <Tab value="timeline">Timeline</Tab>
          </TabList>
          <div role="tabpanel" aria-label={tab}>
            {tab === 'overview' && <OverviewTab summary={state.data} />}
            <Suspense fallback={<TabSkeleton rows={6} />}>
              {tab === 'transactions' && <TransactionsTab {...tabProps} />}
              {tab === 'timeline' && <TimelineTab {...tabProps} />}
            </Suspense>
          </div>
        </>
      )}
    </div>
  );
}
