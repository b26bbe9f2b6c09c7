// The pool dialog for managers: a name and the criteria, with a live count of the customers they
// select (POST /api/pools/preview as the criteria change, nothing saved) before saving.
import { Checkbox, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { isAbortError } from '../../api/client';
import { FormDialog, useSubmit } from '../../ui/FormDialog';
import { formatMoney } from '../../ui/format';
import { useT } from '../../i18n';
import { accountStatusLabel, collectionStatusLabel } from '../../ui/StatusBadge';
import type { AccountStatus } from '../../../server/http/schemas/common';
import type { PoolsClient } from '../worklist/client';
import type { PoolPreviewResponse, PoolResponse } from '../worklist/types';
import { criteriaOf, DAY_KEYS, formOf, LIST_KEYS, MONEY_KEYS, type CriteriaForm } from './criteria';

const PREVIEW_DELAY_MS = 300;
const STATUSES = ['none', 'promise_to_pay', 'promise_broken', 'disputed', 'resolved'] as const;
const ACCOUNT = ['active', 'on_hold', 'blocked'] as const satisfies readonly AccountStatus[];

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: tokens.spacingHorizontalM },
  // Two inputs share one column: each may shrink below Fluent's default input width.
  range: { display: 'flex', gap: tokens.spacingHorizontalXS, '& > *': { minWidth: 0, flexGrow: 1, flexBasis: 0 } },
  checks: { display: 'flex', flexWrap: 'wrap' },
  count: { fontWeight: tokens.fontWeightSemibold },
});

export function PoolForm(props: { client: PoolsClient; pool: PoolResponse | null; currency: string; onSaved(pool: PoolResponse): void; onClose(): void }) {
  const styles = useStyles();
  const t = useT();
  const locale = t.locale;
  const [name, setName] = useState(props.pool?.name ?? '');
  const [form, setForm] = useState<CriteriaForm>(() => formOf(props.pool?.criteria ?? {}, props.currency));
  const [preview, setPreview] = useState<PoolPreviewResponse | null>(null);
  const { saving, failure, submit } = useSubmit();
  const result = criteriaOf(form, props.currency, locale);
  const criteriaKey = result.ok ? JSON.stringify(result.criteria) : null;

  useEffect(() => {
    if (criteriaKey === null) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      props.client.preview(JSON.parse(criteriaKey), controller.signal).then(
        (p) => setPreview(p),
        (e: unknown) => !isAbortError(e) && setPreview(null),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [criteriaKey, props.client]);

  const save = () => {
    if (!result.ok || !name.trim()) return;
    const body = { name: name.trim(), criteria: result.criteria };
    void submit(async () => {
      const saved = await (props.pool ? props.client.update(props.pool.id, { ...body, version: props.pool.version }) : props.client.create(body));
      props.onSaved(saved);
    });
  };
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  return (
    <FormDialog
      title={props.pool ? t('forms.pool.edit', { name: props.pool.name }) : t('forms.pool.add')}
      width="wide"
      saving={saving}
      confirm={{ label: t('forms.save'), disabled: !result.ok || !name.trim(), onClick: save }}
      onClose={props.onClose}
      failure={failure}
    >
      <Field label={t('forms.pool.name')} required validationMessage={name.trim() ? undefined : t('forms.pool.nameMissing')} validationState={name.trim() ? 'none' : 'error'}>
        <Input value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <div className={styles.grid}>
        {LIST_KEYS.map((k) => (
          <Field key={k} label={t(`forms.pool.list.${k}`)} hint={t('forms.pool.separate')}>
            <Input value={form.lists[k]} onChange={(_, d) => setForm({ ...form, lists: { ...form.lists, [k]: d.value } })} />
          </Field>
        ))}
        {[...MONEY_KEYS, ...DAY_KEYS].map((k) => {
          const failed = !result.ok && result.field.startsWith(`${k}.`) ? result.message : undefined;
          const label = t(`forms.pool.range.${k}`);
          return (
            <Field key={k} label={label} validationMessage={failed} validationState={failed ? 'error' : 'none'}>
              <div className={styles.range}>
                {(['min', 'max'] as const).map((b) => (
                  <Input
                    key={b}
                    aria-label={b === 'min' ? t('forms.pool.rangeFrom', { label }) : t('forms.pool.rangeTo', { label })}
                    placeholder={b === 'min' ? t('forms.pool.from') : t('forms.pool.to')}
                    inputMode={(MONEY_KEYS as readonly string[]).includes(k) ? 'decimal' : 'numeric'}
                    value={form.ranges[k][b]}
                    onChange={(_, d) => setForm({ ...form, ranges: { ...form.ranges, [k]: { ...form.ranges[k], [b]: d.value } } })}
                  />
                ))}
              </div>
            </Field>
          );
        })}
        <Field label={t('forms.pool.onHold')}>
          <Select value={form.onHold} onChange={(_, d) => setForm({ ...form, onHold: d.value as CriteriaForm['onHold'] })}>
            <option value="any">{t('forms.pool.either')}</option>
            <option value="yes">{t('forms.pool.isOnHold')}</option>
            <option value="no">{t('forms.pool.notOnHold')}</option>
          </Select>
        </Field>
      </div>
      <fieldset>
        <legend>{t('forms.pool.collectionStatus')}</legend>
        <div className={styles.checks}>
          {STATUSES.map((s) => (
            <Checkbox key={s} label={collectionStatusLabel(s, locale)} checked={form.collectionStatus.includes(s)} onChange={() => setForm({ ...form, collectionStatus: toggle(form.collectionStatus, s) })} />
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('forms.pool.accountStatus')}</legend>
        <div className={styles.checks}>
          {ACCOUNT.map((v) => (
            <Checkbox key={v} label={accountStatusLabel(v, locale)} checked={form.accountStatus.includes(v)} onChange={() => setForm({ ...form, accountStatus: toggle(form.accountStatus, v) })} />
          ))}
        </div>
      </fieldset>
      <Text aria-live="polite" className={styles.count}>
        {preview
          ? t('forms.pool.preview', { count: preview.customers, amount: formatMoney(preview.overdue, preview.currency, locale) })
          : t('forms.pool.counting')}
      </Text>
    </FormDialog>
  );
}
