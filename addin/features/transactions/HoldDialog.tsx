// Put on hold… (the selected transactions, or the whole customer when none is given) with a reason
// and an optional until date, showing the effect before saving; or Lift hold, confirmed the same way.
// Each is sent once under an Idempotency-Key.
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
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import type { ApiClient } from '../../api/client';
import { ErrorBar } from '../../ui/ErrorBar';
import { formatDate } from '../../ui/format';
import { useLocale } from '../../ui/locale';
import { localDate } from '../activities/form';
import { buildHold, type HoldForm } from './holds';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(480px, 100vw - 16px)' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  effect: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export type HoldDialogProps = {
  api: ApiClient;
  customerId: string;
  customerName: string;
  onClose: () => void;
  /** After the change was saved: the grid and the header reload. */
  onDone: () => void;
} & ({ mode: 'put'; items: TransactionItem[] } | { mode: 'lift'; holds: Array<{ id: string; reason: string; until: string | null; label: string }> });

export function HoldDialog(props: HoldDialogProps) {
  const styles = useStyles();
  const locale = useLocale();
  const [form, setForm] = useState<HoldForm>({ reason: '', until: '' });
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const key = useRef<string | null>(null);
  const today = localDate();
  const built =
    props.mode === 'put'
      ? buildHold(form, props.items, props.customerName, today, locale)
      : ({
          ok: true,
          effect: props.holds.map((h) => `${h.label}: hold lifted (${h.reason}${h.until ? `, until ${formatDate(h.until, locale)}` : ''}); letters and interest resume`),
          run: async (api: ApiClient, _customerId: string, k: string) => {
            for (const [i, h] of props.holds.entries()) await api.liftHold(h.id, `${k}-${i}`);
          },
        } as const);
  const errors = built.ok ? {} : built.errors;
  const change = (patch: Partial<HoldForm>) => {
    key.current = null;
    setForm((f) => ({ ...f, ...patch }));
  };
  const confirm = async () => {
    if (!built.ok) return;
    key.current ??= crypto.randomUUID();
    setSaving(true);
    setFailure(null);
    try {
      await built.run(props.api, props.customerId, key.current);
      props.onDone();
    } catch (error) {
      setFailure(error);
      setSaving(false);
    }
  };
  const title = props.mode === 'lift' ? 'Lift hold' : props.items.length === 0 ? `Put ${props.customerName} on hold` : 'Put on hold';
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && props.onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.form}>
            {props.mode === 'put' && (
              <>
                <Field label="Reason" required validationMessage={form.reason ? errors.reason : undefined}>
                  <Textarea value={form.reason} maxLength={500} onChange={(_, d) => change({ reason: d.value })} />
                </Field>
                <Field label="Until (optional)" hint="Held through this date; empty: until lifted." validationMessage={errors.until}>
                  <Input type="date" min={today} value={form.until} onChange={(_, d) => change({ until: d.value })} />
                </Field>
              </>
            )}
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
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={!built.ok || saving} onClick={confirm}>
              {saving ? 'Saving…' : props.mode === 'lift' ? 'Lift hold' : 'Put on hold'}
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
