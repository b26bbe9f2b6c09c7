// "Settle by pairs": the selected credits each set against debits the agent chooses, with the
// amount of each pair (first proposed oldest first), the effect shown before anything is saved,
// and Confirm, which sends the pairs once under an Idempotency-Key.
import { Button, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import type { ApiClient } from '../../api/client';
import { useT } from '../../i18n';
import { Effect, FormDialog, useSubmit } from '../../ui/FormDialog';
import { formatMoney } from '../../ui/format';
import { buildPairs, openDebits, proposePairs, type PairRow } from './pairs';

const useStyles = makeStyles({
  credit: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingBlockEnd: tokens.spacingVerticalS },
  pair: { display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr) auto', gap: tokens.spacingHorizontalXS, alignItems: 'end' },
});

export interface SettleDialogProps {
  api: ApiClient;
  customerId: string;
  /** The selected open credits. */
  credits: TransactionItem[];
  /** The grid's transactions: the open debits among them can be chosen. */
  items: readonly TransactionItem[];
  onClose: () => void;
  onDone: () => void;
}

export function SettleDialog(props: SettleDialogProps) {
  const styles = useStyles();
  const t = useT();
  const locale = t.locale;
  const debits = useMemo(() => openDebits(props.items), [props.items]);
  const [rows, setRows] = useState<PairRow[]>(() => proposePairs(props.credits, debits, locale));
  const { saving, failure, submit, renewKey } = useSubmit();
  const built = useMemo(() => buildPairs(rows, props.credits, debits, locale), [rows, props.credits, debits, locale]);
  const errors = built.ok ? {} : built.errors;
  const edit = (next: PairRow[]) => {
    renewKey();
    setRows(next);
  };
  const change = (rowKey: string, patch: Partial<PairRow>) => edit(rows.map((r) => (r.key === rowKey ? { ...r, ...patch } : r)));
  const confirm = () =>
    built.ok &&
    submit(async (key) => {
      await props.api.settle(props.customerId, built.body, key);
      props.onDone();
    });
  return (
    <FormDialog title={t('settlements.settle.title')} saving={saving} confirm={{ label: t('settlements.settle.confirm'), disabled: !built.ok, onClick: confirm }} onClose={props.onClose} failure={failure}>
      {props.credits.map((credit) => (
        <section key={credit.id} className={styles.credit} aria-label={t('settlements.settle.pairsOf', { document: credit.document })}>
          <Text weight="semibold">
            {t('settlements.settle.creditOpen', { document: credit.document, amount: formatMoney(-credit.open, credit.currency, locale) })}
          </Text>
          {rows.filter((r) => r.creditId === credit.id).map((row) => (
            <div key={row.key} className={styles.pair}>
              <Field label={t('settlements.settle.debit')} validationMessage={errors[row.key]}>
                <Select value={row.debitId} onChange={(_, d) => change(row.key, { debitId: d.value })}>
                  <option value="">{t('settlements.settle.choose')}</option>
                  {debits.filter((d) => d.currency === credit.currency).map((d) => (
                    <option key={d.id} value={d.id}>
                      {t('settlements.settle.debitOption', { document: d.document, amount: formatMoney(d.open, d.currency, locale) })}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t('settlements.settle.amount', { currency: credit.currency })}>
                <Input inputMode="decimal" value={row.amount} aria-label={t('settlements.settle.amountOf', { document: credit.document })} onChange={(_, d) => change(row.key, { amount: d.value })} />
              </Field>
              <Button appearance="subtle" aria-label={t('settlements.settle.remove')} onClick={() => edit(rows.filter((r) => r.key !== row.key))}>
                ✕
              </Button>
            </div>
          ))}
          <Button size="small" onClick={() => edit([...rows, { key: `${credit.id}:${crypto.randomUUID()}`, creditId: credit.id, debitId: '', amount: '' }])}>
            {t('settlements.settle.add')}
          </Button>
        </section>
      ))}
      {errors.form && <Text>{errors.form}</Text>}
      {built.ok && <Effect lines={built.effect} />}
    </FormDialog>
  );
}
