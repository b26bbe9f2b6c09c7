// "View collections history": every action on the customer's transactions (or on the one selected),
// newest first, with who, when and what it changed.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { HistoryResponse } from '../../../server/http/schemas/actions';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBar } from '../../ui/ErrorBar';
import { FormDialog } from '../../ui/FormDialog';
import { TabSkeleton } from '../../ui/TabSkeleton';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const ACTIONS: Record<string, string> = {
  'transaction.promise_to_pay': 'Promise to pay',
  'transaction.dispute': 'Disputed',
  'transaction.resolved': 'Resolved',
  'transaction.cleared': 'Status cleared',
  'transaction.promise_broken': 'Promise broken',
  'transaction.settled': 'Settled',
  'transaction.settlement_reversed': 'Settlement reversed',
  'transaction.write_off': 'Written off',
  'transaction.write_off_requested': 'Write-off requested',
  'transaction.write_off_rejected': 'Write-off rejected',
  'transaction.nsf': 'Returned unpaid (NSF)',
  'transaction.reopened_by_nsf': 'Reopened by NSF',
};

function summary(after: unknown): string {
  if (after === null || typeof after !== 'object') return '';
  const a = after as Record<string, unknown>;
  return [a.document, a.promiseDate && `by ${String(a.promiseDate)}`, a.disputeReason, a.reasonCode, a.note].filter(Boolean).join(' · ');
}

export function HistoryDialog(props: { api: ApiClient; customerId: string; transactionId?: string; title: string; onClose: () => void }) {
  const styles = useStyles();
  const { state, retry } = useRequest<HistoryResponse>(`${props.customerId}|${props.transactionId ?? ''}`, (signal) =>
    props.api.history(props.customerId, props.transactionId, signal),
  );
  return (
    <FormDialog title={props.title} label="Collections history" closeLabel="Close" onClose={props.onClose}>
      {state.status === 'loading' && <TabSkeleton rows={4} />}
      {state.status === 'error' && <ErrorBar title="The history could not be loaded" error={state.error} onRetry={retry} />}
      {state.status === 'done' && state.data.items.length === 0 && <EmptyState title="No actions yet" description="Nothing was done on these transactions here." />}
      {state.status === 'done' && state.data.items.length > 0 && (
        <ol className={styles.list} aria-label="History">
          {state.data.items.map((h) => (
            <li key={h.id}>
              <Text weight="semibold">{ACTIONS[h.action] ?? h.action}</Text>
              <br />
              <Text size={200}>
                {new Date(h.at).toLocaleString()} · {h.actorName ?? h.actor}
                {summary(h.after) && ` · ${summary(h.after)}`}
              </Text>
            </li>
          ))}
        </ol>
      )}
    </FormDialog>
  );
}
