// The aged receivables report of the workspace: as-of date and basis, a filter by name or account,
// the totals by period and by currency, every customer in a sortable table (a click opens the
// customer), CSV and Excel downloads, and for managers the month-end mail switch.
import { Field, Input, makeStyles, SearchBox, Select, Spinner, Text, tokens } from '@fluentui/react-components';
import { useDeferredValue, useMemo, useState } from 'react';
import type { AgedCustomerJson, AgedReceivablesResponse } from '../../../server/http/schemas/reports';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import { useT } from '../../i18n';
import type { MailHost } from '../../office/host';
import { ErrorBar } from '../../ui/ErrorBar';
import { formatDate } from '../../ui/format';
import { useLocale } from '../../ui/locale';
import type { ReportQuery, ReportsClient } from './client';
import { CustomerDrawer } from './CustomerDrawer';
import { DownloadButtons } from './DownloadButtons';
import { filterCustomers, sortCustomers, type Sort } from './model';
import { MonthEndSwitch } from './MonthEndSwitch';
import { ReportTable } from './ReportTable';
import { TotalsTable } from './TotalsTable';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalXL, minWidth: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  grow: { flexGrow: 1 },
});

export function ReportView(props: { client: ReportsClient; api: ApiClient; host: MailHost; initialAsOf?: string }) {
  const styles = useStyles();
  const locale = useLocale();
  const t = useT();
  const [asOf, setAsOf] = useState(props.initialAsOf ?? '');
  const [by, setBy] = useState<'due_date' | 'document_date'>('due_date');
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<Sort>({ column: 'account', direction: 'ascending' });
  const [opened, setOpened] = useState<AgedCustomerJson | null>(null);
  const query: ReportQuery = { asOf: asOf || undefined, by };
  const { state, retry } = useRequest<AgedReceivablesResponse>(`${asOf}|${by}`, (signal) => props.client.report(query, signal));

  // Typing in the filter stays responsive while tens of thousands of lines are filtered behind it.
  const deferredFilter = useDeferredValue(filter);
  const report = state.status === 'done' ? state.data : null;
  const customers = useMemo(
    () => (report ? sortCustomers(filterCustomers(report.customers, deferredFilter), sort, locale) : []),
    [report, deferredFilter, sort, locale],
  );

  return (
    <section className={styles.root} aria-labelledby="report-heading">
      <h1 id="report-heading" className={styles.heading}>
        {report ? t('reports.headingAsOf', { date: formatDate(report.asOf, locale) }) : t('reports.heading')}
      </h1>
      <div className={styles.toolbar}>
        <Field label={t('reports.asOf')}>
          {/* Empty means today: once the report is in, the field shows the date it was made for. */}
          <Input type="date" value={asOf || report?.asOf || ''} onChange={(_, data) => setAsOf(data.value)} />
        </Field>
        <Field label={t('reports.ageBy')}>
          <Select value={by} onChange={(_, data) => setBy(data.value as typeof by)}>
            <option value="due_date">{t('reports.dueDate')}</option>
            <option value="document_date">{t('reports.documentDate')}</option>
          </Select>
        </Field>
        <Field label={t('reports.filter')}>
          <SearchBox value={filter} onChange={(_, data) => setFilter(data.value)} />
        </Field>
        <div className={styles.grow} />
        <DownloadButtons client={props.client} query={query} asOf={report?.asOf ?? (asOf || 'today')} />
      </div>
      <MonthEndSwitch client={props.client} />
      {state.status === 'loading' && <Spinner label={t('reports.loading')} />}
      {state.status === 'error' && <ErrorBar title={t('reports.failed')} error={state.error} onRetry={retry} />}
      {report && (
        <>
          <h2 className={styles.subheading}>{t('reports.totals')}</h2>
          <TotalsTable report={report} />
          <h2 className={styles.subheading}>{t('reports.customers')}</h2>
          <Text>
            {customers.length === report.customers.length
              ? t('reports.withOpenItems', { count: report.customers.length })
              : t('reports.matching', { shown: customers.length, total: report.customers.length })}
          </Text>
          <ReportTable customers={customers} periods={report.periods} currency={report.currency} sort={sort} onSort={setSort} onOpen={setOpened} />
        </>
      )}
      <CustomerDrawer api={props.api} host={props.host} customer={opened} onClose={() => setOpened(null)} />
    </section>
  );
}
