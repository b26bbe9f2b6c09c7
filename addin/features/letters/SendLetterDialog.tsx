// Send letter: shows the letter the customer is due (level, fee, items) and its draft as the
// customer will see it, then posts it once and either puts it in a reply to the selected email (HTML
// body, PDF attached) or has the server send it through Outlook. The posted letter is shown as
// rendered, with its number.
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, MessageBar,
  MessageBarBody, MessageBarTitle, Spinner, Text, tokens,
} from '@fluentui/react-components';
import { DocumentPdfRegular } from '@fluentui/react-icons';
import { useRef, useState, type JSX } from 'react';
import type { CollectionLetterResponse, LetterDelivery, LetterProposalResponse } from '../../../server/http/schemas/letters';
import type { ActivitySyncState } from '../../../server/http/schemas/activities';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import type { MailHost } from '../../office/host';
import { useT } from '../../i18n';
import { ErrorBar } from '../../ui/ErrorBar';
import { Money } from '../../ui/Money';
import { TabSkeleton } from '../../ui/TabSkeleton';
import { LetterFrame } from './LetterFrame';
import { noLetterText, ProposalView } from './ProposalView';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(640px, 100vw)', padding: tokens.spacingHorizontalM },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { flexWrap: 'wrap' },
});

type Sent = {
  letter: CollectionLetterResponse;
  html: string;
  delivery: LetterDelivery;
  replyOpened: boolean;
  /** A server-sent letter's mail as the Activities list reports it: not_configured when the server has no Outlook connection. */
  mailState?: ActivitySyncState;
};

export interface SendLetterProps {
  api: ApiClient;
  host: MailHost;
  customerId: string;
  /** The selected email's sender: the letter's recipient. */
  recipient: string | null;
  /** A reply needs a received message selected. */
  canReply: boolean;
  onClose: () => void;
  /** A letter was posted: its fee is now on the ledger. */
  onPosted: (letter: CollectionLetterResponse) => void;
}

export function SendLetterDialog(props: SendLetterProps) {
  const styles = useStyles();
  const t = useT();
  const { api, host } = props;
  const { state, retry } = useRequest<LetterProposalResponse>(props.customerId, (signal) => api.letterProposal(props.customerId, undefined, signal));
  const [busy, setBusy] = useState<LetterDelivery | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const [pdfFailure, setPdfFailure] = useState<unknown>(null);
  // One key per letter the agent reviews: a retry after a lost answer returns the same letter.
  const idempotencyKey = useRef<string | null>(null);
  const replyPossible = props.canReply && typeof host.displayReplyForm === 'function';
  // The draft is rendered by the server from the same data posting uses; nothing is posted for it.
  const due = state.status === 'done' && state.data.due ? state.data : null;
  // Drafted for the sender it answers, as posting sends it: it greets them when a contact of the customer.
  const draft = useRequest<string>(due ? `${props.customerId}|${due.asOf}|${props.recipient ?? ''}` : null, (signal) =>
    api.letterPreview(props.customerId, { asOf: due!.asOf, ...(props.recipient ? { to: props.recipient } : {}) }, signal),
  );

  const post = async (proposal: LetterProposalResponse, delivery: LetterDelivery) => {
    idempotencyKey.current ??= crypto.randomUUID();
    setBusy(delivery);
    setFailure(null);
    try {
      const letter = await api.postLetter(
        props.customerId,
        { delivery, level: proposal.level?.level, ...(props.recipient ? { to: props.recipient } : {}) },
        idempotencyKey.current,
      );
      props.onPosted(letter);
      const html = await api.letterHtml(letter.htmlUrl);
      let replyOpened = false;
      if (delivery === 'reply') {
        // Hosts before Mailbox 1.15 download the file themselves, without the pane's sign-in: they
        // get a signed, short-lived link; newer ones take the bytes.
        const [base64, link] = await Promise.all([api.letterPdfBase64(letter.pdfUrl), api.letterPdfLink(letter.id)]);
        const pdf = { name: `${letter.number}.pdf`, url: api.absoluteUrl(link.url), base64 };
        replyOpened = (await host.displayReplyForm?.(html, [pdf])) ?? false;
        if (replyOpened) await api.markLetterSent(letter.id);
      }
      // The server knows whether it can send: the letter's email activity says so (unknown if unreadable).
      const mailState =
        delivery === 'graph'
          ? await api.activities(props.customerId).then((r) => r.items.find((a) => a.id === letter.id)?.sync.state, () => undefined)
          : undefined;
      setSent({ letter, html, delivery, replyOpened, mailState });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  // A signed, short-lived link: the browser opens it without the pane's sign-in.
  const openPdf = async (letterId: string) => {
    setPdfFailure(null);
    try {
      const link = await api.letterPdfLink(letterId);
      window.open(api.absoluteUrl(link.url), '_blank', 'noopener');
    } catch (error) {
      setPdfFailure(error);
    }
  };

  let body: JSX.Element;
  let actions: JSX.Element | null = null;
  if (sent) {
    const { letter } = sent;
    body = (
      <>
        <MessageBar
          intent={(sent.delivery === 'reply' && !sent.replyOpened) || sent.mailState === 'not_configured' ? 'warning' : 'success'}
          layout="multiline"
        >
          <MessageBarBody>
            <MessageBarTitle>{t('letters.send.posted', { number: letter.number })}</MessageBarTitle>
            {letter.levelName}
            {letter.fee && (
              <>
                {` · ${t('letters.fee')} `}
                <Money minor={letter.fee.amount} currency={letter.fee.currency} />
              </>
            )}
            {' · '}
            {sent.delivery === 'graph'
              ? sent.mailState === 'not_configured'
                ? letter.recipient
                  ? t('letters.send.notConnectedFor', { recipient: letter.recipient })
                  : t('letters.send.notConnected')
                : letter.recipient
                  ? t('letters.send.queuedTo', { recipient: letter.recipient })
                  : t('letters.send.queued')
              : sent.replyOpened
                ? t('letters.send.inserted')
                : t('letters.send.replyFailed')}
          </MessageBarBody>
        </MessageBar>
        <LetterFrame html={sent.html} title={t('letters.send.letter', { number: letter.number })} />
        {pdfFailure !== null && <ErrorBar title={t('letters.send.pdfFailed')} error={pdfFailure} onRetry={() => void openPdf(letter.id)} />}
      </>
    );
    actions = (
      <Button icon={<DocumentPdfRegular />} onClick={() => void openPdf(letter.id)}>
        {t('letters.send.openPdf')}
      </Button>
    );
  } else if (state.status === 'loading') {
    body = <TabSkeleton rows={5} />;
  } else if (state.status === 'error') {
    body = <ErrorBar title={t('letters.proposalFailed')} error={state.error} onRetry={retry} />;
  } else if (!state.data.due) {
    body = <Text>{noLetterText(state.data, t.locale)}</Text>;
  } else {
    const proposal = state.data;
    // The agent sends only a letter they have seen.
    const reviewed = draft.state.status === 'done';
    body = (
      <>
        <ProposalView proposal={proposal} />
        {draft.state.status === 'loading' && <TabSkeleton rows={3} />}
        {draft.state.status === 'error' && <ErrorBar title={t('letters.send.previewFailed')} error={draft.state.error} onRetry={draft.retry} />}
        {draft.state.status === 'done' && <LetterFrame html={draft.state.data} title={t('letters.send.preview')} />}
        <Text size={200}>{t('letters.send.postingNote')}</Text>
        {failure !== null && <ErrorBar title={t('letters.send.notSent')} error={failure} onRetry={() => setFailure(null)} />}
      </>
    );
    actions = (
      <>
        <Button
          appearance="primary"
          disabled={busy !== null || !replyPossible || !reviewed}
          icon={busy === 'reply' ? <Spinner size="tiny" /> : undefined}
          onClick={() => void post(proposal, 'reply')}
        >
          {t('letters.send.insertIntoReply')}
        </Button>
        <Button disabled={busy !== null || !reviewed} icon={busy === 'graph' ? <Spinner size="tiny" /> : undefined} onClick={() => void post(proposal, 'graph')}>
          {t('letters.send.sendFromServer')}
        </Button>
      </>
    );
  }

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && busy === null && props.onClose()}>
      <DialogSurface className={styles.surface} aria-label={t('letters.send.title')}>
        <DialogBody>
          <DialogTitle>{t('letters.send.title')}</DialogTitle>
          <DialogContent className={styles.content}>{body}</DialogContent>
          <DialogActions className={styles.actions}>
            {actions}
            <Button disabled={busy !== null} onClick={props.onClose}>
              {sent ? t('common.close') : t('letters.cancel')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
