// "Reverse a settlement": the settlements of the selected transaction; one made here can be
// reversed as of a date (default today), after the effect is shown. Earlier dates read as before.
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles, Radio, RadioGroup, Text, tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { TransactionSettlementsResponse } from '../../../server/http/schemas/interest';
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBar } from '../../ui/ErrorBar';
import { formatDate, formatMoney } from '../../ui/format';
import { useLocale } from '../../ui/locale';
import { TabSkeleton } from '../../ui/TabSkeleton';
import { localDate } from '../activities/form';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(480px, 100vw - 16px)' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function ReverseSettlementDialog(props: { api: ApiClient; item: TransactionItem; onClose: () => void; onDone: () => void }) {
  const styles = useStyles();
  const locale = useLocale();
  const { state, retry } = useRequest<TransactionSettlementsResponse>(props.item.id, (signal) => props.api.transactionSettlements(props.item.id, signal));
  const [chosen, setChosen] = useState('');
  const [date, setDate] = useState(localDate());
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const key = useRef<string | null>(null);
  const items = state.status === 'done' ? state.data.items : [];
  const settlement = items.find((s) => s.id === chosen && s.reversible);
  const confirm = async () => {
    if (!settlement || !date) return;
    key.current ??= crypto.randomUUID();
    setSaving(true);
    setFailure(null);
    try {
      await props.api.reverseSettlement(settlement.id, date, key.current);
      props.onDone();
    } catch (error) {
      setFailure(error);
      setSaving(false);
    }
  };
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && !saving && props.onClose()}>
      <DialogSurface className={styles.surface} aria-label="Reverse a settlement">
        <DialogBody>
          <DialogTitle>Reverse a settlement · {props.item.document}</DialogTitle>
          <DialogContent className={styles.form}>
            {state.status === 'loading' && <TabSkeleton rows={2} />}
            {state.status === 'error' && <ErrorBar title="The settlements could not be loaded" error={state.error} onRetry={retry} />}
            {state.status === 'done' && items.length === 0 && <EmptyState title="Nothing settled" description="This transaction has no settlements." />}
            {items.length > 0 && (
              <RadioGroup
                aria-label="Settlements"
                value={chosen}
                onChange={(_, d) => {
                  key.current = null;
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
                  <Input type="date" value={date} min={settlement.date} onChange={(_, d) => {
                    key.current = null;
                    setDate(d.value);
                  }} />
                </Field>
                <section aria-label="Effect">
                  <Text>
                    This will: reopen {money(settlement.amount, settlement.currency)} of {settlement.debitDocument} and of {settlement.creditDocument} from {date}; earlier dates stay as they were.
                  </Text>
                </section>
              </>
            )}
            {failure !== null && <ErrorBar title="Not reversed" error={failure} onRetry={confirm} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={!settlement || !date || saving} onClick={confirm}>
              {saving ? 'Saving…' : 'Reverse'}
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
