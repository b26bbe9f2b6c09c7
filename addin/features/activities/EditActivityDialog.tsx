// Edits what an activity says and when it comes back: title, outcome, a promise's date and amount,
// a dispute's reason, notes, follow-up (and a task's due date). Only the changed fields are sent, with
// the version read: when someone else changed the activity meanwhile, the server refuses (412) and
// the dialog shows the current values to review.
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles,
  MessageBar, MessageBarBody, Select, Textarea, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ReasonCodesResponse } from '../../../server/http/schemas/actions';
import type { Activity, ActivityOutcome, UpdateActivityRequest } from '../../../server/http/schemas/activities';
import { ApiError, type ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import { useT } from '../../i18n';
import { ErrorBar } from '../../ui/ErrorBar';
import { fractionDigits } from '../../ui/format';
import { parseAmount } from './amount';
import { decimalOf, localInstant } from './form';
import { OUTCOMES } from './labels';
import { PromiseCorrectionFields } from './PromiseFields';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(560px, 100vw)', padding: tokens.spacingHorizontalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // minmax(0, …) and minWidth 0 let the inputs shrink to the pane instead of overflowing it.
  pair: { display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: tokens.spacingHorizontalS, '& .fui-Input': { minWidth: 0 } },
});

const pad = (n: number) => String(n).padStart(2, '0');
/** An instant as the agent's local date and time fields. */
function local(instant: string | null): { date: string; time: string } {
  if (!instant) return { date: '', time: '' };
  const d = new Date(instant);
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

/** The one currency and total of a recorded promise (null when it spans several currencies). */
function promiseTotal(a: Activity): { currency: string; amount: number } | null {
  const totals = a.promise?.totals ?? [];
  return totals.length === 1 ? totals[0]! : null;
}

/** The correction fields as the activity has them. */
function commitmentOf(a: Activity) {
  const total = promiseTotal(a);
  return {
    outcome: a.outcome,
    promiseDate: a.promise?.date ?? '',
    promiseAmount: total ? decimalOf(total.amount, total.currency) : '',
    reason: a.dispute?.reasonCode ?? '',
  };
}

/** The activity as it is now, from a 412 refusing an edit of a version someone else changed. */
function currentOf(error: unknown): Activity | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  const current = (error.details as { current?: Activity } | undefined)?.current;
  return current && typeof current === 'object' ? current : null;
}

export function EditActivityDialog(props: { api: ApiClient; activity: Activity; onClose: () => void; onSaved: (a: Activity) => void }) {
  const styles = useStyles();
  // What the edit is based on: the activity as read, or as someone else has changed it since.
  const [a, setBase] = useState(props.activity);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const [purpose, setPurpose] = useState(a.purpose);
  const [notes, setNotes] = useState(a.notes ?? '');
  const [followUp, setFollowUp] = useState(local(a.followUpAt));
  const [due, setDue] = useState(local(a.dueAt));
  const [commitment, setCommitment] = useState(() => commitmentOf(a));
  const [amountError, setAmountError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const t = useT();
  const locale = t.locale;
  const change = (patch: Partial<typeof commitment>) => setCommitment((c) => ({ ...c, ...patch }));
  const showsOutcome = a.type === 'call' || a.outcome !== null;
  // Promise to pay and dispute are offered only to an activity that recorded one (with its transactions).
  const outcomes = OUTCOMES.filter((o) => (o === 'promise_to_pay' ? a.promise : o === 'dispute' ? a.dispute : true));
  const { state: reasons } = useRequest<ReasonCodesResponse>(a.dispute ? 'dispute' : null, (signal) => props.api.reasonCodes('dispute', signal));
  const reasonOptions = reasons.status === 'done' ? reasons.data.items.filter((r) => r.active || r.code === a.dispute?.reasonCode) : [];

  /** The corrections of outcome, promise and dispute; undefined when the amount typed is not one. */
  const commitmentChanges = (body: UpdateActivityRequest): boolean => {
    if (commitment.outcome !== a.outcome) body.outcome = commitment.outcome;
    const total = promiseTotal(a);
    if (commitment.outcome === 'promise_to_pay' && a.promise) {
      const promise: NonNullable<UpdateActivityRequest['promise']> = {};
      if (commitment.promiseDate && commitment.promiseDate !== a.promise.date) promise.date = commitment.promiseDate;
      if (total && commitment.promiseAmount !== decimalOf(total.amount, total.currency)) {
        const parsed = parseAmount(commitment.promiseAmount, fractionDigits(total.currency), locale);
        if (!parsed.ok) return fail(parsed.message);
        if (parsed.minor <= 0n) return fail(t('activities.errors.positive'));
        promise.amount = Number(parsed.minor);
      }
      if (Object.keys(promise).length > 0) body.promise = promise;
    }
    if (commitment.outcome === 'dispute' && a.dispute && commitment.reason && commitment.reason !== a.dispute.reasonCode) {
      body.dispute = { reasonCode: commitment.reason };
    }
    setAmountError(undefined);
    return true;
  };
  const fail = (message: string) => {
    setAmountError(message);
    return false;
  };

  const changes = (): UpdateActivityRequest | null => {
    const body: UpdateActivityRequest = {};
    if (!commitmentChanges(body)) return null;
    if (purpose.trim() && purpose.trim() !== a.purpose) body.purpose = purpose.trim();
    if ((notes.trim() || null) !== a.notes) body.notes = notes.trim() || null;
    const nextFollowUp = followUp.date ? localInstant(followUp.date, followUp.time) : null;
    if (nextFollowUp !== (a.followUpAt ? new Date(a.followUpAt).toISOString() : null)) body.followUpAt = nextFollowUp;
    if (a.type === 'task' && due.date) {
      const nextDue = localInstant(due.date, due.time);
      if (nextDue !== (a.dueAt ? new Date(a.dueAt).toISOString() : null)) body.dueAt = nextDue;
    }
    return body;
  };

  const save = async () => {
    const body = changes();
    if (body === null) return;
    if (Object.keys(body).length === 0) return props.onClose();
    setSaving(true);
    setFailure(null);
    try {
      const saved = a.version === undefined ? await props.api.updateActivity(a.id, body) : await props.api.updateActivity(a.id, body, undefined, a.version);
      props.onSaved(saved);
    } catch (error) {
      const current = currentOf(error);
      if (current) showCurrent(current);
      else setFailure(error);
      setSaving(false);
    }
  };

  const showCurrent = (current: Activity) => {
    setBase(current);
    setPurpose(current.purpose);
    setNotes(current.notes ?? '');
    setFollowUp(local(current.followUpAt));
    setDue(local(current.dueAt));
    setCommitment(commitmentOf(current));
    setChangedElsewhere(true);
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && !saving && props.onClose()}>
      <DialogSurface className={styles.surface} aria-label={t('activities.edit.title')}>
        <DialogBody>
          <DialogTitle>{t('activities.edit.title')}</DialogTitle>
          <DialogContent className={styles.form}>
            <Field label={t('activities.form.about')} required validationMessage={purpose.trim() ? undefined : t('activities.errors.purpose')}>
              <Input value={purpose} maxLength={200} onChange={(_, d) => setPurpose(d.value)} />
            </Field>
            {showsOutcome && (
              <Field label={t('activities.form.outcome')}>
                <Select value={commitment.outcome ?? ''} onChange={(_, d) => change({ outcome: (d.value || null) as ActivityOutcome | null })}>
                  <option value="">{t('activities.edit.noOutcome')}</option>
                  {outcomes.map((o) => (
                    <option key={o} value={o}>
                      {t(`activities.outcome.${o}`)}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            {commitment.outcome === 'promise_to_pay' && a.promise && (
              <PromiseCorrectionFields
                date={commitment.promiseDate}
                amount={commitment.promiseAmount}
                currency={promiseTotal(a)?.currency ?? null}
                errors={{ amount: amountError }}
                onChange={(p) => change({ ...(p.date === undefined ? {} : { promiseDate: p.date }), ...(p.amount === undefined ? {} : { promiseAmount: p.amount }) })}
              />
            )}
            {commitment.outcome === 'dispute' && a.dispute && (
              <Field label={t('activities.promise.reason')} required>
                <Select value={commitment.reason} onChange={(_, d) => change({ reason: d.value })}>
                  {reasonOptions.length === 0 && <option value={a.dispute.reasonCode}>{a.dispute.reasonLabel}</option>}
                  {reasonOptions.map((r) => (
                    <option key={r.code} value={r.code}>
                      {r.label}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            {a.outcome !== commitment.outcome && (a.promise || a.dispute) && commitment.outcome !== 'promise_to_pay' && commitment.outcome !== 'dispute' && (
              <MessageBar intent="warning">
                <MessageBarBody>{a.promise ? t('activities.edit.withdrawsPromise') : t('activities.edit.withdrawsDispute')}</MessageBarBody>
              </MessageBar>
            )}
            <Field label={t('activities.form.notes')}>
              <Textarea value={notes} resize="vertical" onChange={(_, d) => setNotes(d.value)} />
            </Field>
            {a.type === 'task' && (
              <div className={styles.pair}>
                <Field label={t('activities.form.due')}>
                  <Input type="date" value={due.date} onChange={(_, d) => setDue((v) => ({ ...v, date: d.value }))} />
                </Field>
                <Field label={t('activities.form.at')}>
                  <Input type="time" value={due.time} onChange={(_, d) => setDue((v) => ({ ...v, time: d.value }))} />
                </Field>
              </div>
            )}
            <div className={styles.pair}>
              <Field label={t('activities.form.followUp')}>
                <Input type="date" value={followUp.date} onChange={(_, d) => setFollowUp((v) => ({ ...v, date: d.value }))} />
              </Field>
              <Field label={t('activities.form.at')}>
                <Input type="time" value={followUp.time} onChange={(_, d) => setFollowUp((v) => ({ ...v, time: d.value }))} />
              </Field>
            </div>
            {changedElsewhere && (
              <MessageBar intent="warning">
                <MessageBarBody>{t('activities.edit.changedElsewhere')}</MessageBarBody>
              </MessageBar>
            )}
            {failure !== null && <ErrorBar title={t('activities.edit.notSaved')} error={failure} onRetry={() => void save()} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={saving || !purpose.trim()} onClick={() => void save()}>
              {t('activities.form.save')}
            </Button>
            <Button disabled={saving} onClick={props.onClose}>
              {t('activities.form.cancel')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
