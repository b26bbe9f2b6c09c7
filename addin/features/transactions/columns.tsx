// The columns of the transactions grid (document with its collection status, its date and who set
// it, or its hold), due date, days late,
// open amount) and how each sorts.
import { Badge, Checkbox, createTableColumn, TableCellLayout, type TableColumnDefinition } from '@fluentui/react-components';
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import { DateText } from '../../ui/DateText';
import { formatDate } from '../../ui/format';
import { useLocale } from '../../ui/locale';
import { Money } from '../../ui/Money';
import { CollectionStatusBadge } from '../../ui/StatusBadge';

const kindLabel: Record<TransactionItem['kind'], string> = {
  invoice: 'Invoice',
  payment: 'Payment',
  credit_note: 'Credit note',
  fee: 'Fee',
  interest: 'Interest',
  write_off: 'Write-off',
  nsf_reversal: 'NSF reversal',
  adjustment: 'Adjustment',
};

export function transactionKindLabel(kind: TransactionItem['kind']): string {
  return kindLabel[kind];
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
  return `On hold: ${hold.reason}${hold.until ? ` · until ${formatDate(hold.until, locale)}` : ' · until lifted'}`;
}

function HoldBadge(props: { hold: NonNullable<TransactionItem['hold']> }) {
  const locale = useLocale();
  const title = holdTitle(props.hold, locale);
  return (
    <Badge appearance="tint" color="warning" size="small" title={title} aria-label={title}>
      On hold
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

export const transactionColumns = (selection: RowSelection): TableColumnDefinition<TransactionItem>[] => [
  createTableColumn<TransactionItem>({
    columnId: 'document',
    compare: (a, b) => a.document.localeCompare(b.document, undefined, { numeric: true }),
    renderHeaderCell: () => 'Document',
    // The status, its date and who set it ride under the number so four columns fit 320 px; the
    // kind shows when there is none.
    renderCell: (t) => (
      <TableCellLayout
        truncate
        media={
          <Checkbox
            aria-label={`Select ${t.document}`}
            // Out of the Tab order: the keyboard selects the focused row with Space (TransactionsTab).
            input={{ tabIndex: -1 }}
            checked={selection.selected.has(t.id)}
            onChange={(_, d) => selection.toggle(t.id, d.checked === true)}
            onClick={(e) => e.stopPropagation()}
          />
        }
        description={
          t.hold ? (
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
            kindLabel[t.kind]
          ) : (
            <span title={t.statusSetBy ? `Set by ${t.statusSetBy}` : undefined}>
              <CollectionStatusBadge status={t.collectionStatus} />
              {t.statusDate && (
                <>
                  {' '}
                  <DateText date={t.statusDate} day />
                </>
              )}
              {t.statusSetBy && ` · ${t.statusSetBy}`}
            </span>
          )
        }
      >
        {t.document}
      </TableCellLayout>
    ),
  }),
  createTableColumn<TransactionItem>({
    columnId: 'dueDate',
    compare: compareDue,
    renderHeaderCell: () => 'Due',
    // The pane's date format (as in the header and the timeline); entries without a due date say so.
    renderCell: (t) => <DateText date={t.dueDate} empty="—" />,
  }),
  createTableColumn<TransactionItem>({
    columnId: 'daysOverdue',
    compare: (a, b) => a.daysOverdue - b.daysOverdue,
    renderHeaderCell: () => <ShortHeader short="Late" full="Days late" />,
    renderCell: (t) => (t.daysOverdue > 0 ? t.daysOverdue : '—'),
  }),
  createTableColumn<TransactionItem>({
    columnId: 'open',
    // Amounts of different currencies are compared in the accounting currency.
    compare: (a, b) => a.openAccounting - b.openAccounting,
    renderHeaderCell: () => 'Open',
    renderCell: (t) => <Money minor={t.open} currency={t.currency} />,
  }),
];
