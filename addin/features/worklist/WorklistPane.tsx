// The worklist in the pane, loaded on demand: the list, or the customer opened from it with a
// "Back to worklist" that returns to the same pool, filter and row (the memory lives in the App).
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client';
import { useT } from '../../i18n';
import type { MailHost } from '../../office/host';
import { CustomerView } from '../customer/CustomerView';
import type { PoolsClient } from './client';
import type { WorklistMemory } from './memory';
import { Worklist } from './Worklist';

const useStyles = makeStyles({
  back: { alignSelf: 'flex-start', margin: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} 0` },
  column: { display: 'flex', flexDirection: 'column', minWidth: 0 },
});

export default function WorklistPane(props: {
  api: ApiClient;
  host: MailHost;
  pools: PoolsClient;
  memory: { current: WorklistMemory };
  onOpenWorkspace?(): void;
  onClose?(): void;
  /** Shown above and below the list (not with a customer open). */
  before?: ReactNode;
  after?: ReactNode;
}) {
  const styles = useStyles();
  const t = useT();
  const memory = props.memory.current;
  const [openedId, setOpenedId] = useState<string | null>(memory.openedId && memory.customerOpen ? memory.openedId : null);
  const back = () => {
    memory.customerOpen = false;
    setOpenedId(null);
  };

  if (openedId) {
    return (
      <div className={styles.column}>
        <Button className={styles.back} size="small" appearance="subtle" icon={<ArrowLeftRegular />} onClick={back}>
          {t('worklist.back')}
        </Button>
        <CustomerView key={openedId} api={props.api} host={props.host} item={null} customerId={openedId} onChangeCustomer={back} />
      </div>
    );
  }
  return (
    <>
      {props.before}
      <Worklist
        client={props.pools}
        memory={memory}
        onOpenWorkspace={props.onOpenWorkspace}
        onClose={props.onClose}
        onOpenCustomer={(item) => {
          memory.customerOpen = true;
          setOpenedId(item.customer.id);
        }}
      />
      {props.after}
    </>
  );
}
