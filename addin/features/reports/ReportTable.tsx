// The report's customers as a sortable table, a page at a time (tens of thousands of rows would
// not render quickly): account, name (a button that opens the customer), balance, overdue and one
// column per period. The header cells are the sort buttons, with aria-sort for screen readers.
import {
  Button,
  Link,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { AgedCustomerJson, AgingPeriodJson } from '../../../server/http/schemas/reports';
import { useT } from '../../i18n';
import { Money } from '../../ui/Money';
import { periodLabel } from '../../ui/periods';
import { firstDirection, type Sort, type SortColumn } from './model';

export const PAGE_SIZE = 100;

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  table: { minWidth: '960px' },
  // Amounts line up on the right, their headings (a sort button in the header cell) too.
  amount: { textAlign: 'end', whiteSpace: 'nowrap', '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' } },
  // The table lays its columns out from the header row: the name gets the room the amounts spare.
  account: { whiteSpace: 'nowrap', width: '100px' },
  name: { width: '240px' },
  pager: { display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS, paddingBlock: tokens.spacingVerticalS },
});

export function ReportTable(props: {
  customers: readonly AgedCustomerJson[];
  periods: readonly AgingPeriodJson[];
  currency: string;
  sort: Sort;
  onSort(sort: Sort): void;
  onOpen(customer: AgedCustomerJson): void;
}) {
  const styles = useStyles();
  const t = useT();
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(props.customers.length / PAGE_SIZE));
  // A new filter or sort starts at the first page.
  useEffect(() => setPage(0), [props.customers]);
  const shown = props.customers.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);

  const header = (column: SortColumn, label: string, className?: string) => (
    <TableHeaderCell
      key={column}
      className={className}
      sortDirection={props.sort.column === column ? props.sort.direction : undefined}
      onClick={() =>
        props.onSort(
          props.sort.column === column
            ? { column, direction: props.sort.direction === 'ascending' ? 'descending' : 'ascending' }
            : { column, direction: firstDirection(column) },
        )
      }
    >
      {label}
    </TableHeaderCell>
  );
  const money = (minor: number) => <Money minor={minor} currency={props.currency} />;

  return (
    <>
      <div className={styles.scroller}>
        <Table sortable size="small" className={styles.table} aria-label={t('reports.table.label')}>
          <TableHeader>
            <TableRow>
              {header('account', t('reports.table.account'), styles.account)}
              {header('name', t('reports.table.name'), styles.name)}
              {header('balance', t('reports.table.balance'), styles.amount)}
              {header('overdue', t('reports.table.overdue'), styles.amount)}
              {props.periods.map((period, i) => header(`period:${i}`, periodLabel(t, period), styles.amount))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((customer) => (
              <TableRow key={customer.id}>
                <TableCell className={styles.account}>{customer.account}</TableCell>
                <TableCell>
                  <Link as="button" onClick={() => props.onOpen(customer)}>
                    {customer.name}
                  </Link>
                </TableCell>
                <TableCell className={styles.amount}>{money(customer.balance)}</TableCell>
                <TableCell className={styles.amount}>{money(customer.overdue)}</TableCell>
                {customer.buckets.map((amount, i) => (
                  <TableCell key={i} className={styles.amount}>
                    {money(amount)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <nav className={styles.pager} aria-label={t('reports.table.pages')}>
        <Text aria-live="polite">
          {props.customers.length === 0
            ? t('reports.table.noCustomers')
            : t('reports.table.range', { from: page * PAGE_SIZE + 1, to: page * PAGE_SIZE + shown.length, total: props.customers.length })}
        </Text>
        <Button icon={<ChevronLeftRegular />} aria-label={t('reports.table.previous')} disabled={page === 0} onClick={() => setPage(page - 1)} />
        <Button icon={<ChevronRightRegular />} aria-label={t('reports.table.next')} disabled={page >= pages - 1} onClick={() => setPage(page + 1)} />
      </nav>
    </>
  );
}
