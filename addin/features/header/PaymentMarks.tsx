// Twelve small monthly marks of payment behaviour (paid on time / late / no invoices due),
// each with a spoken label and a visible legend, so the year's pattern reads at a glance.
import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { PaymentMonth } from '../../../server/http/schemas/summary';
import { formatMonth, formatMonthInitial, formatPercent } from '../../ui/format';
import { useT, type Translate } from '../../i18n';

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
  // A payment returned unpaid: striped, so it reads apart from "late" without colour too.
  nsf: {
    backgroundImage: `repeating-linear-gradient(135deg, ${tokens.colorNeutralForeground1} 0 2px, ${tokens.colorStatusDangerBackground3} 2px 4px)`,
  },
  none: { backgroundColor: tokens.colorNeutralBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  initial: { fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100, color: tokens.colorNeutralForeground3 },
  summary: { color: tokens.colorNeutralForeground2 },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    flexBasis: '100%',
  },
  key: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, whiteSpace: 'nowrap' },
});

const LEGEND = [
  { state: 'on_time', label: 'header.marks.onTime' },
  { state: 'late', label: 'header.marks.late' },
  { state: 'none', label: 'header.marks.none' },
  { state: 'nsf', label: 'header.marks.nsf' },
] as const;

function monthLabel(m: PaymentMonth, t: Translate): string {
  const month = formatMonth(m.month, t.locale);
  if (m.state === 'nsf') return t('header.marks.monthNsf', { month });
  if (m.state === 'none') return t('header.marks.monthNone', { month });
  const parts = [t('header.marks.paidOnTime', { paid: m.paidOnTime, invoices: m.invoices })];
  if (m.paidLate > 0) parts.push(t('header.marks.paidLate', { late: m.paidLate }));
  if (m.unpaid > 0) parts.push(t('header.marks.unpaid', { unpaid: m.unpaid }));
  const details = parts.join(', ');
  return m.state === 'on_time' ? t('header.marks.monthOnTime', { month, details }) : t('header.marks.monthLate', { month, details });
}

export function PaymentMarks(props: { months: PaymentMonth[]; onTimeShare: number | null }) {
  const styles = useStyles();
  const t = useT();
  const locale = t.locale;
  return (
    <div className={styles.root}>
      <ul className={styles.marks} aria-label={t('header.marks.label')}>
        {props.months.map((m) => {
          const label = monthLabel(m, t);
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
          {t('header.marks.share', { share: formatPercent(props.onTimeShare, locale) })}
        </Text>
      )}
      <ul className={styles.legend} aria-label={t('header.marks.legend')}>
        {LEGEND.filter((k) => k.state !== 'nsf' || props.months.some((m) => m.state === 'nsf')).map((k) => (
          <li key={k.state} className={styles.key}>
            <span aria-hidden className={mergeClasses(styles.box, styles[k.state])} />
            {t(k.label)}
          </li>
        ))}
      </ul>
    </div>
  );
}
