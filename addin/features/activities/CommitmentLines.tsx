// What an activity card says of its promise or dispute: "Promise: 900.00 USD by Dec 12 · INV-1042,
// INV-1043" and "Dispute: Price · INV-1050", amounts and dates in the pane's formats.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Activity } from '../../../server/http/schemas/activities';
import { formatDate, formatMoney } from '../../ui/format';
import { translate, useT } from '../../i18n';
import { disputeReasonLabel } from './labels';

const useStyles = makeStyles({
  line: { overflowWrap: 'anywhere' },
  label: { fontWeight: tokens.fontWeightSemibold },
});

/** "900.00 USD by Dec 12" (one total per currency). */
export function promiseText(promise: NonNullable<Activity['promise']>, locale: string): string {
  const amounts = promise.totals.map((t) => formatMoney(t.amount, t.currency, locale)).join(' + ');
  return translate(locale, 'activities.commitment.promiseText', { amounts, date: formatDate(promise.date, locale, 'day') });
}

/** The managed list's label; for a code outside it (the log dialog offers a few), the pane's own label. */
function reasonLabel(dispute: NonNullable<Activity['dispute']>, locale: string): string {
  if (dispute.reasonLabel !== dispute.reasonCode) return dispute.reasonLabel;
  return disputeReasonLabel(dispute.reasonCode, locale) ?? dispute.reasonLabel;
}

export function CommitmentLines(props: { activity: Activity }) {
  const styles = useStyles();
  const t = useT();
  const locale = t.locale;
  const { promise, dispute } = props.activity;
  return (
    <>
      {promise && (
        <Text size={200} className={styles.line}>
          <span className={styles.label}>{t('activities.commitment.promise')}</span> {promiseText(promise, locale)}
          {promise.items.length > 0 && ` · ${promise.items.map((i) => i.document).join(', ')}`}
        </Text>
      )}
      {dispute && (
        <Text size={200} className={styles.line}>
          <span className={styles.label}>{t('activities.commitment.dispute')}</span> {reasonLabel(dispute, locale)}
          {dispute.items.length > 0 && ` · ${dispute.items.map((i) => i.document).join(', ')}`}
        </Text>
      )}
    </>
  );
}
