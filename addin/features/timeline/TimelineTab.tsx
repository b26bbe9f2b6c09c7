// The timeline tab: the last year of the customer's ledger, letters and activities, newest
// first, grouped by month; every entry expands into its details.
import { Accordion, makeStyles, tokens } from '@fluentui/react-components';
import type { TimelineResponse } from '../../../server/http/schemas/timeline';
import { useRequest } from '../../api/useRequest';
import { useT } from '../../i18n';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBar } from '../../ui/ErrorBar';
import { formatMonth } from '../../ui/format';
import { useLocale } from '../../ui/locale';
import { TabSkeleton } from '../../ui/TabSkeleton';
import type { CustomerTabProps } from '../transactions/TransactionsTab';
import { groupByMonth, yearEnding } from './group';
import { TimelineEntryItem } from './TimelineEntryItem';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalS },
  month: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  heading: {
    margin: 0,
    paddingInline: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
});

export default function TimelineTab(props: CustomerTabProps) {
  const styles = useStyles();
  const locale = useLocale();
  const t = useT();
  const range = props.asOf ? yearEnding(props.asOf) : {};
  const key = `${props.customerId}|${props.asOf ?? ''}|${props.refreshKey}`;
  const { state, retry } = useRequest<TimelineResponse>(key, (signal) => props.api.timeline(props.customerId, range, signal));
  if (state.status === 'loading') return <TabSkeleton rows={8} />;
  if (state.status === 'error') return <ErrorBar title={t('timeline.failed')} error={state.error} onRetry={retry} />;
  const groups = groupByMonth(state.data.entries);
  if (groups.length === 0) return <EmptyState title={t('timeline.emptyTitle')} description={t('timeline.emptyDescription')} />;
  return (
    <div className={styles.root}>
      {groups.map((g) => (
        <section key={g.month} className={styles.month} aria-label={formatMonth(g.month, locale)}>
          <h2 className={styles.heading}>{formatMonth(g.month, locale)}</h2>
          <Accordion multiple collapsible>
            {g.entries.map((e) => (
              <TimelineEntryItem key={e.id} entry={e} />
            ))}
          </Accordion>
        </section>
      ))}
    </div>
  );
}
