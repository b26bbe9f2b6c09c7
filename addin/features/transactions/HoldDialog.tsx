// Put on hold… (the selected transactions, or the whole customer when none is given) with a reason
// and an optional until date, showing the effect before saving; or Lift hold, confirmed the same way.
// Each is sent once under an Idempotency-Key.
import { Field, Input, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import type { ApiClient } from '../../api/client';
import { useT } from '../../i18n';
import { Effect, FormDialog, useSubmit } from '../../ui/FormDialog';
import { formatDate } from '../../ui/format';
import { localDate } from '../activities/form';
import { buildHold, type HoldForm } from './holds';

export type HoldDialogProps = {
  api: ApiClient;
  customerId: string;
  customerName: string;
  onClose: () => void;
  /** After the change was saved: the grid and the header reload. */
  onDone: () => void;
} & ({ mode: 'put'; items: TransactionItem[] } | { mode: 'lift'; holds: Array<{ id: string; reason: string; until: string | null; label: string }> });

export function HoldDialog(props: HoldDialogProps) {
  const t = useT();
  const locale = t.locale;
  const [form, setForm] = useState<HoldForm>({ reason: '', until: '' });
  const { saving, failure, submit, renewKey } = useSubmit();
  const today = localDate();
  const built =
    props.mode === 'put'
      ? buildHold(form, props.items, props.customerName, today, locale)
      : ({
          ok: true,
          effect: props.holds.map((h) =>
            h.until
              ? t('transactions.hold.effect.liftedUntil', { target: h.label, reason: h.reason, date: formatDate(h.until, locale) })
              : t('transactions.hold.effect.lifted', { target: h.label, reason: h.reason }),
          ),
          run: async (api: ApiClient, _customerId: string, k: string) => {
            for (const [i, h] of props.holds.entries()) await api.liftHold(h.id, `${k}-${i}`);
          },
        } as const);
  const errors = built.ok ? {} : built.errors;
  const change = (patch: Partial<HoldForm>) => {
    renewKey();
    setForm((f) => ({ ...f, ...patch }));
  };
  const confirm = () =>
    built.ok &&
    submit(async (key) => {
      await built.run(props.api, props.customerId, key);
      props.onDone();
    });
  const title =
    props.mode === 'lift'
      ? t('transactions.hold.liftTitle')
      : props.items.length === 0
        ? t('transactions.hold.titleCustomer', { name: props.customerName })
        : t('transactions.hold.title');
  return (
    <FormDialog
      title={title}
      saving={saving}
      confirm={{ label: props.mode === 'lift' ? t('transactions.hold.liftTitle') : t('transactions.hold.title'), disabled: !built.ok, onClick: confirm }}
      onClose={props.onClose}
      failure={failure}
    >
      {props.mode === 'put' && (
        <>
          <Field label={t('transactions.hold.reason')} required validationMessage={form.reason ? errors.reason : undefined}>
            <Textarea value={form.reason} maxLength={500} onChange={(_, d) => change({ reason: d.value })} />
          </Field>
          <Field label={t('transactions.hold.until')} hint={t('transactions.hold.untilHint')} validationMessage={errors.until}>
            <Input type="date" min={today} value={form.until} onChange={(_, d) => change({ until: d.value })} />
          </Field>
        </>
      )}
      {built.ok && <Effect lines={built.effect} />}
    </FormDialog>
  );
}
