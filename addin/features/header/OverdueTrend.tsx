// The overdue amount today against 30 and 60 days before: up (worse) in the danger colour,
// down (better) in the success colour, and in words what it compares ("−$70.57 since 30 days ago").
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular } from '@fluentui/react-icons';
import { formatMoney } from '../../ui/format';
import { useT } from '../../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', margin: 0, padding: 0, listStyleType: 'none' },
  item: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, fontSize: tokens.fontSizeBase200 },
  up: { color: tokens.colorStatusDangerForeground1 },
  down: { color: tokens.colorStatusSuccessForeground1 },
  flat: { color: tokens.colorNeutralForeground3 },
});

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function OverdueTrend(props: { history: { asOf: string; amount: number }[]; currency: string }) {
  const styles = useStyles();
  const t = useT();
  const locale = t.locale;
  const today = props.history[props.history.length - 1];
  if (!today || props.history.length < 2) return null;
  const prior = props.history.slice(0, -1).reverse();
  return (
    <ul className={styles.root} aria-label={t('header.trend.label')}>
      {prior.map((p) => {
        const delta = today.amount - p.amount;
        const days = daysBetween(p.asOf, today.asOf);
        const amount = formatMoney(Math.abs(delta), props.currency, locale);
        const signed = formatMoney(delta, props.currency, locale, { signed: true });
        const cls = delta > 0 ? styles.up : delta < 0 ? styles.down : styles.flat;
        const words =
          delta > 0
            ? t('header.trend.up', { amount, count: days })
            : delta < 0
              ? t('header.trend.down', { amount, count: days })
              : t('header.trend.unchanged', { count: days });
        return (
          <li key={p.asOf} title={words}>
            <span role="img" aria-label={words} className={styles.item}>
              {delta !== 0 && <span className={cls}>{delta > 0 ? <ArrowUpRegular /> : <ArrowDownRegular />}</span>}
              <Text size={200} className={delta === 0 ? styles.flat : undefined}>
                {delta === 0 ? t('header.trend.noChange', { count: days }) : t('header.trend.since', { amount: signed, count: days })}
              </Text>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
