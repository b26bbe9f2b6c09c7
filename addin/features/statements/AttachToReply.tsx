// "Attach to reply" as the grid and the mentions box offer it: whether a reply can open at all, the
// attaching itself, and its outcome in a message bar where the agent clicked (a reply opened with
// the copy attached, no reply possible, or the mail client's error, with a retry).
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import { useT } from '../../i18n';
import type { MailHost } from '../../office/host';
import { ErrorBar } from '../../ui/ErrorBar';
import { useLocale } from '../../ui/locale';
import { attachDocumentToReply } from './attach';

type Attachable = Pick<TransactionItem, 'id' | 'document' | 'documentUrl'>;

export type AttachOutcome =
  | { item: Attachable; status: 'opened' | 'unavailable' }
  | { item: Attachable; status: 'failed'; error: unknown };

export interface AttachToReply {
  /** The host can open a reply to the selected email: only then is the control offered. */
  possible: boolean;
  /** The entry being attached, while the mail client opens the reply. */
  busy: string | null;
  outcome: AttachOutcome | null;
  attach: (item: Attachable) => Promise<void>;
  dismiss: () => void;
}

/** `canReply`: a received email is selected (a reply needs one; a draft being written has none). */
export function useAttachToReply(host: MailHost | undefined, canReply: boolean): AttachToReply {
  const locale = useLocale();
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<AttachOutcome | null>(null);
  const possible = canReply && typeof host?.displayReplyForm === 'function';
  const attach = useCallback(
    async (item: Attachable) => {
      if (!host) return;
      setBusy(item.id);
      setOutcome(null);
      try {
        setOutcome({ item, status: (await attachDocumentToReply(host, item, locale)) ? 'opened' : 'unavailable' });
      } catch (error) {
        setOutcome({ item, status: 'failed', error });
      } finally {
        setBusy(null);
      }
    },
    [host, locale],
  );
  const dismiss = useCallback(() => setOutcome(null), []);
  return { possible, busy, outcome, attach, dismiss };
}

/** The outcome of the last "Attach to reply", until the agent dismisses it or attaches another. */
export function AttachOutcomeBar(props: { state: AttachToReply }) {
  const t = useT();
  const { outcome, attach, dismiss } = props.state;
  if (!outcome) return null;
  const { document } = outcome.item;
  if (outcome.status === 'failed') {
    return <ErrorBar title={t('statements.attach.failed', { document })} error={outcome.error} onRetry={() => void attach(outcome.item)} />;
  }
  const opened = outcome.status === 'opened';
  return (
    <MessageBar intent={opened ? 'success' : 'warning'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t(opened ? 'statements.attach.attached' : 'statements.attach.notAttached', { document })}</MessageBarTitle>
        {opened ? t('statements.attach.review') : t('statements.attach.noReply')}
      </MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" aria-label={t('statements.attach.dismiss')} icon={<DismissRegular />} onClick={dismiss} />} />
    </MessageBar>
  );
}
