// What an activity card says of its promise or dispute: "Promise: 900.00 USD by Dec 12 · INV-1042,
// INV-1043" and "Dispute: Price · INV-1050", amounts and dates in the pane's formats.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Activity } from '../../../server/http/schemas/activities';
import { formatDate, formatMoney } from '../../ui/format';
import { useLocale } from '../../ui/locale';
import { DISPUTE_REASONS } from './labels';

const useStyles = makeStyles({
  line: { overflowWrap: 'anywhere' },
  label: { fontWeight: tokens.fontWeightSemibold },
});

/** "900.00 USD by Dec 12" (one total per currency). */
export function promiseText(promise: NonNullable<Activity['promise']>, locale: string): string {
  const amounts = promise.totals.map((t) => formatMoney(t.amount, t.currency, locale)).join(' + ');
  return `${amounts} by ${formatDate(promise.date, locale, 'day')}`;
}

/** The managed list's label; for a code outside it (the log dialog offers a few), the pane's own label. */
function reasonLabel(dispute: NonNullable<Activity['dispute']>): string {
  if (dispute.reasonLabel !== dispute.reasonCode) return dispute.reasonLabel;
  return DISPUTE_REASONS.find((r) => r.code === dispute.reasonCode)?.label ?? dispute.reasonLabel;
}

export function CommitmentLines(props: { activity: Activity }) {
  const styles = useStyles();
  const locale = useLocale();
  const { promise, dispute } = props.activity;
  return (
    <>
      {promise && (
        <Text size={200} className={styles.line}>
          <span className={styles.label}>Promise:</span> {promiseText(promise, locale)}
          {promise.items.length > 0 && ` · ${promise.items.map((i) => i.document).join(', ')}`}
        </Text>
      )}
      {dispute && (
        <Text size={200} className={styles.line}>
          <span className={styles.label}>Dispute:</span> {reasonLabel(dispute)}
          {dispute.items.length > 0 && ` · ${dispute.items.map((i) => i.document).join(', ')}`}
        </Text>
      )}
    </>
  );
}
