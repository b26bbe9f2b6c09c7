// The transactions tab: a sortable, keyboard-navigable grid of open (or all) items with totals
// per currency; selected rows are acted on from the Actions menu (each action confirmed in a dialog
// that shows its effect), and the collections history opens from the same menu. A row with a
// document link attaches the invoice copy to a reply.
import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  makeStyles,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  mergeClasses,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState, type KeyboardEvent } from 'react';
import type { TransactionItem, TransactionsResponse } from '../../../server/http/schemas/transactions';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import { useT } from '../../i18n';
import type { MailHost } from '../../office/host';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBar } from '../../ui/ErrorBar';
import { Money } from '../../ui/Money';
import { TabSkeleton } from '../../ui/TabSkeleton';
import { ActionDialog } from './ActionDialog';
import { actionLabelKey, allowedActions, type ActionKind } from './actions';
import { transactionColumns } from './columns';
import { HistoryDialog } from './HistoryDialog';
import { HoldDialog } from './HoldDialog';
import { heldAmong } from './holds';
import { PendingWriteOffs } from './PendingWriteOffs';
import { ReprintDialog } from './ReprintDialog';
import { InterestDialog } from '../interest/InterestDialog';
import { ManagerSettings } from '../interest/ManagerSettings';
import { ReverseSettlementDialog } from '../settlements/ReverseSettlementDialog';
import { SettleDialog } from '../settlements/SettleDialog';
import { AttachOutcomeBar, useAttachToReply } from '../statements/AttachToReply';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalS },
  bar: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grid: { minWidth: 0, fontSize: tokens.fontSizeBase200 },
  cell: { minWidth: 0, paddingInline: tokens.spacingHorizontalXXS },
  number: { justifyContent: 'flex-end', textAlign: 'end' },
  nowrap: { whiteSpace: 'nowrap' },
  // Shares of the row so the columns fit 320 px: the document and the amount need the most.
  document: { flexGrow: 3.8 },
  dueDate: { flexGrow: 2 },
  daysOverdue: { flexGrow: 1 },
  open: { flexGrow: 2.8 },
  totals: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-end',
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  amount: { margin: 0 },
  total: { display: 'flex', gap: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightSemibold },
});

const numeric = new Set(['daysOverdue', 'open']);

/** The pane's action bar (Log call, Send letter) covers the bottom of the page: a menu stays above it (two-line labels included). */
const ACTION_BAR_ROOM = 80;
type ColumnId = 'document' | 'dueDate' | 'daysOverdue' | 'open';

export interface CustomerTabProps {
  api: ApiClient;
  customerId: string;
  asOf: string | undefined;
  /** Changes when the agent asks for a refresh. */
  refreshKey: number;
}

export interface TransactionsTabProps extends CustomerTabProps {
  /** After an action was saved: the header figures, this grid and the timeline reload. */
  onChanged?: () => void;
  /** Where "Attach to reply" opens the reply; without it (or `canReply`) the grid offers none. */
  host?: MailHost;
  /** A received email is selected: a reply to it can open. */
  canReply?: boolean;
}

const ACTION_KINDS: ActionKind[] = ['status', 'write_off', 'settle', 'nsf'];

export default function TransactionsTab(props: TransactionsTabProps) {
  const styles = useStyles();
  const t = useT();
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<ActionKind | 'history' | 'reprint' | 'pairs' | 'reverse' | 'interest' | 'manage' | 'hold' | 'lift' | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const key = `${props.customerId}|${status}|${props.asOf ?? ''}|${props.refreshKey}`;
  const { state, retry } = useRequest<TransactionsResponse>(key, (signal) =>
    props.api.transactions(props.customerId, { status, asOf: props.asOf }, signal),
  );
  const items = state.status === 'done' ? state.data.items : [];
  const selected = items.filter((t) => selectedIds.has(t.id));
  const allowed = allowedActions(selected);
  const toggle = (id: string, on: boolean) =>
    setSelectedIds((ids) => {
      const next = new Set(ids);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const reply = useAttachToReply(props.host, props.canReply ?? false);
  const { possible: canAttach, attach, busy: attaching } = reply;
  const rowAttach = useMemo(() => (canAttach ? { attach: (t: TransactionItem) => void attach(t), busy: attaching } : undefined), [canAttach, attach, attaching]);
  const columns = useMemo(() => transactionColumns(t, { selected: selectedIds, toggle }, rowAttach), [t, selectedIds, rowAttach]);
  const attachable = selected.length === 1 && selected[0]!.documentUrl ? selected[0]! : null;
  // Tab order: switch, Actions, column headers, rows, then the pane's actions; on a focused row
  // Space selects it and Shift+F10 or the context-menu key opens the Actions menu.
  const onRowKey = (event: KeyboardEvent<HTMLElement>, id: string) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === ' ') {
      event.preventDefault();
      toggle(id, !selectedIds.has(id));
    } else if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
      event.preventDefault();
      if (selectedIds.size === 0) toggle(id, true);
      setMenuOpen(true);
    }
  };
  const done = () => {
    setDialog(null);
    setSelectedIds(new Set());
    props.onChanged?.();
  };
  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <Switch
          label={t('transactions.tab.includeSettled')}
          checked={status === 'all'}
          onChange={(_, d) => setStatus(d.checked ? 'all' : 'open')}
        />
        {/* As tall as the room above the action bar allows, scrolling inside: at 320 px the whole list is taller. */}
        <Menu open={menuOpen} onOpenChange={(_, d) => setMenuOpen(d.open)} positioning={{ autoSize: 'height', overflowBoundaryPadding: { bottom: ACTION_BAR_ROOM } }}>
          <MenuTrigger disableButtonEnhancement>
            <MenuButton size="small" aria-keyshortcuts="Shift+F10">{selected.length > 0 ? t('transactions.tab.actionsCount', { count: selected.length }) : t('transactions.tab.actions')}</MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {ACTION_KINDS.map((kind) => (
                <MenuItem key={kind} disabled={!allowed[kind]} onClick={() => setDialog(kind)}>
                  {t('transactions.tab.menuItem', { label: t(actionLabelKey(kind)) })}
                </MenuItem>
              ))}
              <MenuItem disabled={selected.length === 0 || selected.some((t) => t.open === 0 || t.hold)} onClick={() => setDialog('hold')}>
                {t('transactions.tab.putOnHold')}
              </MenuItem>
              <MenuItem disabled={heldAmong(selected).length === 0} onClick={() => setDialog('lift')}>
                {t('transactions.tab.liftHold')}
              </MenuItem>
              <MenuItem disabled={selected.length !== 1} onClick={() => setDialog('reprint')}>
                {t('transactions.tab.reprint')}
              </MenuItem>
              {reply.possible && (
                <MenuItem disabled={attachable === null || reply.busy !== null} onClick={() => attachable && void reply.attach(attachable)}>
                  {t('transactions.tab.attachToReply')}
                </MenuItem>
              )}
              <MenuItem onClick={() => setDialog('history')}>{t('transactions.tab.viewHistory')}</MenuItem>
              <MenuItem disabled={!allowed.settle} onClick={() => setDialog('pairs')}>
                {t('transactions.tab.settleByPairs')}
              </MenuItem>
              <MenuItem disabled={selected.length !== 1} onClick={() => setDialog('reverse')}>
                {t('transactions.tab.reverseSettlement')}
              </MenuItem>
              <MenuItem onClick={() => setDialog('interest')}>{t('transactions.tab.interest')}</MenuItem>
              <MenuItem onClick={() => setDialog('manage')}>{t('transactions.tab.codesAndLimits')}</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>
      <AttachOutcomeBar state={reply} />
      {state.status === 'done' && (
        <PendingWriteOffs
          api={props.api}
          customerId={props.customerId}
          items={items}
          refreshKey={props.refreshKey}
          accountingCurrency={state.data.accountingCurrency}
          onChanged={done}
        />
      )}
      {dialog === 'history' && (
        <HistoryDialog
          api={props.api}
          customerId={props.customerId}
          transactionId={selected.length === 1 ? selected[0]!.id : undefined}
          title={selected.length === 1 ? t('transactions.tab.historyOf', { document: selected[0]!.document }) : t('transactions.history.title')}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'reprint' && selected.length === 1 && <ReprintDialog api={props.api} item={selected[0]!} onClose={() => setDialog(null)} />}
      {dialog === 'pairs' && <SettleDialog api={props.api} customerId={props.customerId} credits={selected} items={items} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'reverse' && selected.length === 1 && <ReverseSettlementDialog api={props.api} item={selected[0]!} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'interest' && <InterestDialog api={props.api} customerId={props.customerId} asOf={props.asOf} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'manage' && <ManagerSettings api={props.api} onClose={() => setDialog(null)} />}
      {dialog === 'hold' && <HoldDialog mode="put" api={props.api} customerId={props.customerId} customerName="" items={selected} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'lift' && (
        <HoldDialog
          mode="lift"
          api={props.api}
          customerId={props.customerId}
          customerName=""
          holds={selected.flatMap((t) => (t.hold ? [{ ...t.hold, label: t.document }] : []))}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      )}
      {dialog !== null && dialog !== 'history' && dialog !== 'reprint' && dialog !== 'pairs' && dialog !== 'reverse' && dialog !== 'interest' && dialog !== 'manage' && dialog !== 'hold' && dialog !== 'lift' && (
        <ActionDialog api={props.api} customerId={props.customerId} kind={dialog} items={selected} onClose={() => setDialog(null)} onDone={done} />
      )}
      {state.status === 'loading' && <TabSkeleton rows={6} />}
      {state.status === 'error' && <ErrorBar title={t('transactions.tab.failed')} error={state.error} onRetry={retry} />}
      {state.status === 'done' && state.data.items.length === 0 && (
        <EmptyState
          title={status === 'open' ? t('transactions.tab.nothingOpen') : t('transactions.tab.none')}
          description={status === 'open' ? t('transactions.tab.nothingOpenDescription') : t('transactions.tab.noneDescription')}
        />
      )}
      {state.status === 'done' && state.data.items.length > 0 && (
        <>
          <DataGrid
            className={styles.grid}
            items={state.data.items}
            columns={columns}
            getRowId={(t: TransactionItem) => t.id}
            sortable
            defaultSortState={{ sortColumn: 'dueDate', sortDirection: 'ascending' }}
            focusMode="composite"
            size="small"
            aria-label={t('transactions.tab.grid')}
          >
            <DataGridHeader>
              <DataGridRow>
                {({ renderHeaderCell, columnId }) => (
                  <DataGridHeaderCell
                    className={mergeClasses(styles.cell, styles[columnId as ColumnId], numeric.has(String(columnId)) && styles.number)}
                    button={{ className: mergeClasses(numeric.has(String(columnId)) && styles.number) }}
                  >
                    {renderHeaderCell()}
                  </DataGridHeaderCell>
                )}
              </DataGridRow>
            </DataGridHeader>
            <DataGridBody<TransactionItem>>
              {({ item, rowId }) => (
                <DataGridRow<TransactionItem> key={rowId} aria-selected={selectedIds.has(item.id)} onKeyDown={(e: KeyboardEvent<HTMLElement>) => onRowKey(e, item.id)}>
                  {({ renderCell, columnId }) => (
                    <DataGridCell
                      className={mergeClasses(styles.cell, styles[columnId as ColumnId], numeric.has(String(columnId)) && styles.number, columnId !== 'dueDate' && styles.nowrap)}
                    >
                      {renderCell(item)}
                    </DataGridCell>
                  )}
                </DataGridRow>
              )}
            </DataGridBody>
          </DataGrid>
          <dl className={styles.totals} aria-label={t('transactions.tab.totals')}>
            {state.data.totals.map((total) => (
              <div key={total.currency} className={styles.total}>
                <dt>
                  <Text size={200}>{state.data.totals.length > 1 ? t('transactions.tab.totalOpenIn', { currency: total.currency }) : t('transactions.tab.totalOpen')}</Text>
                </dt>
                <dd className={styles.amount}>
                  <Money minor={total.open} currency={total.currency} />
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </div>
  );
}
