// "Reverse a settlement": the settlements of the selected transaction; one made here can be
// reversed as of a date (default today), after the effect is shown. Earlier dates read as before.
import { Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import type { TransactionSettlementsResponse } from '../../../server/http/schemas/interest';
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBar } from '../../ui/ErrorBar';
import { Effect, FormDialog, useSubmit } from '../../ui/FormDialog';
import { formatDate, formatMoney } from '../../ui/format';
import { useLocale } from '../../ui/locale';
import { TabSkeleton } from '../../ui/TabSkeleton';
import { localDate } from '../activities/form';

export function ReverseSettlementDialog(props: { api: ApiClient; item: TransactionItem; onClose: () => void; onDone: () => void }) {
  const locale = useLocale();
  const { state, retry } = useRequest<TransactionSettlementsResponse>(props.item.id, (signal) => props.api.transactionSettlements(props.item.id, signal));
  const [chosen, setChosen] = useState('');
  const [date, setDate] = useState(localDate());
  const { saving, failure, submit, renewKey } = useSubmit();
  const items = state.status === 'done' ? state.data.items : [];
  const settlement = items.find((s) => s.id === chosen && s.reversible);
  const confirm = () =>
    settlement &&
    date &&
    submit(async (key) => {
      await props.api.reverseSettlement(settlement.id, date, key);
      props.onDone();
    });
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  return (
    <FormDialog
      title={`Reverse a settlement · ${props.item.document}`}
      label="Reverse a settlement"
      saving={saving}
      confirm={{ label: 'Reverse', disabled: !settlement || !date, onClick: confirm }}
      onClose={props.onClose}
      failure={failure}
      failureTitle="Not reversed"
    >
      {state.status === 'loading' && <TabSkeleton rows={2} />}
      {state.status === 'error' && <ErrorBar title="The settlements could not be loaded" error={state.error} onRetry={retry} />}
      {state.status === 'done' && items.length === 0 && <EmptyState title="Nothing settled" description="This transaction has no settlements." />}
      {items.length > 0 && (
        <RadioGroup
          aria-label="Settlements"
          value={chosen}
          onChange={(_, d) => {
            renewKey();
            setChosen(d.value);
          }}
        >
          {items.map((s) => (
            <Radio
              key={s.id}
              value={s.id}
              disabled={!s.reversible}
              label={`${s.creditDocument} → ${s.debitDocument} · ${money(s.amount, s.currency)} · ${formatDate(s.date, locale, 'short')}${s.reversible ? '' : ' (from the ERP or reversed)'}`}
            />
          ))}
        </RadioGroup>
      )}
      {settlement && (
        <>
          <Field label="Reverse as of" required validationMessage={date ? undefined : 'Choose the date.'}>
            <Input
              type="date"
              value={date}
              min={settlement.date}
              onChange={(_, d) => {
                renewKey();
                setDate(d.value);
              }}
            />
          </Field>
          <Effect
            lines={[`Reopen ${money(settlement.amount, settlement.currency)} of ${settlement.debitDocument} and of ${settlement.creditDocument} from ${date}; earlier dates stay as they were`]}
          />
        </>
      )}
    </FormDialog>
  );
}
