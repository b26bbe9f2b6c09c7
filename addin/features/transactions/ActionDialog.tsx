// The dialog of one action on the selected transactions: its fields, the effect it will have
// (shown before anything is saved), and Confirm, which sends it once under an Idempotency-Key.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import type { ReasonCodesResponse } from '../../../server/http/schemas/actions';
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import { ErrorBar } from '../../ui/ErrorBar';
import { fractionDigits, minorToDecimal } from '../../ui/format';
import { useLocale } from '../../ui/locale';
import { localDate } from '../activities/form';
import { ACTION_LABELS, buildAction, type ActionForm, type ActionKind } from './actions';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(480px, 100vw - 16px)' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  effect: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

const STATUSES: Array<{ value: ActionForm['status']; label: string }> = [
  { value: 'promise_to_pay', label: 'Promise to pay' },
  { value: 'disputed', label: 'Disputed' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'none', label: 'Clear the status' },
];

export interface ActionDialogProps {
  api: ApiClient;
  customerId: string;
  kind: ActionKind;
  items: TransactionItem[];
  onClose: () => void;
  /** After the action was saved: the grid, header and timeline reload. */
  onDone: () => void;
}

export function ActionDialog(props: ActionDialogProps) {
  const styles = useStyles();
  const locale = useLocale();
  const [form, setForm] = useState<ActionForm>(() => ({
    status: 'promise_to_pay',
    date: localDate(),
    // A write-off or a promise defaults to what is open (a remainder is written off whole).
    amounts: Object.fromEntries(props.items.map((t) => [t.id, minorToDecimal(t.open, fractionDigits(t.currency))])),
    reasonCode: '',
    note: '',
  }));
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [waiting, setWaiting] = useState(false);
  const key = useRef<string | null>(null);
  const reasonKind = props.kind === 'write_off' ? 'write_off' : props.kind === 'status' && form.status === 'disputed' ? 'dispute' : null;
  const { state: codes } = useRequest<ReasonCodesResponse>(reasonKind, (signal) => props.api.reasonCodes(reasonKind!, signal));
  const built = useMemo(() => buildAction(props.kind, form, props.items, locale), [props.kind, form, props.items, locale]);
  const errors = built.ok ? {} : built.errors;
  const change = (patch: Partial<ActionForm>) => {
    key.current = null;
    setForm((f) => ({ ...f, ...patch }));
  };
  const withAmounts = props.kind === 'write_off' || (props.kind === 'status' && form.status === 'promise_to_pay');

  const confirm = async () => {
    if (!built.ok) return;
    key.current ??= crypto.randomUUID();
    setSaving(true);
    setFailure(null);
    try {
      const result = (await built.run(props.api, props.customerId, key.current)) as { status?: string } | undefined;
      // Nothing was posted: the dialog says so and stays until closed.
      if (result?.status === 'pending') {
        setWaiting(true);
        setSaving(false);
      } else {
        props.onDone();
      }
    } catch (error) {
      setFailure(error);
      setSaving(false);
    }
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && !saving && (waiting ? props.onDone() : props.onClose())}>
      <DialogSurface className={styles.surface} aria-label={ACTION_LABELS[props.kind]}>
        <DialogBody>
          <DialogTitle>{ACTION_LABELS[props.kind]}</DialogTitle>
          <DialogContent className={styles.form}>
            {props.kind === 'status' && (
              <Field label="Status">
                <Select value={form.status} onChange={(_, d) => change({ status: d.value as ActionForm['status'] })}>
                  {STATUSES.map((s) => (
                    <option key={s.value} value={s.value}>
                      {s.label}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            {(props.kind === 'nsf' || (props.kind === 'status' && form.status === 'promise_to_pay')) && (
              <Field label={props.kind === 'nsf' ? 'Returned on' : 'Promised for'} required validationMessage={errors.date}>
                <Input type="date" value={form.date} onChange={(_, d) => change({ date: d.value })} />
              </Field>
            )}
            {withAmounts &&
              props.items.map((t) => (
                <Field key={t.id} label={`${t.document} (${t.currency})`} validationMessage={errors[t.id]}>
                  <Input inputMode="decimal" value={form.amounts[t.id] ?? ''} onChange={(_, d) => change({ amounts: { ...form.amounts, [t.id]: d.value } })} />
                </Field>
              ))}
            {reasonKind && (
              <Field label="Reason" required validationMessage={errors.reasonCode}>
                <Select value={form.reasonCode} onChange={(_, d) => change({ reasonCode: d.value })}>
                  <option value="">Choose…</option>
                  {codes.status === 'done' &&
                    codes.data.items.filter((c) => c.active).map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.label}
                      </option>
                    ))}
                </Select>
              </Field>
            )}
            <Field label="Note">
              <Input value={form.note} maxLength={2000} onChange={(_, d) => change({ note: d.value })} />
            </Field>
            {built.ok && (
              <section aria-label="Effect">
                <Text weight="semibold">This will:</Text>
                <ul className={styles.effect}>
                  {built.effect.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </section>
            )}
            {failure !== null && <ErrorBar title="Not saved" error={failure} onRetry={confirm} />}
            {waiting && (
              <MessageBar intent="info">
                <MessageBarBody>The write-off is above your limit: it waits for a manager’s approval, and nothing is posted until then.</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            {!waiting && (
              <Button appearance="primary" disabled={!built.ok || saving} onClick={confirm}>
                {saving ? 'Saving…' : 'Confirm'}
              </Button>
            )}
            <Button disabled={saving} onClick={waiting ? props.onDone : props.onClose}>
              {waiting ? 'Close' : 'Cancel'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
