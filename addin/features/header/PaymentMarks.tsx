// Twelve small monthly marks of payment behaviour (paid on time / late / no invoices due),
// each with a spoken label, so the year's pattern reads at a glance.
import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { PaymentMonth } from '../../../server/http/schemas/summary';
import { formatMonth, formatMonthInitial, formatPercent } from '../../ui/format';
import { useLocale } from '../../ui/locale';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  marks: { display: 'flex', gap: tokens.spacingHorizontalXXS, margin: 0, padding: 0, listStyleType: 'none' },
  mark: { display: 'flex', flexDirection: 'column', alignItems: 'center', gap: tokens.spacingVerticalXXS },
  box: {
    width: tokens.spacingHorizontalM,
    height: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusSmall,
    border: `${tokens.strokeWidthThin} solid transparent`,
  },
  on_time: { backgroundColor: tokens.colorStatusSuccessBackground3 },
  late: { backgroundColor: tokens.colorStatusDangerBackground3 },
  none: { backgroundColor: tokens.colorNeutralBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  initial: { fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100, color: tokens.colorNeutralForeground3 },
  summary: { color: tokens.colorNeutralForeground2 },
});

function monthLabel(m: PaymentMonth, locale: string): string {
  const month = formatMonth(m.month, locale);
  if (m.state === 'none') return `${month}: no invoices due`;
  const parts = [`${m.paidOnTime} of ${m.invoices} paid on time`];
  if (m.paidLate > 0) parts.push(`${m.paidLate} paid late`);
  if (m.unpaid > 0) parts.push(`${m.unpaid} unpaid`);
  return `${month}: ${m.state === 'on_time' ? 'on time' : 'late'} (${parts.join(', ')})`;
}

export function PaymentMarks(props: { months: PaymentMonth[]; onTimeShare: number | null }) {
  const styles = useStyles();
  const locale = useLocale();
  return (
    <div className={styles.root}>
      <ul className={styles.marks} aria-label="Payment history, last 12 months">
        {props.months.map((m) => {
          const label = monthLabel(m, locale);
          return (
            <li key={m.month} className={styles.mark} title={label}>
              <span role="img" aria-label={label} className={mergeClasses(styles.box, styles[m.state])} />
              <span aria-hidden className={styles.initial}>
                {formatMonthInitial(m.month, locale)}
              </span>
            </li>
          );
        })}
      </ul>
      {props.onTimeShare !== null && (
        <Text size={200} className={styles.summary}>
          {formatPercent(props.onTimeShare, locale)} paid on time
        </Text>
      )}
    </div>
  );
}
