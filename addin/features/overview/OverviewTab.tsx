// The overview tab: the aging chart and the figures an agent checks before calling.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { CustomerSummary } from '../../../server/http/schemas/summary';
import { DateText } from '../../ui/DateText';
import { formatNumber, formatPercent } from '../../ui/format';
import { useLocale } from '../../ui/locale';
import { Money } from '../../ui/Money';
import { accountStatusLabel } from '../../ui/StatusBadge';
import { AgingChart } from './AgingChart';
import { AgingHistory } from './AgingHistory';
import type { ApiClient } from '../../api/client';
import { ContractsFact } from '../contracts/ContractsFact';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalM },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(8.5em, 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  fact: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  danger: { color: tokens.colorStatusDangerForeground1 },
  note: { display: 'block', fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

function Fact(props: { term: string; children: ReactNode; danger?: boolean }) {
  const styles = useStyles();
  return (
    <div className={styles.fact}>
      <dt className={styles.term}>{props.term}</dt>
      <dd className={mergeClasses(styles.value, props.danger && styles.danger)}>{props.children}</dd>
    </div>
  );
}

export default function OverviewTab(props: { summary: CustomerSummary; api: Pick<ApiClient, 'contracts'> & Partial<Pick<ApiClient, 'agingHistory'>> }) {
  const styles = useStyles();
  const locale = useLocale();
  const s = props.summary;
  const ph = s.paymentHistory;
  const none = '—';
  const overLimit = s.creditRemaining !== null && s.creditRemaining < 0;
  return (
    <div className={styles.root}>
      <AgingChart buckets={s.aging} currency={s.currency} />
      {s.aging.some((b) => b.amount < 0) && (
        <p className={styles.hint}>A negative amount is unapplied credit: payments or credit notes not yet matched to an invoice.</p>
      )}
      {props.api.agingHistory && <AgingHistory api={{ agingHistory: props.api.agingHistory }} customerId={s.customer.id} asOf={s.asOf} />}
      <dl className={styles.facts} aria-label="Customer figures">
        <Fact term="Outstanding invoices">{formatNumber(s.outstandingInvoices, locale)}</Fact>
        <ContractsFact api={props.api} customerId={s.customer.id} asOf={s.asOf} active={s.contracts.active} />
        <Fact term="Customer since">
          <DateText date={s.customer.customerSince} />
        </Fact>
        <Fact term="Credit limit">{s.creditLimit === null ? 'None' : <Money minor={s.creditLimit} currency={s.currency} />}</Fact>
        <Fact term="Remaining credit" danger={overLimit}>
          {s.creditRemaining === null ? none : <Money minor={s.creditRemaining} currency={s.currency} />}
          {overLimit && <span className={styles.note}>Over the credit limit</span>}
        </Fact>
        <Fact term="Account status" danger={s.customer.status !== 'active'}>
          {accountStatusLabel(s.customer.status)}
        </Fact>
        <Fact term="DSO">{ph.dso === null ? none : `${formatNumber(ph.dso, locale)} days`}</Fact>
        <Fact term="Average days late">{ph.averageDaysLate === null ? none : `${formatNumber(ph.averageDaysLate, locale, 1)} days`}</Fact>
        <Fact term="Paid on time">{ph.onTimeShare === null ? none : formatPercent(ph.onTimeShare, locale)}</Fact>
        {s.collection.promises > 0 && <Fact term="Promises to pay">{s.collection.promises}</Fact>}
        {s.collection.brokenPromises > 0 && (
          <Fact term="Broken promises" danger>
            {s.collection.brokenPromises}
          </Fact>
        )}
        {s.collection.disputes > 0 && <Fact term="Disputes">{s.collection.disputes}</Fact>}
      </dl>
    </div>
  );
}
