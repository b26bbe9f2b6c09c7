// The header in one line, shown while the pane is scrolled past the full one: the customer's name,
// balance and overdue stay in sight and the tab's content gets the height.
import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { CustomerSummary } from '../../../server/http/schemas/summary';
import { useT } from '../../i18n';
import { Money } from '../../ui/Money';

/** Its fixed height: the scrolled pane lifts the sticky bar by it, so the content never jumps. */
export const COMPACT_HEADER_HEIGHT = `calc(${tokens.lineHeightBase300} + 2 * ${tokens.spacingVerticalS})`;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    boxSizing: 'border-box',
    height: COMPACT_HEADER_HEIGHT,
    paddingInline: tokens.spacingHorizontalM,
    whiteSpace: 'nowrap',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  name: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' },
  figure: { flexShrink: 0, fontSize: tokens.fontSizeBase200 },
  overdue: { color: tokens.colorStatusWarningForeground1 },
});

export function CompactHeader(props: { summary: CustomerSummary }) {
  const styles = useStyles();
  const t = useT();
  const s = props.summary;
  return (
    <div className={styles.root} aria-label={t('header.compact.label', { name: s.customer.name })} role="group">
      <Text weight="semibold" wrap={false} truncate className={styles.name} title={s.customer.name}>
        {s.customer.name}
      </Text>
      <Text className={styles.figure} title={t('header.balance')}>
        <Money minor={s.balance} currency={s.currency} />
      </Text>
      {s.overdue > 0 && (
        <Text className={mergeClasses(styles.figure, styles.overdue)} title={t('header.overdue')}>
          {t.rich('header.compact.overdue', { amount: <Money minor={s.overdue} currency={s.currency} /> })}
        </Text>
      )}
    </div>
  );
}
