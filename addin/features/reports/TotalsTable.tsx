// The report's totals by period: all customers in the accounting currency, then one row per
// transaction currency in its own currency (the open items as invoiced, not converted).
import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { AgedReceivablesResponse } from '../../../server/http/schemas/reports';
import { useT } from '../../i18n';
import { Money } from '../../ui/Money';
import { periodLabel } from '../../ui/periods';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  table: { minWidth: '960px' },
  // Amounts line up on the right, their headings (a sort button in the header cell) too.
  amount: { textAlign: 'end', whiteSpace: 'nowrap', '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' } },
  total: { fontWeight: 600 },
});

export function TotalsTable(props: { report: AgedReceivablesResponse }) {
  const styles = useStyles();
  const t = useT();
  const { report } = props;
  const { totals } = report;
  const cell = (minor: number | null, currency: string, key?: number) => (
    <TableCell key={key} className={styles.amount}>
      {minor === null ? '' : <Money minor={minor} currency={currency} />}
    </TableCell>
  );
  return (
    <div className={styles.scroller}>
      <Table size="small" className={styles.table} aria-label={t('reports.totalsTable.label')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('reports.totals')}</TableHeaderCell>
            <TableHeaderCell className={styles.amount}>{t('reports.table.balance')}</TableHeaderCell>
            <TableHeaderCell className={styles.amount}>{t('reports.table.overdue')}</TableHeaderCell>
            {report.periods.map((period) => (
              <TableHeaderCell key={period.label} className={styles.amount}>
                {periodLabel(t, period)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow className={styles.total}>
            <TableCell>{t('reports.totalsTable.allCustomers', { currency: report.currency })}</TableCell>
            {cell(totals.balance, report.currency)}
            {cell(totals.overdue, report.currency)}
            {totals.buckets.map((amount, i) => cell(amount, report.currency, i))}
          </TableRow>
          {totals.byCurrency.map((line) => (
            <TableRow key={line.currency}>
              <TableCell>{t('reports.totalsTable.byCurrency', { currency: line.currency })}</TableCell>
              {cell(line.balance, line.currency)}
              {cell(null, line.currency)}
              {line.buckets.map((amount, i) => cell(amount, line.currency, i))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
