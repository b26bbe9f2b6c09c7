// The workspace's pools for managers: every pool with its edit and delete buttons, and a new one.
// Agents may look: the server refuses their changes (403), and the message says who may.
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useRequest } from '../../api/useRequest';
import { useT } from '../../i18n';
import { ErrorBar } from '../../ui/ErrorBar';
import type { PoolsClient } from '../worklist/client';
import type { PoolListResponse, PoolResponse } from '../worklist/types';
import { PoolForm } from './PoolForm';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, padding: tokens.spacingVerticalXXS },
  shown: { backgroundColor: tokens.colorNeutralBackground1Selected, borderRadius: tokens.borderRadiusMedium },
  name: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' },
});

export function PoolsEditor(props: { client: PoolsClient; version: number; shownPoolId: string | null; currency: string; onChanged(): void }) {
  const styles = useStyles();
  const t = useT();
  const { state, retry } = useRequest<PoolListResponse>(`editor|${props.version}`, (signal) => props.client.pools(signal));
  const [editing, setEditing] = useState<PoolResponse | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const remove = (pool: PoolResponse) => {
    setError(null);
    props.client.remove(pool.id).then(props.onChanged, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };

  return (
    <section className={styles.root} aria-labelledby="pools-heading">
      <h2 id="pools-heading" className={styles.heading}>
        {t('worklist.pools.heading')}
      </h2>
      <Button icon={<AddRegular />} onClick={() => setEditing('new')}>
        {t('worklist.pools.add')}
      </Button>
      {state.status === 'loading' && <Spinner size="tiny" label={t('worklist.pools.loading')} />}
      {state.status === 'error' && <ErrorBar title={t('worklist.poolsFailed')} error={state.error} onRetry={retry} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'done' && (
        <ul className={styles.list}>
          {state.data.items.map((pool) => (
            <li key={pool.id} className={pool.id === props.shownPoolId ? `${styles.item} ${styles.shown}` : styles.item}>
              <Text className={styles.name}>{pool.id === 'all' ? t('worklist.allCustomers') : pool.name}</Text>
              {pool.id !== 'all' && (
                <>
                  <Button size="small" appearance="subtle" icon={<EditRegular />} aria-label={t('worklist.pools.edit', { name: pool.name })} onClick={() => setEditing(pool)} />
                  <Button size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={t('worklist.pools.remove', { name: pool.name })} onClick={() => remove(pool)} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <PoolForm
          client={props.client}
          pool={editing === 'new' ? null : editing}
          currency={props.currency}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            props.onChanged();
          }}
        />
      )}
    </section>
  );
}
