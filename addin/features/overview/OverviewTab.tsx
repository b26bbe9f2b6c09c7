// The overview tab: the aging chart and the figures an agent checks before calling.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { CustomerSummary } from '../../../server/http/schemas/summary';
import { useT } from '../../i18n';
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
  const t = useT();
  const s = props.summary;
  const ph = s.paymentHistory;
  const none = '—';
  const overLimit = s.creditRemaining !== null && s.creditRemaining < 0;
  return (
    <div className={styles.root}>
      <AgingChart buckets={s.aging} currency={s.currency} />
      {s.aging.some((b) => b.amount < 0) && (
        <p className={styles.hint}>{t('overview.aging.credit')}</p>
      )}
      {props.api.agingHistory && <AgingHistory api={{ agingHistory: props.api.agingHistory }} customerId={s.customer.id} asOf={s.asOf} />}
      <dl className={styles.facts} aria-label={t('overview.facts.label')}>
        <Fact term={t('overview.facts.outstandingInvoices')}>{formatNumber(s.outstandingInvoices, locale)}</Fact>
        <ContractsFact api={props.api} customerId={s.customer.id} asOf={s.asOf} active={s.contracts.active} />
        <Fact term={t('overview.facts.customerSince')}>
          <DateText date={s.customer.customerSince} />
        </Fact>
        <Fact term={t('overview.facts.creditLimit')}>{s.creditLimit === null ? t('overview.facts.noCreditLimit') : <Money minor={s.creditLimit} currency={s.currency} />}</Fact>
        <Fact term={t('overview.facts.remainingCredit')} danger={overLimit}>
          {s.creditRemaining === null ? none : <Money minor={s.creditRemaining} currency={s.currency} />}
          {overLimit && <span className={styles.note}>{t('overview.facts.overLimit')}</span>}
        </Fact>
        <Fact term={t('overview.facts.accountStatus')} danger={s.customer.status !== 'active'}>
          {accountStatusLabel(s.customer.status, locale)}
        </Fact>
        <Fact term={t('overview.facts.dso')}>{ph.dso === null ? none : t('overview.facts.days', { count: Math.round(ph.dso) })}</Fact>
        <Fact term={t('overview.facts.averageDaysLate')}>
          {ph.averageDaysLate === null ? none : t('overview.facts.days', { count: Math.round(ph.averageDaysLate * 10) / 10 })}
        </Fact>
        <Fact term={t('overview.facts.paidOnTime')}>{ph.onTimeShare === null ? none : formatPercent(ph.onTimeShare, locale)}</Fact>
        {s.collection.promises > 0 && <Fact term={t('overview.facts.promises')}>{s.collection.promises}</Fact>}
        {s.collection.brokenPromises > 0 && (
          <Fact term={t('overview.facts.brokenPromises')} danger>
            {s.collection.brokenPromises}
          </Fact>
        )}
        {s.collection.disputes > 0 && <Fact term={t('overview.facts.disputes')}>{s.collection.disputes}</Fact>}
      </dl>
    </div>
  );
}
