// The Activities tab: the customer's calls, tasks, appointments, events and notes, newest first,
// each with its promise or dispute, its Outlook sync state and the actions edit, complete and cancel;
// a saved edit is confirmed by a toast.
import {
  Badge, Button, makeStyles, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Text, Toast, ToastTitle, tokens, useToastController,
} from '@fluentui/react-components';
import { MoreHorizontalRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Activity, ActivityListResponse, ActivityStatus } from '../../../server/http/schemas/activities';
import { useRequest } from '../../api/useRequest';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBar } from '../../ui/ErrorBar';
import { useT } from '../../i18n';
import { formatDate } from '../../ui/format';
import { TabSkeleton } from '../../ui/TabSkeleton';
import type { CustomerTabProps } from '../transactions/TransactionsTab';
import { SAVED_TOASTER_ID } from './ActionBar';
import { CommitmentLines } from './CommitmentLines';
import { EditActivityDialog } from './EditActivityDialog';
import { localDate } from './form';
import { outcomeLabel, statusName, typeName } from './labels';
import { SyncBadge } from './SyncBadge';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', margin: 0, padding: tokens.spacingHorizontalS, listStyle: 'none' },
  item: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexGrow: 1, minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground3 },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  notes: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  done: { textDecorationLine: 'line-through' },
});

/** When the activity happens or is due: what the list shows as its date. */
function when(a: Activity): string {
  return a.startAt ?? a.dueAt ?? a.followUpAt ?? a.createdAt;
}

export interface ActivitiesTabProps extends CustomerTabProps {
  /** Another part of the pane (timeline, summary) may change with an activity. */
  onChanged: () => void;
}

export default function ActivitiesTab(props: ActivitiesTabProps) {
  const styles = useStyles();
  const t = useT();
  const locale = t.locale;
  const [editing, setEditing] = useState<Activity | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  // The action bar's toaster: this tab unmounts while the customer reloads after the edit.
  const { dispatchToast } = useToastController(SAVED_TOASTER_ID);
  const key = `${props.customerId}|${props.refreshKey}`;
  const { state, retry } = useRequest<ActivityListResponse>(key, (signal) => props.api.activities(props.customerId, signal));

  const setStatus = async (a: Activity, status: ActivityStatus) => {
    setFailure(null);
    try {
      await props.api.updateActivity(a.id, { status });
      props.onChanged();
    } catch (error) {
      setFailure(error);
    }
  };

  if (state.status === 'loading') return <TabSkeleton rows={6} />;
  if (state.status === 'error') return <ErrorBar title={t('activities.tab.failed')} error={state.error} onRetry={retry} />;
  if (state.data.items.length === 0) {
    return <EmptyState title={t('activities.tab.emptyTitle')} description={t('activities.tab.emptyDescription')} />;
  }
  return (
    <>
      {failure !== null && <ErrorBar title={t('activities.tab.notChanged')} error={failure} onRetry={() => setFailure(null)} />}
      <ul className={styles.list} aria-label={t('activities.tab.list')}>
        {state.data.items.map((a) => {
          const outcome = outcomeLabel(a.outcome, locale);
          const type = typeName(a.type, locale);
          const date = when(a);
          return (
            <li key={a.id} className={styles.item} aria-label={t('activities.tab.item', { type, purpose: a.purpose })}>
              <div className={styles.body}>
                <Text size={200} className={styles.meta}>
                  {type} · <time dateTime={date}>{formatDate(localDate(new Date(date)), locale)}</time>
                  {a.contact ? ` · ${a.contact}` : ''}
                </Text>
                <Text weight="semibold" className={a.status === 'cancelled' ? styles.done : undefined}>
                  {a.purpose}
                </Text>
                <CommitmentLines activity={a} />
                {a.notes && (
                  <Text size={200} className={styles.notes}>
                    {a.notes}
                  </Text>
                )}
                <div className={styles.badges}>
                  {outcome && (
                    <Badge appearance="outline" shape="rounded" size="small">
                      {outcome}
                    </Badge>
                  )}
                  {a.status !== 'open' && (
                    <Badge appearance="tint" shape="rounded" size="small" color={a.status === 'completed' ? 'success' : 'subtle'}>
                      {statusName(a.status, locale)}
                    </Badge>
                  )}
                  <SyncBadge sync={a.sync} />
                </div>
              </div>
              {a.status === 'open' && (
                <Menu>
                  <MenuTrigger disableButtonEnhancement>
                    <Button appearance="subtle" size="small" icon={<MoreHorizontalRegular />} aria-label={t('activities.tab.actionsFor', { purpose: a.purpose })} />
                  </MenuTrigger>
                  <MenuPopover>
                    <MenuList>
                      <MenuItem onClick={() => setEditing(a)}>{t('activities.tab.edit')}</MenuItem>
                      <MenuItem onClick={() => void setStatus(a, 'completed')}>{t('activities.tab.complete')}</MenuItem>
                      <MenuItem onClick={() => void setStatus(a, 'cancelled')}>{t('activities.tab.cancel')}</MenuItem>
                    </MenuList>
                  </MenuPopover>
                </Menu>
              )}
            </li>
          );
        })}
      </ul>
      {editing && (
        <EditActivityDialog
          api={props.api}
          activity={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            dispatchToast(
              <Toast>
                <ToastTitle>{t('activities.tab.saved', { purpose: saved.purpose })}</ToastTitle>
              </Toast>,
              { intent: 'success' },
            );
            props.onChanged();
          }}
        />
      )}
    </>
  );
}
