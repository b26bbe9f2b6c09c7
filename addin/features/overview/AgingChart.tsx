// The aging buckets as a table whose bars are plain divs: amounts and percentages are text, so a
// screen reader reads the same numbers the eye sees; overdue buckets warm from yellow to dark red.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { AgingBucket } from '../../../server/http/schemas/summary';
import { useT } from '../../i18n';
import { formatPercent } from '../../ui/format';
import { useLocale } from '../../ui/locale';
import { Money } from '../../ui/Money';
import { periodLabel } from '../../ui/periods';
import { wholePercents } from './shares';

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  caption: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, paddingBottom: tokens.spacingVerticalS },
  row: { height: tokens.spacingVerticalXXL },
  // Label, amount and share shrink to their text (width 1%, no wrapping); the bars take the rest,
  // which is what a wider pane should widen.
  label: { width: '1%', textAlign: 'start', fontWeight: tokens.fontWeightRegular, whiteSpace: 'nowrap' },
  barCell: { paddingInline: tokens.spacingHorizontalS },
  // A stroke colour, not a background one: visible against the pane in light and dark themes.
  track: { height: tokens.spacingVerticalM, borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorNeutralStroke2 },
  bar: { height: '100%', borderRadius: tokens.borderRadiusSmall, minWidth: tokens.strokeWidthThick },
  amount: { width: '1%', textAlign: 'end', whiteSpace: 'nowrap' },
  pct: {
    width: '1%',
    minWidth: '3em',
    paddingInlineStart: tokens.spacingHorizontalS,
    textAlign: 'end',
    whiteSpace: 'nowrap',
    color: tokens.colorNeutralForeground3,
    fontVariantNumeric: 'tabular-nums',
  },
  b0: { backgroundColor: tokens.colorBrandBackground },
  b1: { backgroundColor: tokens.colorPaletteYellowBackground3 },
  b2: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  b3: { backgroundColor: tokens.colorPaletteDarkOrangeBackground3 },
  b4: { backgroundColor: tokens.colorPaletteRedBackground3 },
  // The palette has no dark-red background token; its active border is the darkest red in both themes.
  b5: { backgroundColor: tokens.colorPaletteDarkRedBorderActive },
});

const tones = ['b0', 'b1', 'b2', 'b3', 'b4', 'b5'] as const;

/** A share that rounds to 0 % still owes something: it reads "<1 %", not "0 %". */
function shareText(amount: number, percent: number, locale: string): string {
  if (amount <= 0) return '—';
  return percent === 0 ? `<${formatPercent(0.01, locale)}` : formatPercent(percent / 100, locale);
}

export function AgingChart(props: { buckets: AgingBucket[]; currency: string }) {
  const styles = useStyles();
  const locale = useLocale();
  const t = useT();
  // Whole percentages that add up to 100, as a reader checks them.
  const percents = wholePercents(props.buckets.map((b) => b.amount));
  const largest = Math.max(0, ...props.buckets.map((b) => b.amount));
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>{t('overview.aging.caption')}</caption>
      <thead hidden>
        <tr>
          <th scope="col">{t('overview.aging.period')}</th>
          <th scope="col">{t('overview.aging.bar')}</th>
          <th scope="col">{t('overview.aging.amount')}</th>
          <th scope="col">{t('overview.aging.share')}</th>
        </tr>
      </thead>
      <tbody>
        {props.buckets.map((b, i) => {
          const width = largest > 0 && b.amount > 0 ? (b.amount / largest) * 100 : 0;
          return (
            <tr key={b.label} className={styles.row}>
              <th scope="row" className={styles.label}>
                {periodLabel(t, b)}
              </th>
              <td className={styles.barCell} aria-hidden>
                <div className={styles.track}>
                  {width > 0 && <div className={mergeClasses(styles.bar, styles[tones[Math.min(i, tones.length - 1)]!])} style={{ width: `${width}%` }} />}
                </div>
              </td>
              <td className={styles.amount}>
                <Money minor={b.amount} currency={props.currency} />
              </td>
              <td className={styles.pct}>{shareText(b.amount, percents[i] ?? 0, locale)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
