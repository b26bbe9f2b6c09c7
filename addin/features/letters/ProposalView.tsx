// What the customer's next letter will be: its level and fee, the overdue items it lists and the
// totals with what it leaves out of the header's overdue (promised, disputed, on hold); or, when
// none is due, why not.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { LetterProposalResponse } from '../../../server/http/schemas/letters';
import { translate, useT } from '../../i18n';
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
  if (p.reason === 'not_due_yet' && p.level && p.dueOn) {
    return translate(locale, 'letters.noLetter.dueOn', { level: p.level.name, date: formatDate(p.dueOn, locale) });
  }
  return p.reason ? translate(locale, `letters.noLetter.${p.reason}`) : translate(locale, 'letters.noLetter.none');
}

/**
 * What the letter leaves out of the header's overdue, from the server's figures: the amount (in the
 * accounting currency) and its reasons in the locale, e.g. "promised or disputed"; null when nothing is left out.
 */
export function leftOutOf(p: Pick<LetterProposalResponse, 'leftOut'>, locale: string): { amount: number; what: string } | null {
  if (!p.leftOut) return null;
  const parts: Array<[number, string]> = [
    [p.leftOut.promised, translate(locale, 'letters.proposal.promised')],
    [p.leftOut.disputed, translate(locale, 'letters.proposal.disputed')],
    [p.leftOut.held, translate(locale, 'letters.proposal.held')],
  ];
  const present = parts.filter(([amount]) => amount > 0);
  if (present.length === 0) return null;
  const words = present.map(([, word]) => word);
  const what =
    words.length === 1 ? words[0]! : translate(locale, 'letters.proposal.or', { rest: words.slice(0, -1).join(', '), last: words[words.length - 1]! });
  return { amount: present.reduce((sum, [amount]) => sum + amount, 0), what };
}

export function ProposalView(props: { proposal: LetterProposalResponse }) {
  const styles = useStyles();
  const t = useT();
  const p = props.proposal;
  const leftOut = leftOutOf(p, t.locale);
  return (
    <section className={styles.root} aria-label={t('letters.proposal.label')}>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('letters.proposal.level')}</dt>
        <dd className={styles.value}>{p.level ? `${p.level.level} · ${p.level.name}` : '—'}</dd>
        <dt className={styles.term}>{t('letters.proposal.fee')}</dt>
        <dd className={styles.value}>{p.fee ? <Money minor={p.fee.amount} currency={p.fee.currency} /> : t('letters.proposal.noFee')}</dd>
        <dt className={styles.term}>{t('letters.proposal.overdue')}</dt>
        <dd className={styles.value}>
          {p.totals.map((total, i) => (
            <span key={total.currency}>
              {i > 0 && ' + '}
              <Money minor={total.open} currency={total.currency} />
            </span>
          ))}
        </dd>
      </dl>
      {leftOut && (
        <Text size={200} className={styles.hint}>
          {t.rich('letters.proposal.leftOut', { amount: <Money minor={leftOut.amount} currency={p.accountingCurrency} />, what: leftOut.what })}
        </Text>
      )}
      <Text weight="semibold">
        {t('letters.proposal.items', { count: p.lines.length })}
      </Text>
      <ul className={styles.list} aria-label={t('letters.proposal.itemsLabel')}>
        {p.lines.map((l) => (
          <li key={l.entryId} className={styles.line}>
            <span>
              {l.document}{' '}
              <Text size={200} className={styles.meta}>
                {t.rich('letters.proposal.due', { date: <DateText date={l.dueDate} short /> })} ·{' '}
                <span className={styles.nowrap}>{t('letters.proposal.daysLate', { count: l.daysOverdue })}</span>
              </Text>
            </span>
            <Money className={styles.amount} minor={l.open} currency={l.currency} />
          </li>
        ))}
      </ul>
    </section>
  );
}
