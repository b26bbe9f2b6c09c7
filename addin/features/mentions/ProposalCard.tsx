// The proposal card under "Mentioned in this email": the action the email asks for in one line and
// a button that opens the dialog the agent would use, every field filled in and a "why" line with
// the words it came from. Nothing is saved until the agent confirms in that dialog. A payment the
// customer says it made has no dialog: the card tells it, with the words.
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { LightbulbRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useState } from 'react';
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import type { ApiClient } from '../../api/client';
import type { MailHost, MailItemSnapshot } from '../../office/host';
import { useT } from '../../i18n';
import { activityForm, assumptionNote, proposalTitle, whySegments, type OfferedProposal } from './proposal';
import { WhyLine } from './WhyLine';

// The dialogs load when first opened, as the action bar's do.
const LogActivityDialog = lazy(() => import('../activities/LogActivityDialog').then((m) => ({ default: m.LogActivityDialog })));
const SendLetterDialog = lazy(() => import('../letters/SendLetterDialog').then((m) => ({ default: m.SendLetterDialog })));
const StatementDialog = lazy(() => import('../statements/StatementDialog').then((m) => ({ default: m.StatementDialog })));
const ContactDialog = lazy(() => import('./ContactDialog').then((m) => ({ default: m.ContactDialog })));

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
  },
  title: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start', fontWeight: tokens.fontWeightSemibold },
  icon: { flexShrink: 0, marginTop: '2px', color: tokens.colorBrandForeground1 },
  note: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** The dialog each kind opens. A payment claim has no action of its own: the card only tells it. */
const OPEN_LABEL: Partial<Record<OfferedProposal['kind'], `mentions.card.${'reviewPromise' | 'reviewDispute' | 'reviewLetter' | 'addContact'}`>> = {
  // A request for a statement of account opens the statement instead (statementAsked).
  promise_to_pay: 'mentions.card.reviewPromise',
  dispute: 'mentions.card.reviewDispute',
  copy_request: 'mentions.card.reviewLetter',
  contact_change: 'mentions.card.addContact',
};

export interface ProposalCardProps {
  api: ApiClient;
  host: MailHost;
  item: MailItemSnapshot;
  body: string;
  customerId: string;
  proposal: OfferedProposal;
  transactions: readonly TransactionItem[];
  onChanged: () => void;
}

export function ProposalCard(props: ProposalCardProps) {
  const styles = useStyles();
  const t = useT();
  const locale = t.locale;
  const [open, setOpen] = useState(false);
  const { proposal, item } = props;
  const byId = new Map(props.transactions.map((t) => [t.id, t]));
  const title = proposalTitle(proposal, byId, locale);
  const note = assumptionNote(proposal, locale);
  const why = <WhyLine segments={whySegments(proposal.evidence, item.subject, props.body)} />;
  const sender = item.counterparts[0] ?? null;
  const contact = sender ? (sender.displayName ? `${sender.displayName} <${sender.emailAddress}>` : sender.emailAddress) : '';
  const statementAsked = proposal.kind === 'copy_request' && proposal.fields.statement === true;
  const openLabel = statementAsked ? 'mentions.card.reviewStatement' : OPEN_LABEL[proposal.kind];
  const close = () => setOpen(false);
  const saved = () => {
    close();
    props.onChanged();
  };

  return (
    <div className={styles.card} role="group" aria-label={t('mentions.card.label')}>
      <Text className={styles.title}>
        <LightbulbRegular className={styles.icon} aria-hidden />
        <span>{title}</span>
      </Text>
      {note && (
        <Text size={200} className={styles.note}>
          {note}
        </Text>
      )}
      {/* The letter dialog has no room for it, and a payment claim opens none: the card says why itself. */}
      {(proposal.kind === 'copy_request' || proposal.kind === 'payment_claim') && why}
      {openLabel && (
        <div className={styles.actions}>
          <Button size="small" appearance="primary" onClick={() => setOpen(true)}>
            {t(openLabel)}
          </Button>
        </div>
      )}
      <Suspense fallback={null}>
        {open && (proposal.kind === 'promise_to_pay' || proposal.kind === 'dispute') && (
          <LogActivityDialog
            api={props.api}
            customerId={props.customerId}
            contact={contact}
            initialType="call"
            initialForm={activityForm(proposal, locale)}
            why={why}
            onClose={close}
            onSaved={saved}
          />
        )}
        {open && proposal.kind === 'copy_request' && (() => {
          const common = {
            api: props.api,
            host: props.host,
            customerId: props.customerId,
            recipient: sender?.emailAddress ?? null,
            canReply: item.mode === 'read',
            onClose: close,
          };
          return statementAsked ? <StatementDialog {...common} onSent={props.onChanged} /> : <SendLetterDialog {...common} onPosted={props.onChanged} />;
        })()}
        {open && proposal.kind === 'contact_change' && (
          <ContactDialog
            api={props.api}
            customerId={props.customerId}
            email={proposal.fields.email ?? sender?.emailAddress ?? ''}
            name={proposal.fields.name ?? (proposal.fields.email === sender?.emailAddress ? sender?.displayName ?? '' : '')}
            why={why}
            onClose={close}
            onSaved={saved}
          />
        )}
      </Suspense>
    </div>
  );
}
