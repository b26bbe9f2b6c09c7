// Reprint from a transaction's row: the collection letters and interest notes it appeared on, each opened as the PDF
// stored when it was posted (through a short-lived link, so the browser needs no sign-in).
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { DocumentsResponse } from '../../../server/http/schemas/actions';
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import { useT } from '../../i18n';
import { DateText } from '../../ui/DateText';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBar } from '../../ui/ErrorBar';
import { FormDialog } from '../../ui/FormDialog';
import { TabSkeleton } from '../../ui/TabSkeleton';
import { openStoredPdf } from '../interest/open-pdf';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
});

export function ReprintDialog(props: { api: ApiClient; item: TransactionItem; onClose: () => void }) {
  const styles = useStyles();
  const t = useT();
  const { state, retry } = useRequest<DocumentsResponse>(props.item.id, (signal) => props.api.transactionDocuments(props.item.id, signal));
  const [failure, setFailure] = useState<unknown>(null);
  const open = async (letterId: string) => {
    setFailure(null);
    try {
      const document = state.status === 'done' ? state.data.items.find((d) => d.id === letterId) : undefined;
      // Interest notes are served behind sign-in only: fetched with the token, shown from a blob.
      if (document?.kind === 'interest_note') return await openStoredPdf(props.api, document.pdfUrl);
      const link = await props.api.letterPdfLink(letterId);
      window.open(props.api.absoluteUrl(link.url), '_blank', 'noopener');
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <FormDialog
      title={t('transactions.reprint.title', { document: props.item.document })}
      label={t('transactions.reprint.label')}
      closeLabel={t('transactions.reprint.close')}
      onClose={props.onClose}
      failure={failure}
      failureTitle={t('transactions.reprint.openFailed')}
      onRetry={() => setFailure(null)}
    >
      {state.status === 'loading' && <TabSkeleton rows={2} />}
      {state.status === 'error' && <ErrorBar title={t('transactions.reprint.failed')} error={state.error} onRetry={retry} />}
      {state.status === 'done' && state.data.items.length === 0 && <EmptyState title={t('transactions.reprint.empty')} description={t('transactions.reprint.emptyDescription')} />}
      {state.status === 'done' && state.data.items.length > 0 && (
        <ul className={styles.list} aria-label={t('transactions.reprint.list')}>
          {state.data.items.map((d) => (
            <li key={d.id} className={styles.row}>
              <Text>
                {d.number} · {d.title} · <DateText date={d.date} short />
              </Text>
              <Button size="small" onClick={() => open(d.id)} aria-label={t('transactions.reprint.open', { number: d.number })}>
                {t('transactions.reprint.openPdf')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </FormDialog>
  );
}
