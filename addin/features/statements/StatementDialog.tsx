// Statement of account: the agent picks the date, open items or the activity of a period, sees the
// statement as the customer will, then sends it once: into a reply to the selected email (HTML body,
// PDF attached through a short-lived signed link, as letters do) or from the server through Outlook.
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles, MessageBar,
  MessageBarBody, MessageBarTitle, Radio, RadioGroup, Spinner, tokens,
} from '@fluentui/react-components';
import { useRef, useState, type JSX } from 'react';
import type { StatementDelivery, StatementKind, StatementResponse } from '../../../server/http/schemas/statements';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import type { MailHost } from '../../office/host';
import { useT } from '../../i18n';
import { ErrorBar } from '../../ui/ErrorBar';
import { TabSkeleton } from '../../ui/TabSkeleton';
import { LetterFrame } from '../letters/LetterFrame';
import { statementPeriod, todayIso } from './period';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(640px, 100vw)', padding: tokens.spacingHorizontalM },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  dates: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  actions: { flexWrap: 'wrap' },
});

export type StatementApi = Pick<
  ApiClient,
  'statementPreview' | 'sendStatement' | 'statementPdfLink' | 'letterHtml' | 'letterPdfBase64' | 'absoluteUrl'
>;

export interface StatementDialogProps {
  api: StatementApi;
  host: MailHost;
  customerId: string;
  /** The selected email's sender: where a statement sent from the server goes. */
  recipient: string | null;
  /** A reply needs a received message selected. */
  canReply: boolean;
  onClose: () => void;
  /** A statement was sent: the timeline shows it. */
  onSent: (statement: StatementResponse) => void;
  /** Today's date; the tests fix it. */
  today?: string;
}

type Sent = { statement: StatementResponse; delivery: StatementDelivery; replyOpened: boolean };

export function StatementDialog(props: StatementDialogProps) {
  const styles = useStyles();
  const t = useT();
  const { api, host } = props;
  const [asOf, setAsOf] = useState(props.today ?? todayIso());
  const [kind, setKind] = useState<StatementKind>('open_items');
  const [from, setFrom] = useState(() => statementPeriod(props.today ?? todayIso()));
  const [busy, setBusy] = useState<StatementDelivery | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const keys = useRef(new Map<string, string>());
  const periodWrong = kind === 'activity' && (from === '' || from > asOf);
  const valid = asOf !== '' && !periodWrong;
  const query = { kind, asOf, ...(kind === 'activity' ? { from } : {}) };
  const reviewKey = `${props.customerId}|${kind}|${asOf}|${kind === 'activity' ? from : ''}`;
  const preview = useRequest<string>(valid ? reviewKey : null, (signal) => api.statementPreview(props.customerId, query, signal));
  const replyPossible = props.canReply && typeof host.displayReplyForm === 'function';

  const send = async (delivery: StatementDelivery) => {
    // One key per statement reviewed and way of sending: a retry after a lost answer returns the same statement.
    const keyOf = `${reviewKey}|${delivery}`;
    if (!keys.current.has(keyOf)) keys.current.set(keyOf, crypto.randomUUID());
    setBusy(delivery);
    setFailure(null);
    try {
      const statement = await api.sendStatement(
        props.customerId,
        { ...query, delivery, ...(delivery === 'graph' && props.recipient ? { to: props.recipient } : {}) },
        keys.current.get(keyOf)!,
      );
      props.onSent(statement);
      let replyOpened = false;
      if (delivery === 'reply') {
        // Hosts before Mailbox 1.15 fetch the file themselves, without the pane's sign-in: they get a
        // signed, short-lived link; newer ones take the bytes.
        const [html, base64, link] = await Promise.all([
          api.letterHtml(statement.htmlUrl),
          api.letterPdfBase64(statement.pdfUrl),
          api.statementPdfLink(statement.id),
        ]);
        const pdf = { name: `${statement.number}.pdf`, url: api.absoluteUrl(link.url), base64 };
        replyOpened = (await host.displayReplyForm?.(html, [pdf])) ?? false;
      }
      setSent({ statement, delivery, replyOpened });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  let body: JSX.Element;
  let actions: JSX.Element | null = null;
  if (sent) {
    const { statement } = sent;
    body = (
      <MessageBar intent={sent.delivery === 'reply' && !sent.replyOpened ? 'warning' : 'success'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('statements.dialog.sent', { number: statement.number })}</MessageBarTitle>
          {sent.delivery === 'graph'
            ? statement.recipient
              ? t('statements.dialog.sendingTo', { recipient: statement.recipient })
              : t('statements.dialog.sending')
            : sent.replyOpened
              ? t('statements.dialog.inserted')
              : t('statements.dialog.replyFailed')}
        </MessageBarBody>
      </MessageBar>
    );
  } else {
    body = (
      <>
        <RadioGroup layout="horizontal" value={kind} onChange={(_, d) => setKind(d.value as StatementKind)} aria-label={t('statements.dialog.kind')}>
          <Radio value="open_items" label={t('statements.dialog.openItems')} />
          <Radio value="activity" label={t('statements.dialog.activity')} />
        </RadioGroup>
        <div className={styles.dates}>
          {kind === 'activity' && (
            <Field label={t('statements.dialog.from')} validationMessage={periodWrong ? t('statements.dialog.fromAfterDate') : undefined}>
              <Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} />
            </Field>
          )}
          <Field label={kind === 'activity' ? t('statements.dialog.to') : t('statements.dialog.asOf')}>
            <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
          </Field>
        </div>
        {valid && preview.state.status === 'loading' && <TabSkeleton rows={4} />}
        {valid && preview.state.status === 'error' && <ErrorBar title={t('statements.dialog.previewFailed')} error={preview.state.error} onRetry={preview.retry} />}
        {valid && preview.state.status === 'done' && <LetterFrame html={preview.state.data} title={t('statements.dialog.preview')} />}
        {failure !== null && <ErrorBar title={t('statements.dialog.notSent')} error={failure} onRetry={() => setFailure(null)} />}
      </>
    );
    // The agent sends only a statement they have seen.
    const reviewed = valid && preview.state.status === 'done';
    actions = (
      <>
        <Button
          appearance="primary"
          disabled={busy !== null || !replyPossible || !reviewed}
          icon={busy === 'reply' ? <Spinner size="tiny" /> : undefined}
          onClick={() => void send('reply')}
        >
          {t('statements.dialog.insertIntoReply')}
        </Button>
        <Button disabled={busy !== null || !reviewed} icon={busy === 'graph' ? <Spinner size="tiny" /> : undefined} onClick={() => void send('graph')}>
          {t('statements.dialog.send')}
        </Button>
      </>
    );
  }

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && busy === null && props.onClose()}>
      <DialogSurface className={styles.surface} aria-label={t('statements.dialog.title')}>
        <DialogBody>
          <DialogTitle>{t('statements.dialog.title')}</DialogTitle>
          <DialogContent className={styles.content}>{body}</DialogContent>
          <DialogActions className={styles.actions}>
            {actions}
            <Button disabled={busy !== null} onClick={props.onClose}>
              {sent ? t('common.close') : t('statements.dialog.cancel')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
