// "Mentioned in this email": the customer's documents that the subject or body names, with what
// is still open on each, so the agent sees the invoice the customer writes about at once.
import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import type { MailItemSnapshot } from '../../office/host';
import { ErrorBar } from '../../ui/ErrorBar';
import { Money } from '../../ui/Money';
import { CollectionStatusBadge } from '../../ui/StatusBadge';
import { transactionKindLabel } from '../transactions/columns';
import { findMentioned, mayNameDocuments } from './match';

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
});

export interface MentionsProps {
  api: ApiClient;
  item: MailItemSnapshot;
  customerId: string;
  asOf: string | undefined;
  refreshKey: number;
}

async function readText(item: MailItemSnapshot): Promise<string> {
  // A body that cannot be read still leaves the subject to search.
  const body = await item.getBodyText().catch(() => '');
  return `${item.subject}\n${body}`;
}

export function Mentions(props: MentionsProps) {
  const styles = useStyles();
  const key = `${props.customerId}|${props.asOf ?? ''}|${props.refreshKey}`;
  const { state, retry } = useRequest<TransactionItem[]>(key, async (signal) => {
    const text = await readText(props.item);
    if (!mayNameDocuments(text)) return [];
    const tx = await props.api.transactions(props.customerId, { status: 'all', asOf: props.asOf }, signal);
    return findMentioned(text, tx.items);
  });
  if (state.status === 'error') return <ErrorBar title="Documents named in this email could not be checked" error={state.error} onRetry={retry} />;
  if (state.status !== 'done' || state.data.length === 0) return null;
  return (
    <section className={styles.root} aria-labelledby="mentions-title">
      <h2 id="mentions-title" className={styles.heading}>
        Mentioned in this email
      </h2>
      <ul className={styles.list}>
        {state.data.map((t) => (
          <li key={t.id} className={styles.item}>
            <Text className={styles.doc}>{t.document}</Text>
            <Text size={200} className={styles.muted}>
              {transactionKindLabel(t.kind)}
            </Text>
            {t.open === 0 ? (
              <Text size={200}>settled</Text>
            ) : (
              <Text size={200} className={mergeClasses(t.daysOverdue > 0 && styles.overdue)}>
                open <Money minor={t.open} currency={t.currency} />
                {t.daysOverdue > 0 && ` · ${t.daysOverdue} days late`}
              </Text>
            )}
            <CollectionStatusBadge status={t.collectionStatus} />
          </li>
        ))}
      </ul>
    </section>
  );
}
