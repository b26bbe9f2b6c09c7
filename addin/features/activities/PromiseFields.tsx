// The open transactions a promise to pay or a dispute names: one checkbox each; a promise also takes
// the amount promised per transaction (prefilled with what is open) and the date. An edit corrects a
// recorded promise's date and total.
import { Checkbox, Field, Input, Label, makeStyles, Select, Text, tokens, useId } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import { useT } from '../../i18n';
import { DateText } from '../../ui/DateText';
import { Money } from '../../ui/Money';
import type { ActivityForm, FormErrors } from './form';
import { decimalOf } from './form';
import { DISPUTE_REASONS, disputeReasonName } from './labels';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyle: 'none' },
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  meta: { color: tokens.colorNeutralForeground3, paddingInlineStart: tokens.spacingHorizontalXXL },
  amount: { paddingInlineStart: tokens.spacingHorizontalXXL },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** A labelled group of checkboxes (a Field would hand its one control id to every checkbox). */
function ChoiceGroup(props: { label: string; error?: string; children: ReactNode }) {
  const styles = useStyles();
  const id = useId('choices');
  return (
    <div role="group" aria-labelledby={id} className={styles.group}>
      <Label id={id} required>
        {props.label}
      </Label>
      {props.children}
      {props.error && (
        <Text size={200} role="alert" className={styles.error}>
          {props.error}
        </Text>
      )}
    </div>
  );
}

type Change = (patch: Partial<ActivityForm>) => void;

function TransactionLabel(props: { t: TransactionItem }) {
  const styles = useStyles();
  const t = useT();
  const item = props.t;
  return (
    <>
      <span>
        {item.document} · <Money minor={item.open} currency={item.currency} />
      </span>
      <Text size={200} className={styles.meta} block>
        {t.rich('activities.promise.due', { date: <DateText date={item.dueDate} short /> })}
        {item.daysOverdue > 0 ? ` · ${t('activities.promise.daysLate', { count: item.daysOverdue })}` : ''}
      </Text>
    </>
  );
}

export function PromiseFields(props: { form: ActivityForm; open: readonly TransactionItem[]; errors: FormErrors; onChange: Change }) {
  const styles = useStyles();
  const t = useT();
  const { form, errors } = props;
  const toggle = (item: TransactionItem, checked: boolean) => {
    const promised = { ...form.promised };
    if (checked) promised[item.id] = decimalOf(item.open, item.currency);
    else delete promised[item.id];
    props.onChange({ promised });
  };
  return (
    <>
      <Field label={t('activities.promise.date')} required validationMessage={errors.promiseDate}>
        <Input type="date" value={form.promiseDate} onChange={(_, d) => props.onChange({ promiseDate: d.value })} />
      </Field>
      <ChoiceGroup label={t('activities.promise.transactions')} error={errors.promised}>
        <ul className={styles.list} aria-label={t('activities.promise.open')}>
          {props.open.map((item) => {
            const chosen = item.id in form.promised;
            return (
              <li key={item.id} className={styles.row}>
                <Checkbox checked={chosen} onChange={(_, d) => toggle(item, d.checked === true)} label={<TransactionLabel t={item} />} />
                {chosen && (
                  <Field
                    className={styles.amount}
                    label={t('activities.promise.amountFor', { document: item.document, currency: item.currency })}
                    validationMessage={errors.amounts?.[item.id]}
                    size="small"
                  >
                    <Input
                      inputMode="decimal"
                      value={form.promised[item.id] ?? ''}
                      onChange={(_, d) => props.onChange({ promised: { ...form.promised, [item.id]: d.value } })}
                    />
                  </Field>
                )}
              </li>
            );
          })}
        </ul>
      </ChoiceGroup>
    </>
  );
}

export function DisputeFields(props: { form: ActivityForm; open: readonly TransactionItem[]; errors: FormErrors; onChange: Change }) {
  const styles = useStyles();
  const t = useT();
  const { form } = props;
  const toggle = (id: string, checked: boolean) =>
    props.onChange({ disputed: checked ? [...form.disputed, id] : form.disputed.filter((d) => d !== id) });
  return (
    <>
      <Field label={t('activities.promise.reason')} required validationMessage={props.errors.disputeReason}>
        <Select value={form.disputeReason} onChange={(_, d) => props.onChange({ disputeReason: d.value })}>
          <option value="">{t('activities.promise.chooseReason')}</option>
          {DISPUTE_REASONS.map((code) => (
            <option key={code} value={code}>
              {disputeReasonName(code, t.locale)}
            </option>
          ))}
        </Select>
      </Field>
      <ChoiceGroup label={t('activities.promise.disputed')} error={props.errors.dispute}>
        <ul className={styles.list} aria-label={t('activities.promise.open')}>
          {props.open.map((item) => (
            <li key={item.id} className={styles.row}>
              <Checkbox checked={form.disputed.includes(item.id)} onChange={(_, d) => toggle(item.id, d.checked === true)} label={<TransactionLabel t={item} />} />
            </li>
          ))}
        </ul>
      </ChoiceGroup>
    </>
  );
}

/** Correcting a recorded promise: its date and the total promised (spread over its transactions by the server). */
export function PromiseCorrectionFields(props: {
  date: string;
  amount: string;
  currency: string | null;
  errors: { date?: string; amount?: string };
  onChange: (patch: { date?: string; amount?: string }) => void;
}) {
  const t = useT();
  return (
    <>
      <Field label={t('activities.promise.date')} required validationMessage={props.errors.date}>
        <Input type="date" value={props.date} onChange={(_, d) => props.onChange({ date: d.value })} />
      </Field>
      {props.currency && (
        <Field label={t('activities.promise.amount', { currency: props.currency })} required validationMessage={props.errors.amount}>
          <Input inputMode="decimal" value={props.amount} onChange={(_, d) => props.onChange({ amount: d.value })} />
        </Field>
      )}
    </>
  );
}
