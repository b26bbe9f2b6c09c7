// "Settle by pairs": the selected credits each set against debits the agent chooses, with the
// amount of each pair (first proposed oldest first), the effect shown before anything is saved,
// and Confirm, which sends the pairs once under an Idempotency-Key.
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles, Select, Text, tokens,
} from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import type { ApiClient } from '../../api/client';
import { ErrorBar } from '../../ui/ErrorBar';
import { formatMoney } from '../../ui/format';
import { useLocale } from '../../ui/locale';
import { buildPairs, openDebits, proposePairs, type PairRow } from './pairs';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(480px, 100vw - 16px)' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  credit: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingBlockEnd: tokens.spacingVerticalS },
  pair: { display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr) auto', gap: tokens.spacingHorizontalXS, alignItems: 'end' },
  effect: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
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
  const locale = useLocale();
  const debits = useMemo(() => openDebits(props.items), [props.items]);
  const [rows, setRows] = useState<PairRow[]>(() => proposePairs(props.credits, debits));
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const key = useRef<string | null>(null);
  const built = useMemo(() => buildPairs(rows, props.credits, debits, locale), [rows, props.credits, debits, locale]);
  const errors = built.ok ? {} : built.errors;
  const edit = (next: PairRow[]) => {
    key.current = null;
    setRows(next);
  };
  const change = (rowKey: string, patch: Partial<PairRow>) => edit(rows.map((r) => (r.key === rowKey ? { ...r, ...patch } : r)));
  const confirm = async () => {
    if (!built.ok) return;
    key.current ??= crypto.randomUUID();
    setSaving(true);
    setFailure(null);
    try {
      await props.api.settle(props.customerId, built.body, key.current);
      props.onDone();
    } catch (error) {
      setFailure(error);
      setSaving(false);
    }
  };
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && !saving && props.onClose()}>
      <DialogSurface className={styles.surface} aria-label="Settle by pairs">
        <DialogBody>
          <DialogTitle>Settle by pairs</DialogTitle>
          <DialogContent className={styles.form}>
            {props.credits.map((credit) => (
              <section key={credit.id} className={styles.credit} aria-label={`Pairs of ${credit.document}`}>
                <Text weight="semibold">
                  {credit.document} · open {formatMoney(-credit.open, credit.currency, locale)}
                </Text>
                {rows.filter((r) => r.creditId === credit.id).map((row) => (
                  <div key={row.key} className={styles.pair}>
                    <Field label="Debit" validationMessage={errors[row.key]}>
                      <Select value={row.debitId} onChange={(_, d) => change(row.key, { debitId: d.value })}>
                        <option value="">Choose…</option>
                        {debits.filter((d) => d.currency === credit.currency).map((d) => (
                          <option key={d.id} value={d.id}>
                            {d.document} · {formatMoney(d.open, d.currency, locale)}
                          </option>
                        ))}
                      </Select>
                    </Field>
                    <Field label={`Amount (${credit.currency})`}>
                      <Input inputMode="decimal" value={row.amount} aria-label={`Amount of ${credit.document} pair`} onChange={(_, d) => change(row.key, { amount: d.value })} />
                    </Field>
                    <Button appearance="subtle" aria-label="Remove this pair" onClick={() => edit(rows.filter((r) => r.key !== row.key))}>
                      ✕
                    </Button>
                  </div>
                ))}
                <Button size="small" onClick={() => edit([...rows, { key: `${credit.id}:${crypto.randomUUID()}`, creditId: credit.id, debitId: '', amount: '' }])}>
                  Add a pair
                </Button>
              </section>
            ))}
            {errors.form && <Text>{errors.form}</Text>}
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
              {saving ? 'Saving…' : 'Confirm'}
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
