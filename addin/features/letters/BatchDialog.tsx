// The manager's letter run: every customer (of the agent) due a letter today, with level and fee;
// "Post and send all" starts a server batch, shows its progress and ends with what was sent,
// skipped and failed, each with its reason.
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, makeStyles, ProgressBar,
  Text, tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type JSX } from 'react';
import type { BatchProposalResponse, LetterBatchResponse, NoLetterReason } from '../../../server/http/schemas/letters';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import { EmptyState } from '../../ui/EmptyState';
import { useT } from '../../i18n';
import { ErrorBar } from '../../ui/ErrorBar';
import { Money } from '../../ui/Money';
import { TabSkeleton } from '../../ui/TabSkeleton';
import { noLetterText } from './ProposalView';

const POLL_MS = 1000;

const useStyles = makeStyles({
  surface: { maxWidth: 'min(720px, 100vw)', padding: tokens.spacingHorizontalM },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column' },
  row: {
    display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  meta: { color: tokens.colorNeutralForeground3 },
});

/** Follows a running batch until the server says it is done or interrupted. */
function useBatch(api: ApiClient, started: LetterBatchResponse | null): LetterBatchResponse | null {
  const [batch, setBatch] = useState(started);
  useEffect(() => {
    setBatch(started);
    if (!started || started.status !== 'running') return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout>;
    const poll = () => {
      api.batch(started.id, controller.signal).then(
        (next) => {
          setBatch(next);
          if (next.status === 'running') timer = setTimeout(poll, POLL_MS);
        },
        () => {
          if (!controller.signal.aborted) timer = setTimeout(poll, POLL_MS * 3);
        },
      );
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [api, started]);
  return batch;
}

function Summary(props: { batch: LetterBatchResponse }) {
  const styles = useStyles();
  const t = useT();
  const { counts, items } = props.batch;
  const total = items.length;
  const finished = counts.sent + counts.posted + counts.skipped + counts.failed;
  const notes = items.filter((i) => i.state === 'skipped' || i.state === 'failed');
  return (
    <>
      <Field
        label={t(props.batch.status === 'running' ? 'letters.batch.running' : 'letters.batch.finished', { finished, total })}
        validationState={counts.failed > 0 ? 'error' : 'none'}
      >
        <ProgressBar value={total === 0 ? 1 : finished / total} />
      </Field>
      <Text role="status">
        {t('letters.batch.counts', { sent: counts.sent, posted: counts.posted, skipped: counts.skipped, failed: counts.failed })}
        {props.batch.status === 'interrupted' ? ` · ${t('letters.batch.interrupted')}` : ''}
      </Text>
      {notes.length > 0 && (
        <ul className={styles.list} aria-label={t('letters.batch.notesLabel')}>
          {notes.map((i) => (
            <li key={i.customerId} className={styles.row}>
              <span>
                {i.name} <Text size={200} className={styles.meta}>{i.account}</Text>
              </span>
              <Text size={200}>
                {t(i.state === 'failed' ? 'letters.batch.failedItem' : 'letters.batch.skippedItem', { reason: i.reason ?? t('letters.batch.noReason') })}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function BatchDialog(props: { api: ApiClient; onClose: () => void }) {
  const styles = useStyles();
  const t = useT();
  const { api } = props;
  const { state, retry } = useRequest<BatchProposalResponse>('batch-proposal', (signal) => api.batchProposal(undefined, signal));
  const [started, setStarted] = useState<LetterBatchResponse | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const idempotencyKey = useRef<string | null>(null);
  const batch = useBatch(api, started);

  const start = async (proposal: BatchProposalResponse) => {
    idempotencyKey.current ??= crypto.randomUUID();
    setStarting(true);
    setFailure(null);
    try {
      const customerIds = proposal.items.map((i) => i.customer.id);
      setStarted(await api.startBatch({ delivery: 'graph', asOf: proposal.asOf, customerIds }, idempotencyKey.current));
    } catch (error) {
      setFailure(error);
    } finally {
      setStarting(false);
    }
  };

  let body: JSX.Element;
  let action: JSX.Element | null = null;
  if (batch) body = <Summary batch={batch} />;
  else if (state.status === 'loading') body = <TabSkeleton rows={6} />;
  else if (state.status === 'error') body = <ErrorBar title={t('letters.proposalFailed')} error={state.error} onRetry={retry} />;
  else if (state.data.items.length === 0) body = <EmptyState title={t('letters.batch.noneDue')} description={t('letters.batch.noneDueDescription')} />;
  else {
    const proposal = state.data;
    const notDue = Object.entries(proposal.notDue) as Array<[NoLetterReason, number]>;
    body = (
      <>
        <Text>
          {t('letters.batch.due', { count: proposal.items.length })}
          {notDue.length > 0 &&
            ` ${t('letters.batch.notDue', {
              list: notDue.map(([reason, n]) => t('letters.batch.notDueItem', { count: n, reason: noLetterText({ reason, level: null, dueOn: null }, t.locale) })).join(', '),
            })}`}
        </Text>
        <ul className={styles.list} aria-label={t('letters.batch.proposedLabel')}>
          {proposal.items.map((p) => (
            <li key={p.customer.id} className={styles.row}>
              <span>
                {p.customer.name} <Text size={200} className={styles.meta}>{p.customer.account}</Text>
              </span>
              <Text size={200}>
                {p.level ? `${p.level.level} · ${p.level.name}` : ''}
                {p.fee && (
                  <>
                    {` · ${t('letters.fee')} `}
                    <Money minor={p.fee.amount} currency={p.fee.currency} />
                  </>
                )}
                {' · '}
                <Money minor={p.totalAccounting} currency={p.accountingCurrency} />
              </Text>
            </li>
          ))}
        </ul>
        {failure !== null && <ErrorBar title={t('letters.batch.notStarted')} error={failure} onRetry={() => void start(proposal)} />}
      </>
    );
    action = (
      <Button appearance="primary" disabled={starting} onClick={() => void start(proposal)}>
        {t('letters.batch.start')}
      </Button>
    );
  }

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && props.onClose()}>
      <DialogSurface className={styles.surface} aria-label={t('letters.batch.label')}>
        <DialogBody>
          <DialogTitle>{t('letters.batch.title')}</DialogTitle>
          <DialogContent className={styles.content}>{body}</DialogContent>
          <DialogActions>
            {action}
            <Button onClick={props.onClose}>{t('common.close')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
