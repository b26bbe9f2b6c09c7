// What the customer's next letter will be: its level and fee, the overdue items it lists and the
// totals; or, when none is due, why not.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { LetterProposalResponse, NoLetterReason } from '../../../server/http/schemas/letters';
import { DateText } from '../../ui/DateText';
import { formatDate } from '../../ui/format';
import { Money } from '../../ui/Money';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  facts: { display: 'grid', gridTemplateColumns: 'auto 1fr', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  // The amount keeps its own right-aligned column however the document and dates wrap.
  line: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  amount: { whiteSpace: 'nowrap', textAlign: 'end' },
  meta: { color: tokens.colorNeutralForeground3 },
  hint: { color: tokens.colorNeutralForeground2 },
  nowrap: { whiteSpace: 'nowrap' },
});

export function noLetterText(p: Pick<LetterProposalResponse, 'reason' | 'level' | 'dueOn'>, locale: string): string {
  const reasons: Record<NoLetterReason, string> = {
    excluded: 'This customer is excluded from collection letters.',
    no_levels: 'No letter sequence applies to this customer.',
    nothing_overdue: 'Nothing is overdue.',
    not_due_yet: 'The next letter is not due yet.',
    below_minimum: 'What is overdue is below the minimum for a letter.',
  };
  if (p.reason === 'not_due_yet' && p.level && p.dueOn) return `The next letter (${p.level.name}) is due on ${formatDate(p.dueOn, locale)}.`;
  return p.reason ? reasons[p.reason] : 'No letter is due.';
}

export function ProposalView(props: { proposal: LetterProposalResponse }) {
  const styles = useStyles();
  const p = props.proposal;
  return (
    <section className={styles.root} aria-label="Proposed letter">
      <dl className={styles.facts}>
        <dt className={styles.term}>Level</dt>
        <dd className={styles.value}>{p.level ? `${p.level.level} · ${p.level.name}` : '—'}</dd>
        <dt className={styles.term}>Fee</dt>
        <dd className={styles.value}>{p.fee ? <Money minor={p.fee.amount} currency={p.fee.currency} /> : 'None'}</dd>
        <dt className={styles.term}>Overdue in this letter</dt>
        <dd className={styles.value}>
          {p.totals.map((t, i) => (
            <span key={t.currency}>
              {i > 0 && ' + '}
              <Money minor={t.open} currency={t.currency} />
            </span>
          ))}
        </dd>
      </dl>
      <Text size={200} className={styles.hint}>
        The letter leaves out promised and disputed items, so this can be less than the customer&apos;s overdue in the header.
      </Text>
      <Text weight="semibold">
        {p.lines.length} overdue {p.lines.length === 1 ? 'item' : 'items'}
      </Text>
      <ul className={styles.list} aria-label="Items in the letter">
        {p.lines.map((l) => (
          <li key={l.entryId} className={styles.line}>
            <span>
              {l.document}{' '}
              <Text size={200} className={styles.meta}>
                due <DateText date={l.dueDate} short /> · <span className={styles.nowrap}>{l.daysOverdue} days late</span>
              </Text>
            </span>
            <Money className={styles.amount} minor={l.open} currency={l.currency} />
          </li>
        ))}
      </ul>
    </section>
  );
}
