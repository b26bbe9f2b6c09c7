// Write-offs above their requester's limit, waiting for a manager: shown above the grid to those
// who may decide (an agent's request for the list is refused, and nothing shows), each with
// Approve (posted at once) and Reject.
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import type { WriteOffsResponse } from '../../../server/http/schemas/money-actions';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import { useT } from '../../i18n';
import { ErrorBar } from '../../ui/ErrorBar';
import { Money } from '../../ui/Money';

const useStyles = makeStyles({ list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS } });

export function PendingWriteOffs(props: { api: ApiClient; customerId: string; items: readonly TransactionItem[]; refreshKey: number; accountingCurrency: string; onChanged: () => void }) {
  const styles = useStyles();
  const t = useT();
  const { state } = useRequest<WriteOffsResponse>(`${props.customerId}|${props.refreshKey}`, (signal) => props.api.pendingWriteOffs(props.customerId, signal));
  const [failure, setFailure] = useState<unknown>(null);
  const keys = useRef(new Map<string, string>());
  if (state.status !== 'done' || state.data.items.length === 0) return null;
  const documentOf = (id: string) => props.items.find((item) => item.id === id)?.document ?? id;
  const decide = async (id: string, decision: 'approve' | 'reject') => {
    const key = keys.current.get(`${id}:${decision}`) ?? crypto.randomUUID();
    keys.current.set(`${id}:${decision}`, key);
    setFailure(null);
    try {
      await props.api.decideWriteOff(id, decision, key);
      props.onChanged();
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <section className={styles.list} aria-label={t('transactions.writeOffs.label')}>
      {state.data.items.map((w) => (
        <MessageBar key={w.id} intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('transactions.writeOffs.title')}</MessageBarTitle>
            {w.items.map((i) => documentOf(i.transactionId)).join(', ')} · <Money minor={w.totalAccounting} currency={props.accountingCurrency} /> · {w.reasonCode}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={() => decide(w.id, 'approve')}>
              {t('transactions.writeOffs.approve')}
            </Button>
            <Button size="small" onClick={() => decide(w.id, 'reject')}>
              {t('transactions.writeOffs.reject')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ))}
      {failure !== null && <ErrorBar title={t('transactions.writeOffs.failed')} error={failure} onRetry={() => setFailure(null)} />}
    </section>
  );
}
