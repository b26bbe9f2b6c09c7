// The customer's primary actions, kept in reach at the bottom of the pane: Log call, Send letter,
// and a menu with the other activity types and the manager's letter run. Owns their dialogs.
import {
  Button, makeStyles, Menu, MenuDivider, MenuItem, MenuList, MenuPopover, MenuTrigger, Toast, Toaster, ToastTitle, tokens,
  useToastController,
} from '@fluentui/react-components';
import { CallRegular, MailRegular, MoreHorizontalRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useState } from 'react';
import type { ApiClient } from '../../api/client';
import type { MailHost, MailItemSnapshot } from '../../office/host';
import type { Activity } from '../../../server/http/schemas/activities';
import { translate, useT } from '../../i18n';
import { LOGGABLE_TYPES, outcomeLabel, typeName, type LoggableType } from './labels';

// The dialogs load when first opened: the first screen stays small.
const LogActivityDialog = lazy(() => import('./LogActivityDialog').then((m) => ({ default: m.LogActivityDialog })));
const SendLetterDialog = lazy(() => import('../letters/SendLetterDialog').then((m) => ({ default: m.SendLetterDialog })));
const BatchDialog = lazy(() => import('../letters/BatchDialog').then((m) => ({ default: m.BatchDialog })));
const StatementDialog = lazy(() => import('../statements/StatementDialog').then((m) => ({ default: m.StatementDialog })));

const useStyles = makeStyles({
  bar: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // Two words may wrap to two lines in a narrow pane; a word is never split ("protokolliere|n").
  grow: { flexGrow: 1, minWidth: 0, overflowWrap: 'normal', wordBreak: 'normal' },
});

type Open = { kind: 'log'; type: LoggableType } | { kind: 'letter' } | { kind: 'batch' } | { kind: 'statement' } | null;

export interface ActionBarProps {
  api: ApiClient;
  host: MailHost;
  item: MailItemSnapshot | null;
  customerId: string;
  /** An activity or letter changed the customer: reload what shows it. */
  onChanged: () => void;
  /** An activity was logged: show it (the Activities tab). */
  onLogged?: (activity: Activity) => void;
}

/** What the toast says an activity was saved as: "Call saved: Promise to pay". */
export function savedText(a: Activity, locale: string): string {
  const outcome = outcomeLabel(a.outcome, locale);
  const type = typeName(a.type, locale);
  return outcome ? translate(locale, 'activities.actionBar.savedWithOutcome', { type, outcome }) : translate(locale, 'activities.actionBar.saved', { type });
}

/**
 * The pane's one toaster for saved activities, in the action bar because it stays mounted while the
 * customer reloads after a change; the Activities tab confirms its edits there too.
 */
export const SAVED_TOASTER_ID = 'activity-saved';

export function ActionBar(props: ActionBarProps) {
  const styles = useStyles();
  const t = useT();
  const [open, setOpen] = useState<Open>(null);
  const toasterId = SAVED_TOASTER_ID;
  const { dispatchToast } = useToastController(toasterId);
  const sender = props.item?.counterparts[0] ?? null;
  const contact = sender ? (sender.displayName ? `${sender.displayName} <${sender.emailAddress}>` : sender.emailAddress) : '';
  const close = () => setOpen(null);

  return (
    <>
      <div className={styles.bar} role="toolbar" aria-label={t('activities.actionBar.label')}>
        <Button className={styles.grow} appearance="primary" icon={<CallRegular />} onClick={() => setOpen({ kind: 'log', type: 'call' })}>
          {t('activities.log.call')}
        </Button>
        <Button className={styles.grow} icon={<MailRegular />} onClick={() => setOpen({ kind: 'letter' })}>
          {t('activities.actionBar.sendLetter')}
        </Button>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button icon={<MoreHorizontalRegular />} aria-label={t('activities.actionBar.more')} />
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {LOGGABLE_TYPES.filter((type) => type !== 'call').map((type) => (
                <MenuItem key={type} onClick={() => setOpen({ kind: 'log', type })}>
                  {t(`activities.log.${type}`)}
                </MenuItem>
              ))}
              <MenuDivider />
              <MenuItem onClick={() => setOpen({ kind: 'statement' })}>{t('activities.actionBar.statement')}</MenuItem>
              <MenuItem onClick={() => setOpen({ kind: 'batch' })}>{t('activities.actionBar.batch')}</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>
      <Toaster toasterId={toasterId} position="top" />
      <Suspense fallback={null}>
        {open?.kind === 'log' && (
          <LogActivityDialog
            api={props.api}
            customerId={props.customerId}
            contact={contact}
            initialType={open.type}
            onClose={close}
            onSaved={(activity) => {
              close();
              props.onChanged();
              props.onLogged?.(activity);
              dispatchToast(
                <Toast>
                  <ToastTitle>{savedText(activity, t.locale)}</ToastTitle>
                </Toast>,
                { intent: 'success', timeout: 4000 },
              );
            }}
          />
        )}
        {open?.kind === 'letter' && (
          <SendLetterDialog
            api={props.api}
            host={props.host}
            customerId={props.customerId}
            recipient={sender?.emailAddress ?? null}
            canReply={props.item?.mode === 'read'}
            onClose={close}
            onPosted={props.onChanged}
          />
        )}
        {open?.kind === 'batch' && <BatchDialog api={props.api} onClose={close} />}
        {open?.kind === 'statement' && (
          <StatementDialog
            api={props.api}
            host={props.host}
            customerId={props.customerId}
            recipient={sender?.emailAddress ?? null}
            canReply={props.item?.mode === 'read'}
            onClose={close}
            onSent={props.onChanged}
          />
        )}
      </Suspense>
    </>
  );
}
