// Logs a call, appointment, task, event or note. A call takes an outcome preset; a promise to pay
// or a dispute names open transactions. One Idempotency-Key per form, reused on every retry, so a
// save whose answer was lost is never logged twice.
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input,
  makeStyles, Select, Spinner, Textarea, ToggleButton, tokens,
} from '@fluentui/react-components';
import { useRef, useState, type ReactNode } from 'react';
import type { TransactionsResponse } from '../../../server/http/schemas/transactions';
import type { Activity } from '../../../server/http/schemas/activities';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import { ErrorBar } from '../../ui/ErrorBar';
import { useLocale } from '../../ui/locale';
import { TabSkeleton } from '../../ui/TabSkeleton';
import { buildRequest, emptyForm, localDate, type ActivityForm, type FormErrors } from './form';
import { defaultPurpose, LOGGABLE_TYPES, OUTCOMES, typeLabel, type LoggableType } from './labels';
import { DisputeFields, PromiseFields } from './PromiseFields';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(560px, 100vw)', padding: tokens.spacingHorizontalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  outcomes: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  // minmax(0, …) and minWidth 0 let the inputs shrink to the pane instead of overflowing it.
  pair: { display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: tokens.spacingHorizontalS, '& .fui-Input': { minWidth: 0 } },
  actions: { flexWrap: 'wrap' },
});

export interface LogActivityProps {
  api: ApiClient;
  customerId: string;
  /** Who the agent is talking to; the email's sender when there is one. */
  contact: string;
  initialType?: LoggableType;
  /** Fields filled in beforehand (a proposal read from the email); the agent still confirms. */
  initialForm?: Partial<ActivityForm>;
  /** Shown above the form: where the prefilled fields came from. */
  why?: ReactNode;
  onClose: () => void;
  onSaved: (activity: Activity) => void;
}

export function LogActivityDialog(props: LogActivityProps) {
  const styles = useStyles();
  const locale = useLocale();
  const type = props.initialType ?? 'call';
  const [form, setForm] = useState<ActivityForm>(() => ({ ...emptyForm(type, defaultPurpose[type], props.contact), ...props.initialForm }));
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const idempotencyKey = useRef<string | null>(null);

  const needsTransactions = form.type === 'call' && (form.outcome === 'promise_to_pay' || form.outcome === 'dispute');
  const { state: txState, retry: retryTx } = useRequest<TransactionsResponse>(needsTransactions ? props.customerId : null, (signal) =>
    props.api.transactions(props.customerId, { status: 'open' }, signal),
  );
  const open = txState.status === 'done' ? txState.data.items.filter((t) => t.open > 0) : [];

  const change = (patch: Partial<ActivityForm>) => setForm((f) => ({ ...f, ...patch }));
  const changeType = (next: LoggableType) =>
    setForm((f) => ({ ...f, type: next, purpose: f.purpose === defaultPurpose[f.type] ? defaultPurpose[next] : f.purpose }));

  const save = async () => {
    const built = buildRequest(form, open, locale, localDate());
    setErrors(built.ok ? {} : built.errors);
    if (!built.ok) return;
    idempotencyKey.current ??= crypto.randomUUID();
    setSaving(true);
    setFailure(null);
    try {
      props.onSaved(await props.api.createActivity(props.customerId, built.body, idempotencyKey.current));
    } catch (error) {
      setFailure(error);
      setSaving(false);
    }
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && !saving && props.onClose()}>
      <DialogSurface className={styles.surface} aria-label="Log activity">
        <DialogBody>
          <DialogTitle>Log {typeLabel[form.type].toLowerCase()}</DialogTitle>
          <DialogContent className={styles.form}>
            {props.why}
            <Field label="Type">
              <Select value={form.type} onChange={(_, d) => changeType(d.value as LoggableType)}>
                {LOGGABLE_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {typeLabel[t]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="About" required validationMessage={errors.purpose}>
              <Input value={form.purpose} maxLength={200} onChange={(_, d) => change({ purpose: d.value })} />
            </Field>
            {form.type === 'call' && (
              <Field label="Outcome">
                <div role="group" aria-label="Outcome" className={styles.outcomes}>
                  {OUTCOMES.map((o) => (
                    <ToggleButton
                      key={o.value}
                      size="small"
                      shape="circular"
                      appearance={form.outcome === o.value ? 'primary' : 'secondary'}
                      checked={form.outcome === o.value}
                      onClick={() => change({ outcome: form.outcome === o.value ? null : o.value })}
                    >
                      {o.label}
                    </ToggleButton>
                  ))}
                </div>
              </Field>
            )}
            {needsTransactions && txState.status === 'loading' && <TabSkeleton rows={3} />}
            {needsTransactions && txState.status === 'error' && (
              <ErrorBar title="The open transactions could not be loaded" error={txState.error} onRetry={retryTx} />
            )}
            {needsTransactions && txState.status === 'done' && form.outcome === 'promise_to_pay' && (
              <PromiseFields form={form} open={open} errors={errors} onChange={change} />
            )}
            {needsTransactions && txState.status === 'done' && form.outcome === 'dispute' && (
              <DisputeFields form={form} open={open} errors={errors} onChange={change} />
            )}
            {(form.type === 'appointment' || form.type === 'event') && (
              <div className={styles.pair}>
                <Field label="Starts" required validationMessage={errors.start}>
                  <Input type="date" value={form.startDate} onChange={(_, d) => change({ startDate: d.value })} />
                </Field>
                <Field label="At">
                  <Input type="time" value={form.startTime} onChange={(_, d) => change({ startTime: d.value })} />
                </Field>
              </div>
            )}
            {form.type === 'task' && (
              <Field label="Due" required validationMessage={errors.due}>
                <Input type="date" value={form.dueDate} onChange={(_, d) => change({ dueDate: d.value })} />
              </Field>
            )}
            {form.type !== 'note' && (
              <div className={styles.pair}>
                <Field label="Contact">
                  <Input value={form.contact} maxLength={320} onChange={(_, d) => change({ contact: d.value })} />
                </Field>
                <Field label="Minutes" validationMessage={errors.duration}>
                  <Input inputMode="numeric" value={form.duration} onChange={(_, d) => change({ duration: d.value })} />
                </Field>
              </div>
            )}
            <Field label="Notes">
              <Textarea value={form.notes} resize="vertical" onChange={(_, d) => change({ notes: d.value })} />
            </Field>
            <div className={styles.pair}>
              <Field label="Follow up on" validationMessage={errors.followUp} hint="A To Do task with a reminder">
                <Input type="date" value={form.followUpDate} onChange={(_, d) => change({ followUpDate: d.value })} />
              </Field>
              <Field label="At">
                <Input type="time" value={form.followUpTime} onChange={(_, d) => change({ followUpTime: d.value })} />
              </Field>
            </div>
            {failure !== null && <ErrorBar title="The activity was not saved" error={failure} onRetry={() => void save()} />}
          </DialogContent>
          <DialogActions className={styles.actions}>
            <Button appearance="primary" disabled={saving} onClick={() => void save()} icon={saving ? <Spinner size="tiny" /> : undefined}>
              {saving ? 'Saving…' : 'Save'}
            </Button>
            <Button disabled={saving} onClick={props.onClose}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
