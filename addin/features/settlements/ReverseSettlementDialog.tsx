// "Reverse a settlement": the settlements of the selected transaction; one made here can be
// reversed as of a date (default today), after the effect is shown. Earlier dates read as before.
import { Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import type { TransactionSettlementsResponse } from '../../../server/http/schemas/interest';
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import { useT } from '../../i18n';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBar } from '../../ui/ErrorBar';
import { Effect, FormDialog, useSubmit } from '../../ui/FormDialog';
import { formatDate, formatMoney } from '../../ui/format';
import { TabSkeleton } from '../../ui/TabSkeleton';
import { localDate } from '../activities/form';

export function ReverseSettlementDialog(props: { api: ApiClient; item: TransactionItem; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const locale = t.locale;
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
      title={t('settlements.reverse.title', { document: props.item.document })}
      label={t('settlements.reverse.label')}
      saving={saving}
      confirm={{ label: t('settlements.reverse.confirm'), disabled: !settlement || !date, onClick: confirm }}
      onClose={props.onClose}
      failure={failure}
      failureTitle={t('settlements.reverse.failed')}
    >
      {state.status === 'loading' && <TabSkeleton rows={2} />}
      {state.status === 'error' && <ErrorBar title={t('settlements.reverse.loadFailed')} error={state.error} onRetry={retry} />}
      {state.status === 'done' && items.length === 0 && <EmptyState title={t('settlements.reverse.empty')} description={t('settlements.reverse.emptyDescription')} />}
      {items.length > 0 && (
        <RadioGroup
          aria-label={t('settlements.reverse.list')}
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
              label={t(s.reversible ? 'settlements.reverse.option' : 'settlements.reverse.optionLocked', {
                credit: s.creditDocument,
                debit: s.debitDocument,
                amount: money(s.amount, s.currency),
                date: formatDate(s.date, locale, 'short'),
              })}
            />
          ))}
        </RadioGroup>
      )}
      {settlement && (
        <>
          <Field label={t('settlements.reverse.asOf')} required validationMessage={date ? undefined : t('settlements.reverse.chooseDate')}>
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
            lines={[
              t('settlements.reverse.effect', { amount: money(settlement.amount, settlement.currency), debit: settlement.debitDocument, credit: settlement.creditDocument, date }),
            ]}
          />
        </>
      )}
    </FormDialog>
  );
}
