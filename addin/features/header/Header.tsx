// The customer at a glance: name, account, status, rating, balance, overdue with its trend and
// the year's payment marks, with refresh and an overflow menu of less frequent actions.
import {
  Badge,
  Button,
  makeStyles,
  mergeClasses,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  Tooltip,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, MoreHorizontalRegular } from '@fluentui/react-icons';
import type { CustomerSummary } from '../../../server/http/schemas/summary';
import type { ApiClient } from '../../api/client';
import { useT } from '../../i18n';
import { DateText } from '../../ui/DateText';
import { Money } from '../../ui/Money';
import { HoldDialog } from '../transactions/HoldDialog';
import { useState } from 'react';
import { AccountStatusBadge } from '../../ui/StatusBadge';
import { OverdueTrend } from './OverdueTrend';
import { PaymentMarks } from './PaymentMarks';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  top: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  name: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere', margin: 0 },
  meta: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  figures: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXXL, rowGap: tokens.spacingVerticalS, margin: 0 },
  figure: { display: 'flex', flexDirection: 'column', minWidth: 0, margin: 0 },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  balance: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  overdue: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorStatusWarningForeground1,
    margin: 0,
  },
  noOverdue: { color: tokens.colorNeutralForeground1 },
  // The same balance in the currencies the customer is invoiced in, as the customer reads it.
  own: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  trend: { margin: 0 },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export interface HeaderActions {
  onRefresh: () => void;
  onPickDate: () => void;
  onChangeCustomer: () => void;
  /** Putting the customer on a collections hold and lifting it, from the More actions menu. */
  holds?: { api: ApiClient; onChanged: () => void };
}

export function Header(props: { summary: CustomerSummary } & HeaderActions) {
  const styles = useStyles();
  const t = useT();
  const s = props.summary;
  const own = s.balancesByCurrency.some((b) => b.currency !== s.currency) ? s.balancesByCurrency : [];
  const copyAccount = () => void navigator.clipboard?.writeText(s.customer.account).catch(() => undefined);
  const hold = s.customer.hold ?? null;
  const [holdDialog, setHoldDialog] = useState(false);
  const holdsApi = props.holds;
  return (
    <header className={styles.root}>
      <div className={styles.top}>
        <Text as="h1" size={500} weight="semibold" className={styles.name}>
          {s.customer.name}
        </Text>
        <Tooltip content={t('header.refresh')} relationship="label">
          <Button appearance="subtle" icon={<ArrowClockwiseRegular />} onClick={props.onRefresh} />
        </Tooltip>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Tooltip content={t('header.moreActions')} relationship="label">
              <Button appearance="subtle" icon={<MoreHorizontalRegular />} />
            </Tooltip>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={props.onPickDate}>{t('header.pickDate')}</MenuItem>
              <MenuItem onClick={props.onChangeCustomer}>{t('header.changeCustomer')}</MenuItem>
              <MenuItem onClick={copyAccount}>{t('header.copyAccount')}</MenuItem>
              {holdsApi && <MenuItem onClick={() => setHoldDialog(true)}>{hold ? t('header.liftHold') : t('header.putOnHold')}</MenuItem>}
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>
      <div className={styles.meta}>
        <Text size={200}>{s.customer.account}</Text>
        {s.creditRating && (
          <>
            <span aria-hidden>·</span>
            <Text size={200} title={s.creditRatingSource === 'derived' ? t('header.ratingDerived') : undefined}>
              {t('header.rating', { rating: s.creditRating })}
            </Text>
          </>
        )}
        <AccountStatusBadge status={s.customer.status} />
        {hold && (
          <Badge appearance="filled" color="warning" size="medium" title={t('header.hold.title', { reason: hold.reason })}>
            {hold.until ? t.rich('header.hold.until', { date: <DateText date={hold.until} /> }) : t('header.hold.untilLifted')}
          </Badge>
        )}
      </div>
      {holdsApi && holdDialog && (
        <HoldDialog
          api={holdsApi.api}
          customerId={s.customer.id}
          customerName={s.customer.name}
          onClose={() => setHoldDialog(false)}
          onDone={() => {
            setHoldDialog(false);
            holdsApi.onChanged();
          }}
          {...(hold ? { mode: 'lift' as const, holds: [{ ...hold, label: s.customer.name }] } : { mode: 'put' as const, items: [] })}
        />
      )}
      <dl className={styles.figures}>
        <div className={styles.figure}>
          <dt className={styles.label}>{t('header.balance')}</dt>
          <dd className={styles.balance}>
            <Money minor={s.balance} currency={s.currency} />
          </dd>
          {own.length > 0 && (
            <dd className={styles.own}>
              {own.map((b, i) => (
                <span key={b.currency}>
                  {i > 0 && ' · '}
                  <Money minor={b.balance} currency={b.currency} />
                </span>
              ))}
            </dd>
          )}
        </div>
        <div className={styles.figure}>
          <dt className={styles.label}>{t('header.overdue')}</dt>
          <dd className={mergeClasses(styles.overdue, s.overdue <= 0 && styles.noOverdue)}>
            <Money minor={s.overdue} currency={s.currency} />
          </dd>
          <dd className={styles.trend}>
            <OverdueTrend history={s.overdueHistory} currency={s.currency} />
          </dd>
        </div>
      </dl>
      {s.overdue > s.balance && (
        <Text as="p" className={styles.hint}>
          {t.rich('header.overdueAboveBalance', { amount: <Money minor={s.overdue - s.balance} currency={s.currency} /> })}
        </Text>
      )}
      <PaymentMarks months={s.paymentHistory.months} onTimeShare={s.paymentHistory.onTimeShare} />
    </header>
  );
}
