// One timeline entry: a one-line summary that expands into its details and settlements.
import { AccordionHeader, AccordionItem, AccordionPanel, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { TimelineEntry } from '../../../server/http/schemas/timeline';
import { useT } from '../../i18n';
import { DateText } from '../../ui/DateText';
import { useLocale } from '../../ui/locale';
import { Money } from '../../ui/Money';
import { entryLabel, visibleDetails } from './describe';

const useStyles = makeStyles({
  summary: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS, width: '100%', minWidth: 0 },
  // One width for every day ('Nov 9', 'Nov 23', '23. Nov.'), so the titles line up under each other.
  date: { flexShrink: 0, width: '4.5em', fontVariantNumeric: 'tabular-nums' },
  title: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere', display: 'flex', flexDirection: 'column', textAlign: 'start' },
  type: { color: tokens.colorNeutralForeground3 },
  amount: { whiteSpace: 'nowrap', fontWeight: tokens.fontWeightSemibold },
  // The details line up with the summary's text, past the expand chevron.
  panel: { paddingInlineStart: tokens.spacingHorizontalXXL },
  details: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  settlements: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export function TimelineEntryItem(props: { entry: TimelineEntry }) {
  const styles = useStyles();
  const locale = useLocale();
  const t = useT();
  const e = props.entry;
  const label = entryLabel(e, locale);
  const isCredit = e.type === 'payment' || e.type === 'credit_note';
  return (
    <AccordionItem value={e.id}>
      <AccordionHeader size="small">
        <span className={styles.summary}>
          <Text size={200} className={styles.date}>
            <DateText date={e.date} day />
          </Text>
          <span className={styles.title}>
            <Text size={200} className={styles.type}>
              {t(`timeline.type.${e.type}`)}
            </Text>
            <Text size={300}>{e.title}</Text>
            {label && (
              <Text size={200} className={styles.type}>
                {label}
              </Text>
            )}
          </span>
          {e.amount !== null && e.currency && (
            <Text size={300} className={styles.amount}>
              <Money minor={e.amount} currency={e.currency} />
            </Text>
          )}
        </span>
      </AccordionHeader>
      <AccordionPanel className={styles.panel}>
        <dl className={styles.details}>
          {e.dueDate && (
            <>
              <dt className={styles.term}>{t('timeline.due')}</dt>
              <dd className={styles.value}>
                <DateText date={e.dueDate} />
              </dd>
            </>
          )}
          {e.open !== null && e.currency && (
            <>
              <dt className={styles.term}>{t('timeline.open')}</dt>
              <dd className={styles.value}>
                <Money minor={e.open} currency={e.currency} />
              </dd>
            </>
          )}
          {visibleDetails(e, locale).map(([k, v]) => (
            <div key={k} className={styles.pair}>
              <dt className={styles.term}>{k}</dt>
              <dd className={styles.value}>{v}</dd>
            </div>
          ))}
          {e.settlements.length > 0 && (
            <>
              <dt className={styles.term}>{isCredit ? t('timeline.settled') : t('timeline.settledBy')}</dt>
              <dd className={styles.value}>
                <ul className={styles.settlements}>
                  {e.settlements.map((s, i) => (
                    <li key={`${s.document}-${s.date}-${i}`}>
                      {s.document} · <DateText date={s.date} /> · {e.currency ? <Money minor={s.amount} currency={e.currency} /> : s.amount}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      </AccordionPanel>
    </AccordionItem>
  );
}
