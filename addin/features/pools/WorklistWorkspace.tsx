// The worklist at full width (the workspace page or the pane's larger dialog): the pools editor and
// the shown pool's aging history beside the chart and the list; a row opens the customer in a
// drawer, as the report does.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { ApiClient } from '../../api/client';
import type { MailHost } from '../../office/host';
import { AgingHistory, HISTORY_MONTHS } from '../overview/AgingHistory';
import { CustomerDrawer } from '../reports/CustomerDrawer';
import type { PoolsClient } from '../worklist/client';
import { emptyMemory, type WorklistMemory } from '../worklist/memory';
import { Worklist } from '../worklist/Worklist';
import { PoolsEditor } from './PoolsEditor';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(220px, 1fr) minmax(0, 4fr)',
    gap: tokens.spacingHorizontalXL,
    padding: tokens.spacingHorizontalXL,
    alignItems: 'start',
  },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, minWidth: 0 },
});

export function WorklistWorkspace(props: { api: ApiClient; host: MailHost; pools: PoolsClient; accountingCurrency?: string }) {
  const styles = useStyles();
  const memory = useRef<WorklistMemory>(emptyMemory());
  const [version, setVersion] = useState(0);
  const [shown, setShown] = useState<string | null>(null);
  const [opened, setOpened] = useState<{ id: string; name: string } | null>(null);
  return (
    <div className={styles.root}>
      <div className={styles.side}>
        <PoolsEditor
          client={props.pools}
          version={version}
          shownPoolId={shown}
          currency={props.accountingCurrency ?? memory.current.rows?.currency ?? 'USD'}
          onChanged={() => {
            memory.current.rows = null;
            setVersion((v) => v + 1);
          }}
        />
        {shown !== null && props.pools.agingHistory && (
          <AgingHistory requestKey={`pool|${shown}|${version}`} load={(signal) => props.pools.agingHistory!(shown, HISTORY_MONTHS, signal)} />
        )}
      </div>
      <Worklist
        key={version}
        client={props.pools}
        memory={memory.current}
        layout="workspace"
        poolsVersion={version}
        onPoolShown={(id) => id !== shown && setShown(id)}
        onOpenCustomer={(item) => setOpened({ id: item.customer.id, name: item.customer.name })}
      />
      <CustomerDrawer api={props.api} host={props.host} customer={opened} onClose={() => setOpened(null)} />
    </div>
  );
}
