// What the customer's next letter will be: its level and fee, the overdue items it lists and the
// totals with what it leaves out of the header's overdue (promised, disputed, on hold); or, when
// none is due, why not.
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

/**
 * What the letter leaves out of the header's overdue, from the server's figures: the amount (in the
 * accounting currency) and its reasons, e.g. "promised or disputed"; null when nothing is left out.
 */
export function leftOutOf(p: Pick<LetterProposalResponse, 'leftOut'>): { amount: number; what: string } | null {
  if (!p.leftOut) return null;
  const parts: Array<[number, string]> = [
    [p.leftOut.promised, 'promised'],
    [p.leftOut.disputed, 'disputed'],
    [p.leftOut.held, 'on hold'],
  ];
  const present = parts.filter(([amount]) => amount > 0);
  if (present.length === 0) return null;
  const words = present.map(([, word]) => word);
  const what = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
  return { amount: present.reduce((sum, [amount]) => sum + amount, 0), what };
}

export function ProposalView(props: { proposal: LetterProposalResponse }) {
  const styles = useStyles();
  const p = props.proposal;
  const leftOut = leftOutOf(p);
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
      {leftOut && (
        <Text size={200} className={styles.hint}>
          <Money minor={leftOut.amount} currency={p.accountingCurrency} /> {leftOut.what} is left out
        </Text>
      )}
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
