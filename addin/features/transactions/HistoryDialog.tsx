// "View collections history": every action on the customer's transactions (or on the one selected),
// newest first, with who, when and what it changed.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { HistoryResponse } from '../../../server/http/schemas/actions';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import { translate, useT } from '../../i18n';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBar } from '../../ui/ErrorBar';
import { FormDialog } from '../../ui/FormDialog';
import { TabSkeleton } from '../../ui/TabSkeleton';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

// The audit actions the history names, by their name after 'transaction.'; others show as recorded.
const ACTIONS = [
  'promise_to_pay',
  'dispute',
  'resolved',
  'cleared',
  'promise_broken',
  'settled',
  'settlement_reversed',
  'write_off',
  'write_off_requested',
  'write_off_rejected',
  'nsf',
  'reopened_by_nsf',
] as const;
type HistoryAction = (typeof ACTIONS)[number];

function actionName(action: string, locale: string): string {
  const name = action.startsWith('transaction.') ? action.slice('transaction.'.length) : '';
  return (ACTIONS as readonly string[]).includes(name) ? translate(locale, `transactions.history.action.${name as HistoryAction}`) : action;
}

function summary(after: unknown, locale: string): string {
  if (after === null || typeof after !== 'object') return '';
  const a = after as Record<string, unknown>;
  const promised = a.promiseDate ? translate(locale, 'transactions.history.promisedBy', { date: String(a.promiseDate) }) : null;
  return [a.document, promised, a.disputeReason, a.reasonCode, a.note].filter(Boolean).join(' · ');
}

export function HistoryDialog(props: { api: ApiClient; customerId: string; transactionId?: string; title: string; onClose: () => void }) {
  const styles = useStyles();
  const t = useT();
  const { state, retry } = useRequest<HistoryResponse>(`${props.customerId}|${props.transactionId ?? ''}`, (signal) =>
    props.api.history(props.customerId, props.transactionId, signal),
  );
  return (
    <FormDialog title={props.title} label={t('transactions.history.title')} closeLabel={t('transactions.history.close')} onClose={props.onClose}>
      {state.status === 'loading' && <TabSkeleton rows={4} />}
      {state.status === 'error' && <ErrorBar title={t('transactions.history.failed')} error={state.error} onRetry={retry} />}
      {state.status === 'done' && state.data.items.length === 0 && <EmptyState title={t('transactions.history.empty')} description={t('transactions.history.emptyDescription')} />}
      {state.status === 'done' && state.data.items.length > 0 && (
        <ol className={styles.list} aria-label={t('transactions.history.list')}>
          {state.data.items.map((h) => (
            <li key={h.id}>
              <Text weight="semibold">{actionName(h.action, t.locale)}</Text>
              <br />
              <Text size={200}>
                {new Date(h.at).toLocaleString(t.locale)} · {h.actorName ?? h.actor}
                {summary(h.after, t.locale) && ` · ${summary(h.after, t.locale)}`}
              </Text>
            </li>
          ))}
        </ol>
      )}
    </FormDialog>
  );
}
