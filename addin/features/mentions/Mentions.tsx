// "Mentioned in this email": the action the email asks for, proposed from its words (a card that
// opens the prefilled dialog), and the customer's documents that the subject or body names, with
// what is still open on each, so the agent sees the invoice the customer writes about at once, and
// attaches its copy to the reply where the ledger has a link to it.
import { Button, makeStyles, mergeClasses, Spinner, Text, tokens } from '@fluentui/react-components';
import { AttachRegular } from '@fluentui/react-icons';
import type { DraftProposal } from '../../../server/http/schemas/drafts';
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import type { MailHost, MailItemSnapshot } from '../../office/host';
import { useT } from '../../i18n';
import { ErrorBar } from '../../ui/ErrorBar';
import { Money } from '../../ui/Money';
import { AttachOutcomeBar, useAttachToReply } from '../statements/AttachToReply';
import { CollectionStatusBadge } from '../../ui/StatusBadge';
import { transactionKindLabel } from '../transactions/columns';
import { findMentioned, mayNameDocuments } from './match';
import { isOffered } from './proposal';
import { ProposalCard } from './ProposalCard';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorBrandBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground2 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: 'none' },
  item: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  doc: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  overdue: { color: tokens.colorStatusWarningForeground1 },
  // "12 days late" moves to the next line whole, never one word alone.
  nowrap: { whiteSpace: 'nowrap' },
});

export interface MentionsProps {
  api: ApiClient;
  host: MailHost;
  item: MailItemSnapshot;
  customerId: string;
  asOf: string | undefined;
  refreshKey: number;
  /** A confirmed proposal changed the customer: reload what shows it. */
  onChanged: () => void;
}

interface Read {
  body: string;
  mentioned: TransactionItem[];
  transactions: TransactionItem[];
  proposal: DraftProposal | undefined;
}

/** The top proposal, or none when the server cannot say: the documents still show without it. */
async function topProposal(props: MentionsProps, body: string, signal: AbortSignal): Promise<DraftProposal | undefined> {
  // Only a received email is the customer's words; a draft being written is the agent's.
  if (props.item.mode !== 'read') return undefined;
  const from = props.item.counterparts[0]?.emailAddress;
  const email = { subject: props.item.subject, body, receivedAt: props.item.receivedAt ?? new Date().toISOString(), ...(from ? { from } : {}) };
  return props.api.drafts(props.customerId, email, signal).then(
    (r) => r.proposals[0],
    () => undefined,
  );
}

export function Mentions(props: MentionsProps) {
  const styles = useStyles();
  const t = useT();
  const reply = useAttachToReply(props.host, props.item.mode === 'read');
  const key = `${props.customerId}|${props.asOf ?? ''}|${props.refreshKey}`;
  const { state, retry } = useRequest<Read>(key, async (signal) => {
    // A body that cannot be read still leaves the subject to search.
    const body = await props.item.getBodyText().catch(() => '');
    const text = `${props.item.subject}\n${body}`;
    const proposal = await topProposal(props, body, signal);
    const proposed = isOffered(proposal) && (proposal.fields.items?.length || proposal.fields.transactionIds?.length);
    if (!mayNameDocuments(text) && !proposed) return { body, mentioned: [], transactions: [], proposal };
    const tx = await props.api.transactions(props.customerId, { status: 'all', asOf: props.asOf }, signal);
    return { body, mentioned: findMentioned(text, tx.items), transactions: tx.items, proposal };
  });
  if (state.status === 'error') return <ErrorBar title={t('mentions.failed')} error={state.error} onRetry={retry} />;
  if (state.status !== 'done') return null;
  const { mentioned, proposal } = state.data;
  if (mentioned.length === 0 && !isOffered(proposal)) return null;
  return (
    <section className={styles.root} aria-labelledby="mentions-title">
      <h2 id="mentions-title" className={styles.heading}>
        {t('mentions.heading')}
      </h2>
      {isOffered(proposal) && (
        <ProposalCard
          api={props.api}
          host={props.host}
          item={props.item}
          body={state.data.body}
          customerId={props.customerId}
          proposal={proposal}
          transactions={state.data.transactions}
          onChanged={props.onChanged}
        />
      )}
      {mentioned.length > 0 && (
        <ul className={styles.list}>
          {mentioned.map((tx) => (
            <li key={tx.id} className={styles.item}>
              <Text className={styles.doc}>{tx.document}</Text>
              <Text size={200} className={styles.muted}>
                {transactionKindLabel(tx.kind, t.locale)}
              </Text>
              {tx.open === 0 ? (
                <Text size={200}>{t('mentions.settled')}</Text>
              ) : (
                <Text size={200} className={mergeClasses(tx.daysOverdue > 0 && styles.overdue)}>
                  {t.rich('mentions.open', { amount: <Money minor={tx.open} currency={tx.currency} /> })}
                  {tx.daysOverdue > 0 && (
                    <>
                      {' · '}
                      <span className={styles.nowrap}>{t('mentions.daysLate', { count: tx.daysOverdue })}</span>
                    </>
                  )}
                </Text>
              )}
              <CollectionStatusBadge status={tx.collectionStatus} />
              {tx.documentUrl && reply.possible && (
                <Button
                  size="small"
                  appearance="transparent"
                  icon={reply.busy === tx.id ? <Spinner size="extra-tiny" /> : <AttachRegular />}
                  disabled={reply.busy !== null}
                  aria-label={t('mentions.attachLabel', { document: tx.document })}
                  onClick={() => void reply.attach(tx)}
                >
                  {t('mentions.attach')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <AttachOutcomeBar state={reply} />
    </section>
  );
}
