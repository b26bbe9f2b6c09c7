// The pane's receivables card (no email selected): the report's totals as of today (balance,
// overdue, each period) at 320 px, and a link to the full report, opened larger than the pane.
import { Button, Card, CardHeader, makeStyles, Skeleton, SkeletonItem, Text, tokens } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import type { AgedReceivablesResponse } from '../../../server/http/schemas/reports';
import { useRequest } from '../../api/useRequest';
import { useT } from '../../i18n';
import { ErrorBar } from '../../ui/ErrorBar';
import { formatDate } from '../../ui/format';
import { useLocale } from '../../ui/locale';
import { Money } from '../../ui/Money';
import { periodLabel } from '../../ui/periods';
import type { ReportsClient } from './client';

const useStyles = makeStyles({
  card: { margin: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}` },
  list: { display: 'grid', gridTemplateColumns: '1fr auto', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  strong: { fontWeight: tokens.fontWeightSemibold },
  amount: { margin: 0, textAlign: 'end' },
});

export function TotalsCard(props: { client: ReportsClient; onOpenReport(): void }) {
  const styles = useStyles();
  const t = useT();
  const locale = useLocale();
  // The totals only: the pane never downloads every customer's line.
  const { state, retry } = useRequest<AgedReceivablesResponse>('today', (signal) => props.client.report({ customers: 'none' }, signal));
  const report = state.status === 'done' ? state.data : null;
  return (
    <Card className={styles.card} aria-labelledby="receivables-card-title">
      <CardHeader
        header={
          <Text as="h2" id="receivables-card-title" weight="semibold" style={{ margin: 0 }}>
            {report ? t('reports.card.titleAsOf', { date: formatDate(report.asOf, locale) }) : t('reports.card.title')}
          </Text>
        }
      />
      {state.status === 'loading' && (
        <Skeleton aria-label={t('reports.card.loading')}>
          <SkeletonItem size={16} />
          <SkeletonItem size={16} />
          <SkeletonItem size={16} />
        </Skeleton>
      )}
      {state.status === 'error' && <ErrorBar title={t('reports.card.failed')} error={state.error} onRetry={retry} />}
      {report && (
        <dl className={styles.list}>
          {[
            { label: t('reports.table.balance'), amount: report.totals.balance, strong: true },
            { label: t('reports.table.overdue'), amount: report.totals.overdue, strong: true },
            ...report.periods.map((period, i) => ({ label: periodLabel(t, period), amount: report.totals.buckets[i]!, strong: false })),
          ].map(({ label, amount, strong }) => (
            // A div per term and amount keeps the pair together, as HTML allows inside a dl.
            <div key={label} style={{ display: 'contents' }}>
              <dt className={strong ? styles.strong : styles.term}>{label}</dt>
              <dd className={styles.amount}>
                <Money minor={amount} currency={report.currency} className={strong ? styles.strong : undefined} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      <Button appearance="primary" icon={<OpenRegular />} onClick={props.onOpenReport}>
        {t('reports.card.open')}
      </Button>
    </Card>
  );
}
