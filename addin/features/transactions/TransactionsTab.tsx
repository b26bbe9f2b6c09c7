// The transactions tab: a sortable, keyboard-navigable grid of open (or all) items with totals
// per currency.
import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  makeStyles,
  mergeClasses,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { TransactionItem, TransactionsResponse } from '../../../server/http/schemas/transactions';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBar } from '../../ui/ErrorBar';
import { Money } from '../../ui/Money';
import { TabSkeleton } from '../../ui/TabSkeleton';
import { transactionColumns } from './columns';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalS },
  grid: { minWidth: 0, fontSize: tokens.fontSizeBase200 },
  cell: { minWidth: 0, paddingInline: tokens.spacingHorizontalXXS },
  number: { justifyContent: 'flex-end', textAlign: 'end' },
  nowrap: { whiteSpace: 'nowrap' },
  // Shares of the row so the columns fit 320 px: the document and the amount need the most.
  document: { flexGrow: 3.4 },
  dueDate: { flexGrow: 2 },
  daysOverdue: { flexGrow: 1.4 },
  open: { flexGrow: 2.8 },
  totals: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-end',
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  amount: { margin: 0 },
  total: { display: 'flex', gap: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightSemibold },
});

const numeric = new Set(['daysOverdue', 'open']);
type ColumnId = 'document' | 'dueDate' | 'daysOverdue' | 'open';

export interface CustomerTabProps {
  api: ApiClient;
  customerId: string;
  asOf: string | undefined;
  /** Changes when the agent asks for a refresh. */
  refreshKey: number;
}

export default function TransactionsTab(props: CustomerTabProps) {
  const styles = useStyles();
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const key = `${props.customerId}|${status}|${props.asOf ?? ''}|${props.refreshKey}`;
  const { state, retry } = useRequest<TransactionsResponse>(key, (signal) =>
    props.api.transactions(props.customerId, { status, asOf: props.asOf }, signal),
  );
  return (
    <div className={styles.root}>
      <Switch
        label="Include settled transactions"
        checked={status === 'all'}
        onChange={(_, d) => setStatus(d.checked ? 'all' : 'open')}
      />
      {state.status === 'loading' && <TabSkeleton rows={6} />}
      {state.status === 'error' && <ErrorBar title="Transactions could not be loaded" error={state.error} onRetry={retry} />}
      {state.status === 'done' && state.data.items.length === 0 && (
        <EmptyState
          title={status === 'open' ? 'Nothing open' : 'No transactions'}
          description={status === 'open' ? 'This customer owes nothing on this date.' : 'Nothing was posted for this customer up to this date.'}
        />
      )}
      {state.status === 'done' && state.data.items.length > 0 && (
        <>
          <DataGrid
            className={styles.grid}
            items={state.data.items}
            columns={transactionColumns}
            getRowId={(t: TransactionItem) => t.id}
            sortable
            defaultSortState={{ sortColumn: 'dueDate', sortDirection: 'ascending' }}
            focusMode="composite"
            size="small"
            aria-label="Transactions"
          >
            <DataGridHeader>
              <DataGridRow>
                {({ renderHeaderCell, columnId }) => (
                  <DataGridHeaderCell
                    className={mergeClasses(styles.cell, styles[columnId as ColumnId], numeric.has(String(columnId)) && styles.number)}
                    button={{ className: mergeClasses(numeric.has(String(columnId)) && styles.number) }}
                  >
                    {renderHeaderCell()}
                  </DataGridHeaderCell>
                )}
              </DataGridRow>
            </DataGridHeader>
            <DataGridBody<TransactionItem>>
              {({ item, rowId }) => (
                <DataGridRow<TransactionItem> key={rowId}>
                  {({ renderCell, columnId }) => (
                    <DataGridCell
                      className={mergeClasses(styles.cell, styles[columnId as ColumnId], numeric.has(String(columnId)) && styles.number, styles.nowrap)}
                    >
                      {renderCell(item)}
                    </DataGridCell>
                  )}
                </DataGridRow>
              )}
            </DataGridBody>
          </DataGrid>
          <dl className={styles.totals} aria-label="Open totals per currency">
            {state.data.totals.map((t) => (
              <div key={t.currency} className={styles.total}>
                <dt>
                  <Text size={200}>{state.data.totals.length > 1 ? `Total open ${t.currency}` : 'Total open'}</Text>
                </dt>
                <dd className={styles.amount}>
                  <Money minor={t.open} currency={t.currency} />
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </div>
  );
}
