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
import { useT } from '../../i18n';
import { ErrorBar } from '../../ui/ErrorBar';
import { TabSkeleton } from '../../ui/TabSkeleton';
import { buildRequest, emptyForm, localDate, type ActivityForm, type FormErrors } from './form';
import { defaultPurpose, LOGGABLE_TYPES, OUTCOMES, type LoggableType } from './labels';
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
  const t = useT();
  const locale = t.locale;
  const type = props.initialType ?? 'call';
  const [form, setForm] = useState<ActivityForm>(() => ({ ...emptyForm(type, defaultPurpose(type, locale), props.contact), ...props.initialForm }));
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
    setForm((f) => ({ ...f, type: next, purpose: f.purpose === defaultPurpose(f.type, locale) ? defaultPurpose(next, locale) : f.purpose }));

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
      <DialogSurface className={styles.surface} aria-label={t('activities.form.label')}>
        <DialogBody>
          <DialogTitle>{t(`activities.log.${form.type}`)}</DialogTitle>
          <DialogContent className={styles.form}>
            {props.why}
            <Field label={t('activities.form.type')}>
              <Select value={form.type} onChange={(_, d) => changeType(d.value as LoggableType)}>
                {LOGGABLE_TYPES.map((option) => (
                  <option key={option} value={option}>
                    {t(`activities.type.${option}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('activities.form.about')} required validationMessage={errors.purpose}>
              <Input value={form.purpose} maxLength={200} onChange={(_, d) => change({ purpose: d.value })} />
            </Field>
            {form.type === 'call' && (
              <Field label={t('activities.form.outcome')}>
                <div role="group" aria-label={t('activities.form.outcome')} className={styles.outcomes}>
                  {OUTCOMES.map((o) => (
                    <ToggleButton
                      key={o}
                      size="small"
                      shape="circular"
                      appearance={form.outcome === o ? 'primary' : 'secondary'}
                      checked={form.outcome === o}
                      onClick={() => change({ outcome: form.outcome === o ? null : o })}
                    >
                      {t(`activities.outcome.${o}`)}
                    </ToggleButton>
                  ))}
                </div>
              </Field>
            )}
            {needsTransactions && txState.status === 'loading' && <TabSkeleton rows={3} />}
            {needsTransactions && txState.status === 'error' && (
              <ErrorBar title={t('activities.form.transactionsFailed')} error={txState.error} onRetry={retryTx} />
            )}
            {needsTransactions && txState.status === 'done' && form.outcome === 'promise_to_pay' && (
              <PromiseFields form={form} open={open} errors={errors} onChange={change} />
            )}
            {needsTransactions && txState.status === 'done' && form.outcome === 'dispute' && (
              <DisputeFields form={form} open={open} errors={errors} onChange={change} />
            )}
            {(form.type === 'appointment' || form.type === 'event') && (
              <div className={styles.pair}>
                <Field label={t('activities.form.starts')} required validationMessage={errors.start}>
                  <Input type="date" value={form.startDate} onChange={(_, d) => change({ startDate: d.value })} />
                </Field>
                <Field label={t('activities.form.at')}>
                  <Input type="time" value={form.startTime} onChange={(_, d) => change({ startTime: d.value })} />
                </Field>
              </div>
            )}
            {form.type === 'task' && (
              <Field label={t('activities.form.due')} required validationMessage={errors.due}>
                <Input type="date" value={form.dueDate} onChange={(_, d) => change({ dueDate: d.value })} />
              </Field>
            )}
            {form.type !== 'note' && (
              <div className={styles.pair}>
                <Field label={t('activities.form.contact')}>
                  <Input value={form.contact} maxLength={320} onChange={(_, d) => change({ contact: d.value })} />
                </Field>
                <Field label={t('activities.form.minutes')} validationMessage={errors.duration}>
                  <Input inputMode="numeric" value={form.duration} onChange={(_, d) => change({ duration: d.value })} />
                </Field>
              </div>
            )}
            <Field label={t('activities.form.notes')}>
              <Textarea value={form.notes} resize="vertical" onChange={(_, d) => change({ notes: d.value })} />
            </Field>
            <div className={styles.pair}>
              <Field label={t('activities.form.followUp')} validationMessage={errors.followUp} hint={t('activities.form.followUpHint')}>
                <Input type="date" value={form.followUpDate} onChange={(_, d) => change({ followUpDate: d.value })} />
              </Field>
              <Field label={t('activities.form.at')}>
                <Input type="time" value={form.followUpTime} onChange={(_, d) => change({ followUpTime: d.value })} />
              </Field>
            </div>
            {failure !== null && <ErrorBar title={t('activities.form.notSaved')} error={failure} onRetry={() => void save()} />}
          </DialogContent>
          <DialogActions className={styles.actions}>
            <Button appearance="primary" disabled={saving} onClick={() => void save()} icon={saving ? <Spinner size="tiny" /> : undefined}>
              {saving ? t('activities.form.saving') : t('activities.form.save')}
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
