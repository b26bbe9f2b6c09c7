// "Active contracts: N" among the overview's figures; the number opens the customer's contracts as
// of the same date (those in force first), fetched only when asked for.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ContractJson, ContractsResponse } from '../../../server/http/schemas/contracts';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import { useT } from '../../i18n';
import { DateText } from '../../ui/DateText';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBar } from '../../ui/ErrorBar';
import { formatNumber } from '../../ui/format';
import { useLocale } from '../../ui/locale';
import { Money } from '../../ui/Money';
import { TabSkeleton } from '../../ui/TabSkeleton';

const useStyles = makeStyles({
  fact: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  surface: { maxWidth: 'min(480px, 100vw - 16px)' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  line: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  heading: { margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300 },
});

type ContractsApi = Pick<ApiClient, 'contracts'>;

export function ContractsFact(props: { api: ContractsApi; customerId: string; asOf: string; active: number }) {
  const styles = useStyles();
  const locale = useLocale();
  const t = useT();
  const [open, setOpen] = useState(false);
  const label = t('overview.contracts.show', { count: props.active });
  return (
    <div className={styles.fact}>
      <dt className={styles.term}>{t('overview.contracts.term')}</dt>
      <dd className={styles.value}>
        <Link as="button" aria-label={label} aria-haspopup="dialog" onClick={() => setOpen(true)}>
          {formatNumber(props.active, locale)}
        </Link>
      </dd>
      {open && <ContractsDialog api={props.api} customerId={props.customerId} asOf={props.asOf} onClose={() => setOpen(false)} />}
    </div>
  );
}

function ContractsDialog(props: { api: ContractsApi; customerId: string; asOf: string; onClose: () => void }) {
  const styles = useStyles();
  const t = useT();
  const { state, retry } = useRequest<ContractsResponse>(`${props.customerId}|${props.asOf}`, (signal) =>
    props.api.contracts(props.customerId, props.asOf, signal),
  );
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && props.onClose()}>
      <DialogSurface className={styles.surface} aria-label={t('overview.contracts.title')}>
        <DialogBody>
          <DialogTitle>{t('overview.contracts.title')}</DialogTitle>
          <DialogContent>
            <Text size={200} className={styles.muted}>
              {t.rich('overview.contracts.asOf', { date: <DateText date={props.asOf} /> })}
            </Text>
            {state.status === 'loading' && <TabSkeleton rows={3} />}
            {state.status === 'error' && <ErrorBar title={t('overview.contracts.failed')} error={state.error} onRetry={retry} />}
            {state.status === 'done' && <ContractGroups items={state.data.items} />}
          </DialogContent>
          <DialogActions>
            <Button onClick={props.onClose}>{t('common.close')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** In force first; each state's title is its catalog key. */
const GROUPS: ReadonlyArray<ContractJson['state']> = ['active', 'upcoming', 'ended'];

function ContractGroups(props: { items: ContractJson[] }) {
  const styles = useStyles();
  const t = useT();
  if (props.items.length === 0) {
    return <EmptyState title={t('overview.contracts.emptyTitle')} description={t('overview.contracts.emptyDescription')} />;
  }
  return (
    <>
      {GROUPS.map((state) => {
        const title = t(`overview.contracts.${state}`);
        const items = props.items.filter((c) => c.state === state);
        if (items.length === 0) return null;
        return (
          <section key={state} aria-label={title}>
            <h3 className={styles.heading}>{title}</h3>
            <ul className={styles.list}>
              {items.map((c) => (
                <ContractItem key={c.id} contract={c} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function ContractItem(props: { contract: ContractJson }) {
  const styles = useStyles();
  const t = useT();
  const c = props.contract;
  return (
    <li className={styles.item}>
      <span className={styles.line}>
        <Text weight="semibold">{c.number}</Text>
        <Money minor={c.value} currency={c.currency} />
      </span>
      {c.description && <Text size={200}>{c.description}</Text>}
      <Text size={200} className={styles.muted}>
        <DateText date={c.startsOn} /> – {c.endsOn === null ? t('overview.contracts.openEnded') : <DateText date={c.endsOn} />}
      </Text>
    </li>
  );
}
