// The columns of the transactions grid (document with its collection status, its date and who set
// it, due date, days late,
// open amount) and how each sorts.
import { Checkbox, createTableColumn, TableCellLayout, type TableColumnDefinition } from '@fluentui/react-components';
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import { DateText } from '../../ui/DateText';
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
          t.collectionStatus === 'none' ? (
            kindLabel[t.kind]
          ) : (
            <span title={t.statusSetBy ? `Set by ${t.statusSetBy}` : undefined}>
              <CollectionStatusBadge status={t.collectionStatus} />
              {t.statusDate && (
                <>
                  {' '}
                  <DateText date={t.statusDate} short />
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
    compare: (a, b) => (a.dueDate ?? a.postingDate).localeCompare(b.dueDate ?? b.postingDate),
    renderHeaderCell: () => 'Due',
    renderCell: (t) => <DateText date={t.dueDate} short />,
  }),
  createTableColumn<TransactionItem>({
    columnId: 'daysOverdue',
    compare: (a, b) => a.daysOverdue - b.daysOverdue,
    renderHeaderCell: () => 'Days late',
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
