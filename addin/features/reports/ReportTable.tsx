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
import { Money } from '../../ui/Money';
import { formatNumber } from '../../ui/format';
import { useLocale } from '../../ui/locale';
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
  const locale = useLocale();
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
        <Table sortable size="small" className={styles.table} aria-label="Aged receivables by customer">
          <TableHeader>
            <TableRow>
              {header('account', 'Account', styles.account)}
              {header('name', 'Name', styles.name)}
              {header('balance', 'Balance', styles.amount)}
              {header('overdue', 'Overdue', styles.amount)}
              {props.periods.map((period, i) => header(`period:${i}`, period.label, styles.amount))}
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
      <nav className={styles.pager} aria-label="Pages of customers">
        <Text aria-live="polite">
          {props.customers.length === 0
            ? 'No customers'
            : `${formatNumber(page * PAGE_SIZE + 1, locale)}–${formatNumber(page * PAGE_SIZE + shown.length, locale)} of ${formatNumber(props.customers.length, locale)}`}
        </Text>
        <Button icon={<ChevronLeftRegular />} aria-label="Previous page" disabled={page === 0} onClick={() => setPage(page - 1)} />
        <Button icon={<ChevronRightRegular />} aria-label="Next page" disabled={page >= pages - 1} onClick={() => setPage(page + 1)} />
      </nav>
    </>
  );
}
