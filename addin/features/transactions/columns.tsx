// The columns of the transactions grid (document with its collection status, its date and who set
// it, or its hold, and "Attach to reply" where it has a document link), due date, days late,
// open amount) and how each sorts.
import { Badge, Button, Checkbox, createTableColumn, makeStyles, Spinner, TableCellLayout, tokens, type TableColumnDefinition } from '@fluentui/react-components';
import { AttachRegular } from '@fluentui/react-icons';
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import { DateText } from '../../ui/DateText';
import { translate, useT, type Translate } from '../../i18n';
import { formatDate } from '../../ui/format';
import { Money } from '../../ui/Money';
import { CollectionStatusBadge } from '../../ui/StatusBadge';

/** A transaction's kind in the locale's language ('Invoice', 'Credit note'…). */
export function transactionKindLabel(kind: TransactionItem['kind'], locale: string): string {
  return translate(locale, `timeline.type.${kind}`);
}

/** Due date first; entries without one (payments, credits) after every entry with one. */
export function compareDue(a: TransactionItem, b: TransactionItem): number {
  if (a.dueDate === null || b.dueDate === null) {
    if (a.dueDate !== b.dueDate) return a.dueDate === null ? 1 : -1;
    return a.postingDate.localeCompare(b.postingDate);
  }
  return a.dueDate.localeCompare(b.dueDate) || a.postingDate.localeCompare(b.postingDate);
}

/** What a hold's tooltip says: its reason and until when. */
export function holdTitle(hold: NonNullable<TransactionItem['hold']>, locale: string): string {
  return hold.until
    ? translate(locale, 'transactions.columns.holdTitle', { reason: hold.reason, date: formatDate(hold.until, locale) })
    : translate(locale, 'transactions.columns.holdTitleUntilLifted', { reason: hold.reason });
}

function HoldBadge(props: { hold: NonNullable<TransactionItem['hold']> }) {
  const t = useT();
  const title = holdTitle(props.hold, t.locale);
  return (
    <Badge appearance="tint" color="warning" size="small" title={title} aria-label={title}>
      {t('transactions.columns.onHold')}
    </Badge>
  );
}

/** A short column header that says its full name to a screen reader and in a tooltip. */
function ShortHeader(props: { short: string; full: string }) {
  return <abbr title={props.full} aria-label={props.full} style={{ textDecoration: 'none' }}>{props.short}</abbr>;
}

/** Which rows are selected for an action; the checkbox rides in the document cell to keep four columns at 320 px. */
export interface RowSelection {
  selected: ReadonlySet<string>;
  toggle: (id: string, on: boolean) => void;
}

/** "Attach to reply" for rows with a document link; absent where no reply can open. */
export interface RowAttach {
  attach: (t: TransactionItem) => void;
  /** The row being attached. */
  busy: string | null;
}

const useStyles = makeStyles({
  // As tall as the line it sits on, so rows with a link are no taller than the others.
  attach: {
    minWidth: 0,
    height: 'auto',
    padding: 0,
    marginInlineEnd: tokens.spacingHorizontalXXS,
    verticalAlign: 'text-bottom',
    '& .fui-Button__icon': { fontSize: tokens.fontSizeBase400, width: tokens.fontSizeBase400, height: tokens.fontSizeBase400 },
  },
  // A narrow margin round the box leaves the document number room to show whole at 320 px.
  indicator: { marginInline: tokens.spacingHorizontalXXS },
});

function AttachButton(props: { item: TransactionItem; attach: RowAttach }) {
  const styles = useStyles();
  const t = useT();
  const busy = props.attach.busy === props.item.id;
  return (
    <Button
      className={styles.attach}
      appearance="transparent"
      size="small"
      icon={busy ? <Spinner size="extra-tiny" /> : <AttachRegular />}
      disabled={props.attach.busy !== null}
      aria-label={t('transactions.columns.attach', { document: props.item.document })}
      title={t('transactions.columns.attachTitle')}
      // Out of the Tab order like the checkbox: the keyboard attaches from the Actions menu.
      tabIndex={-1}
      onClick={(e) => {
        e.stopPropagation();
        props.attach.attach(props.item);
      }}
    />
  );
}

function RowCheckbox(props: { item: TransactionItem; selection: RowSelection }) {
  const styles = useStyles();
  const t = useT();
  const { item, selection } = props;
  return (
    <Checkbox
      aria-label={t('transactions.columns.select', { document: item.document })}
      indicator={{ className: styles.indicator }}
      // Out of the Tab order: the keyboard selects the focused row with Space (TransactionsTab).
      input={{ tabIndex: -1 }}
      checked={selection.selected.has(item.id)}
      onChange={(_, d) => selection.toggle(item.id, d.checked === true)}
      onClick={(e) => e.stopPropagation()}
    />
  );
}

/** Under the number: its hold, or its collection status with the date and who set it, or its kind. */
function documentDescription(t: TransactionItem, tr: Translate) {
  return t.hold ? (
    <span>
      <HoldBadge hold={t.hold} />
      {t.collectionStatus !== 'none' && (
        <>
          {' '}
          <CollectionStatusBadge status={t.collectionStatus} />
        </>
      )}
    </span>
  ) : t.collectionStatus === 'none' ? (
    tr(`timeline.type.${t.kind}`)
  ) : (
    <span title={t.statusSetBy ? tr('transactions.columns.setBy', { name: t.statusSetBy }) : undefined}>
      <CollectionStatusBadge status={t.collectionStatus} />
      {t.statusDate && (
        <>
          {' '}
          <DateText date={t.statusDate} day />
        </>
      )}
      {t.statusSetBy && ` · ${t.statusSetBy}`}
    </span>
  );
}

export const transactionColumns = (tr: Translate, selection: RowSelection, attach?: RowAttach): TableColumnDefinition<TransactionItem>[] => [
  createTableColumn<TransactionItem>({
    columnId: 'document',
    compare: (a, b) => a.document.localeCompare(b.document, undefined, { numeric: true }),
    renderHeaderCell: () => tr('transactions.columns.document'),
    // The status, its date and who set it ride under the number so four columns fit 320 px (the
    // kind when there is none), behind the paper clip of a document with a link.
    renderCell: (t) => (
      <TableCellLayout
        truncate
        media={<RowCheckbox item={t} selection={selection} />}
        description={
          <>
            {attach && t.documentUrl && <AttachButton item={t} attach={attach} />}
            {documentDescription(t, tr)}
          </>
        }
      >
        {t.document}
      </TableCellLayout>
    ),
  }),
  createTableColumn<TransactionItem>({
    columnId: 'dueDate',
    compare: compareDue,
    renderHeaderCell: () => tr('transactions.columns.due'),
    // The pane's date format (as in the header and the timeline); entries without a due date say so.
    renderCell: (t) => <DateText date={t.dueDate} empty="—" />,
  }),
  createTableColumn<TransactionItem>({
    columnId: 'daysOverdue',
    compare: (a, b) => a.daysOverdue - b.daysOverdue,
    renderHeaderCell: () => <ShortHeader short={tr('transactions.columns.late')} full={tr('transactions.columns.daysLate')} />,
    renderCell: (t) => (t.daysOverdue > 0 ? t.daysOverdue : '—'),
  }),
  createTableColumn<TransactionItem>({
    columnId: 'open',
    // Amounts of different currencies are compared in the accounting currency.
    compare: (a, b) => a.openAccounting - b.openAccounting,
    renderHeaderCell: () => tr('transactions.columns.open'),
    renderCell: (t) => <Money minor={t.open} currency={t.currency} />,
  }),
];
