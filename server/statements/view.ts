// The one template-data object both statement renderers (HTML and PDF) read: every text already
// formatted for the statement's language, so the two cannot disagree.
import type { ActivityStatement, OpenItemsStatement, Statement } from '../domain/statements';
import type { IsoDate } from '../domain/types';
import { formatDate, formatInteger, formatMoney } from '../letters/format';
import { statementLabelsFor, type StatementLabels } from './labels';

export interface StatementInput {
  language: string;
  /** "Draft" on a preview: a statement gets its number when it is sent. */
  number: string;
  statement: Statement;
  company: { name: string; addressLines: string[]; logoPath: string | null };
  customer: { name: string; account: string; addressLines: string[] };
  agent: { name: string; email: string };
}

export interface StatementView {
  kind: Statement['kind'];
  language: string;
  labels: StatementLabels;
  title: string;
  subject: string;
  number: string;
  date: string;
  /** Activity statements: 'from – to'. */
  period: string | null;
  intro: string;
  company: StatementInput['company'];
  customer: StatementInput['customer'];
  agent: StatementInput['agent'];
  items: Array<{ document: string; kind: string; documentDate: string; dueDate: string; daysOverdue: string; amount: string; overdue: boolean }>;
  totals: string[];
  aging: Array<{ label: string; amount: string }>;
  balance: string | null;
  currencies: Array<{
    currency: string;
    opening: string;
    closing: string;
    postings: Array<{ date: string; document: string; kind: string; amount: string; balance: string }>;
  }>;
}

export function buildStatementView(input: StatementInput): StatementView {
  const labels = statementLabelsFor(input.language);
  const { locale } = labels;
  const date = (d: IsoDate | null) => (d === null ? '' : formatDate(d, locale));
  const s = input.statement;
  const title = s.kind === 'open_items' ? labels.openItemsTitle : labels.activityTitle;
  const base = {
    kind: s.kind,
    language: input.language,
    labels,
    title,
    subject: `${title} ${input.customer.name} · ${date(s.asOf)}`,
    number: input.number,
    date: date(s.asOf),
    company: input.company,
    customer: input.customer,
    agent: input.agent,
  };
  if (s.kind === 'open_items') return { ...base, ...openItemsParts(s, labels, date) };
  return { ...base, ...activityParts(s, labels, date) };
}

type DateText = (d: IsoDate | null) => string;

function openItemsParts(s: OpenItemsStatement, labels: StatementLabels, date: DateText) {
  const { locale } = labels;
  return {
    period: null,
    intro: s.items.length === 0 ? labels.noItems : labels.openItemsIntro,
    items: s.items.map((item) => ({
      document: item.document,
      kind: labels.kinds[item.kind],
      documentDate: date(item.postingDate),
      dueDate: date(item.dueDate),
      daysOverdue: item.daysOverdue > 0 ? formatInteger(item.daysOverdue, locale) : '',
      amount: formatMoney({ minor: item.open, currency: item.currency }, locale),
      overdue: item.daysOverdue > 0,
    })),
    totals: s.totals.map((t) => formatMoney({ minor: t.open, currency: t.currency }, locale)),
    aging: s.aging.map((bucket) => ({
      label:
        bucket.period.fromDays === null
          ? labels.current
          : bucket.period.toDays === null
            ? `${labels.over} ${formatInteger(bucket.period.fromDays - 1, locale)}`
            : bucket.period.label,
      amount: formatMoney({ minor: bucket.amount, currency: s.accountingCurrency }, locale),
    })),
    balance: formatMoney({ minor: s.balance, currency: s.accountingCurrency }, locale),
    currencies: [],
  };
}

function activityParts(s: ActivityStatement, labels: StatementLabels, date: DateText) {
  const { locale } = labels;
  const money = (minor: bigint, currency: string) => formatMoney({ minor, currency }, locale);
  return {
    period: `${date(s.from)} – ${date(s.asOf)}`,
    intro: labels.activityIntro,
    items: [],
    totals: [],
    aging: [],
    balance: null,
    currencies: s.currencies.map((c) => ({
      currency: c.currency,
      opening: money(c.opening, c.currency),
      closing: money(c.closing, c.currency),
      postings: s.postings
        .filter((p) => p.currency === c.currency)
        .map((p) => ({ date: date(p.postingDate), document: p.document, kind: labels.kinds[p.kind], amount: money(p.amount, p.currency), balance: money(p.balance, p.currency) })),
    })),
  };
}
