// The dialog of one action on the selected transactions: its fields, the effect it will have
// (shown before anything is saved), and Confirm, which sends it once under an Idempotency-Key.
import { Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Text } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ReasonCodesResponse } from '../../../server/http/schemas/actions';
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import { useT } from '../../i18n';
import { Effect, FormDialog, useSubmit } from '../../ui/FormDialog';
import { formatMoney, fractionDigits, minorToDecimal } from '../../ui/format';
import { separators } from '../activities/amount';
import { localDate } from '../activities/form';
import { actionLabelKey, buildAction, nsfFeeOf, type ActionForm, type ActionKind } from './actions';

const STATUSES: Array<ActionForm['status']> = ['promise_to_pay', 'disputed', 'resolved', 'none'];

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
  const t = useT();
  const locale = t.locale;
  // NSF: the fee configured in the payment's currency, charged unless the agent unticks it.
  const nsfFee = props.kind === 'nsf' ? nsfFeeOf(props.items[0]) : null;
  const [form, setForm] = useState<ActionForm>(() => ({
    status: 'promise_to_pay',
    date: localDate(),
    // A write-off or a promise defaults to what is open (a remainder is written off whole), in the
    // display language's notation (what the amount is parsed in).
    amounts: Object.fromEntries(props.items.map((item) => [item.id, minorToDecimal(item.open, fractionDigits(item.currency)).replace('.', separators(locale).decimal)])),
    reasonCode: '',
    note: '',
    chargeFee: nsfFee !== null,
  }));
  const [waiting, setWaiting] = useState(false);
  const { saving, failure, submit, renewKey } = useSubmit();
  const reasonKind = props.kind === 'write_off' ? 'write_off' : props.kind === 'status' && form.status === 'disputed' ? 'dispute' : null;
  const { state: codes } = useRequest<ReasonCodesResponse>(reasonKind, (signal) => props.api.reasonCodes(reasonKind!, signal));
  const built = useMemo(() => buildAction(props.kind, form, props.items, locale), [props.kind, form, props.items, locale]);
  const errors = built.ok ? {} : built.errors;
  const change = (patch: Partial<ActionForm>) => {
    renewKey();
    setForm((f) => ({ ...f, ...patch }));
  };
  const withAmounts = props.kind === 'write_off' || (props.kind === 'status' && form.status === 'promise_to_pay');

  const confirm = () =>
    built.ok &&
    submit(async (key) => {
      const result = (await built.run(props.api, props.customerId, key)) as { status?: string } | undefined;
      // Nothing was posted: the dialog says so and stays until closed.
      if (result?.status === 'pending') setWaiting(true);
      else props.onDone();
    });

  return (
    <FormDialog
      title={t(actionLabelKey(props.kind))}
      saving={saving}
      confirm={waiting ? undefined : { label: t('transactions.action.confirm'), disabled: !built.ok, onClick: confirm }}
      closeLabel={waiting ? t('transactions.action.close') : t('transactions.action.cancel')}
      onClose={waiting ? props.onDone : props.onClose}
      failure={failure}
    >
      {props.kind === 'status' && (
        <Field label={t('transactions.action.statusField')}>
          <Select value={form.status} onChange={(_, d) => change({ status: d.value as ActionForm['status'] })}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`transactions.action.status.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {(props.kind === 'nsf' || (props.kind === 'status' && form.status === 'promise_to_pay')) && (
        <Field label={props.kind === 'nsf' ? t('transactions.action.returnedOn') : t('transactions.action.promisedFor')} required validationMessage={errors.date}>
          <Input type="date" value={form.date} onChange={(_, d) => change({ date: d.value })} />
        </Field>
      )}
      {props.kind === 'nsf' &&
        (nsfFee !== null ? (
          <Checkbox
            label={t('transactions.action.chargeFee', { amount: formatMoney(nsfFee, props.items[0]!.currency, locale) })}
            checked={form.chargeFee}
            onChange={(_, d) => change({ chargeFee: d.checked === true })}
          />
        ) : (
          <Text size={200}>{t('transactions.action.noFee', { currency: props.items[0]!.currency })}</Text>
        ))}
      {withAmounts &&
        props.items.map((item) => (
          <Field key={item.id} label={t('transactions.action.amountField', { document: item.document, currency: item.currency })} validationMessage={errors[item.id]}>
            <Input inputMode="decimal" value={form.amounts[item.id] ?? ''} onChange={(_, d) => change({ amounts: { ...form.amounts, [item.id]: d.value } })} />
          </Field>
        ))}
      {reasonKind && (
        <Field label={t('transactions.action.reason')} required validationMessage={errors.reasonCode}>
          <Select value={form.reasonCode} onChange={(_, d) => change({ reasonCode: d.value })}>
            <option value="">{t('transactions.action.choose')}</option>
            {codes.status === 'done' &&
              codes.data.items.filter((c) => c.active).map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label}
                </option>
              ))}
          </Select>
        </Field>
      )}
      <Field label={t('transactions.action.note')}>
        <Input value={form.note} maxLength={2000} onChange={(_, d) => change({ note: d.value })} />
      </Field>
      {built.ok && <Effect lines={built.effect} />}
      {waiting && (
        <MessageBar intent="info">
          <MessageBarBody>{t('transactions.action.waiting')}</MessageBarBody>
        </MessageBar>
      )}
    </FormDialog>
  );
}
