// "Interest…": the interest due from the current customer as of the pane's date, to review line by
// line (what is left out, and why), then post (managers) once under an Idempotency-Key; the posted
// notes open as the PDF stored when they were posted.
import {
  Button, makeStyles, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { InterestNotesResponse, InterestProposalsResponse } from '../../../server/http/schemas/interest';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import { EmptyState } from '../../ui/EmptyState';
import { useT } from '../../i18n';
import { ErrorBar } from '../../ui/ErrorBar';
import { FormDialog, useSubmit } from '../../ui/FormDialog';
import { formatDate } from '../../ui/format';
import { Money } from '../../ui/Money';
import { TabSkeleton } from '../../ui/TabSkeleton';
import { openStoredPdf } from './open-pdf';
import { rateText, skipReasonText } from './words';

const useStyles = makeStyles({
  table: { fontSize: tokens.fontSizeBase200 },
  number: { textAlign: 'end' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  row: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface InterestDialogProps {
  api: ApiClient;
  customerId: string;
  /** The pane's as-of date; today when none. */
  asOf: string | undefined;
  onClose: () => void;
  /** After notes were posted and the dialog closed: the grid and header reload. */
  onDone: () => void;
}

export function InterestDialog(props: InterestDialogProps) {
  const styles = useStyles();
  const t = useT();
  const locale = t.locale;
  const { state, retry } = useRequest<InterestProposalsResponse>(`${props.customerId}|${props.asOf ?? ''}`, (signal) =>
    props.api.interestProposals({ customerId: props.customerId, ...(props.asOf ? { asOf: props.asOf } : {}) }, signal),
  );
  const { saving, failure, submit } = useSubmit();
  const [posted, setPosted] = useState<InterestNotesResponse['items'] | null>(null);
  const proposal = state.status === 'done' ? state.data.items[0] : undefined;
  const notes = proposal?.notes ?? [];

  const post = () =>
    state.status === 'done' &&
    notes.length > 0 &&
    submit(async (key) => {
      const expected = notes.map((n) => ({ customerId: props.customerId, currency: n.currency, total: n.total }));
      const result = await props.api.postInterestNotes({ asOf: state.data.asOf, customerIds: [props.customerId], expected }, key);
      setPosted(result.items);
    });
  const [openFailure, setOpenFailure] = useState<unknown>(null);
  const open = (pdfUrl: string) => openStoredPdf(props.api, pdfUrl).catch(setOpenFailure);
  const close = () => (posted ? props.onDone() : props.onClose());

  return (
    <FormDialog
      title={state.status === 'done' ? t('interest.dialog.titleAsOf', { date: formatDate(state.data.asOf, locale) }) : t('interest.dialog.title')}
      label={t('interest.dialog.label')}
      width="table"
      saving={saving}
      confirm={posted ? undefined : { label: notes.length > 1 ? t('interest.dialog.postNotes', { count: notes.length }) : t('interest.dialog.postNote'), savingLabel: t('interest.dialog.posting'), disabled: notes.length === 0, onClick: post }}
      closeLabel={posted ? t('common.close') : t('interest.dialog.cancel')}
      onClose={close}
      failure={failure}
      failureTitle={t('interest.dialog.notPosted')}
    >
      {state.status === 'loading' && <TabSkeleton rows={3} />}
      {state.status === 'error' && <ErrorBar title={t('interest.dialog.failed')} error={state.error} onRetry={retry} />}
      {proposal && proposal.code === null && (
        <EmptyState title={t('interest.dialog.noCode')} description={t('interest.dialog.noCodeDescription')} />
      )}
      {proposal && proposal.code !== null && notes.length === 0 && !posted && (
        <EmptyState title={t('interest.dialog.nothingDue')} description={t('interest.dialog.nothingDueDescription')} />
      )}
      {!posted &&
        notes.map((note) => (
          <section key={note.currency} aria-label={t('interest.dialog.inCurrency', { currency: note.currency })}>
            <Table size="extra-small" className={styles.table}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('interest.dialog.document')}</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>{t('interest.dialog.days')}</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>{t('interest.dialog.open')}</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>{t('interest.dialog.interest')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {note.lines.map((l) => (
                  <TableRow key={l.transactionId}>
                    <TableCell title={t('interest.dialog.lineTitle', { from: formatDate(l.from, locale), to: formatDate(l.to, locale), rate: rateText(l.rateBp, l.period, locale) })}>{l.document}</TableCell>
                    <TableCell className={styles.number}>{l.days}</TableCell>
                    <TableCell className={styles.number}><Money minor={l.base} currency={note.currency} /></TableCell>
                    <TableCell className={styles.number}><Money minor={l.interest} currency={note.currency} /></TableCell>
                  </TableRow>
                ))}
                <TableRow>
                  <TableCell>
                    <Text weight="semibold">{t('interest.dialog.total')}</Text>
                  </TableCell>
                  <TableCell />
                  <TableCell />
                  <TableCell className={styles.number}>
                    <Text weight="semibold"><Money minor={note.total} currency={note.currency} /></Text>
                  </TableCell>
                </TableRow>
              </TableBody>
            </Table>
          </section>
        ))}
      {!posted && proposal && proposal.skipped.length > 0 && (
        <section aria-label={t('interest.dialog.leftOutLabel')}>
          <Text weight="semibold">{t('interest.dialog.leftOut')}</Text>
          <ul className={styles.list}>
            {proposal.skipped.map((s) => (
              <li key={s.transactionId}>
                {s.document}: {skipReasonText(s.reason, locale)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {posted && (
        <MessageBar intent="success">
          <MessageBarBody>{t('interest.dialog.posted', { numbers: posted.map((n) => n.number).join(', ') })}</MessageBarBody>
        </MessageBar>
      )}
      {posted && (
        <ul className={styles.list} aria-label={t('interest.dialog.postedLabel')}>
          {posted.map((n) => (
            <li key={n.id} className={styles.row}>
              <Text>
                {n.number} · <Money minor={n.total} currency={n.currency} />
              </Text>
              <Button size="small" onClick={() => void open(n.pdfUrl)} aria-label={t('interest.dialog.openNote', { number: n.number })}>
                {t('interest.dialog.openPdf')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {openFailure !== null && <ErrorBar title={t('interest.dialog.openFailed')} error={openFailure} onRetry={() => setOpenFailure(null)} />}
    </FormDialog>
  );
}
