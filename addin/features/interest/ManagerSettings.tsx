// "Codes and limits…" (managers): interest codes (add, retire or restore, make default), dispute and
// write-off reason codes (add, retire or restore) and each agent's write-off limit. The server
// refuses agents with 403, shown here as it says it.
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles, Select, Tab, TabList, Text, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ReasonCodesResponse } from '../../../server/http/schemas/actions';
import type { AgentsResponse, InterestCodesResponse } from '../../../server/http/schemas/interest';
import type { ApiClient } from '../../api/client';
import { useRequest } from '../../api/useRequest';
import { useT } from '../../i18n';
import { ErrorBar } from '../../ui/ErrorBar';
import { formatMoney, fractionDigits, minorToDecimal } from '../../ui/format';
import { TabSkeleton } from '../../ui/TabSkeleton';
import { parseAmount } from '../activities/amount';
import { parseRate, rateText } from './words';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(520px, 100vw - 16px)' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

type Section = 'interest' | 'reasons' | 'limits';

/** Runs a change, then reloads the list; a refusal is shown. */
function useChange(reload: () => void) {
  const [failure, setFailure] = useState<unknown>(null);
  const run = async (change: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await change();
      reload();
    } catch (error) {
      setFailure(error);
    }
  };
  return { failure, run, clear: () => setFailure(null) };
}

function InterestCodes({ api }: { api: ApiClient }) {
  const styles = useStyles();
  const t = useT();
  const locale = t.locale;
  const [tick, setTick] = useState(0);
  const { state, retry } = useRequest<InterestCodesResponse>(`codes|${tick}`, (signal) => api.interestCodes(signal));
  const { failure, run, clear } = useChange(() => setTick((n) => n + 1));
  const [form, setForm] = useState({ code: '', description: '', rate: '', period: 'month' as 'month' | 'year', graceDays: '0', minimum: '0', currency: 'USD' });
  const rateBp = parseRate(form.rate);
  const minimum = parseAmount(form.minimum, fractionDigits(form.currency), locale);
  const grace = /^\d{1,4}$/.test(form.graceDays) ? Number(form.graceDays) : null;
  const valid = form.code !== '' && form.description.trim() !== '' && rateBp !== null && minimum.ok && grace !== null;
  const add = () =>
    valid && minimum.ok &&
    run(() => api.addInterestCode({ code: form.code, description: form.description, rateBp: rateBp!, period: form.period, graceDays: grace!, minimum: Number(minimum.minor), currency: form.currency }));
  return (
    <div className={styles.form}>
      {state.status === 'loading' && <TabSkeleton rows={2} />}
      {state.status === 'error' && <ErrorBar title={t('interest.settings.codes.failed')} error={state.error} onRetry={retry} />}
      {state.status === 'done' && (
        <ul className={styles.list} aria-label={t('interest.settings.interestCodes')}>
          {state.data.items.map((c) => (
            <li key={c.code} className={styles.row}>
              <Text>
                {c.code}
                {c.isDefault ? ` (${t('interest.settings.codes.isDefault')})` : ''} · {rateText(c.rateBp, c.period, locale)} ·{' '}
                {t('interest.settings.codes.grace', { days: String(c.graceDays) })} ·{' '}
                {t('interest.settings.codes.minimum', { amount: formatMoney(c.minimum, c.currency, locale) })}
                {c.active ? '' : ` · ${t('interest.settings.retired')}`}
              </Text>
              <span>
                {!c.isDefault && c.active && (
                  <Button size="small" onClick={() => run(() => api.updateInterestCode(c.code, { isDefault: true, version: c.version }))}>
                    {t('interest.settings.codes.makeDefault')}
                  </Button>
                )}
                <Button size="small" onClick={() => run(() => api.updateInterestCode(c.code, { active: !c.active, version: c.version }))}>
                  {c.active ? t('interest.settings.retire') : t('interest.settings.restore')}
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <Text weight="semibold">{t('interest.settings.codes.add')}</Text>
      <Field label={t('interest.settings.codes.code')} validationMessage={form.code && !/^[A-Z][A-Z0-9_-]{0,19}$/.test(form.code) ? t('interest.settings.codes.codeHint') : undefined}>
        <Input value={form.code} onChange={(_, d) => setForm({ ...form, code: d.value.toUpperCase() })} />
      </Field>
      <Field label={t('interest.settings.codes.description')}>
        <Input value={form.description} onChange={(_, d) => setForm({ ...form, description: d.value })} />
      </Field>
      <Field label={t('interest.settings.codes.rate')} validationMessage={form.rate && rateBp === null ? t('interest.settings.codes.rateHint') : undefined}>
        <Input inputMode="decimal" value={form.rate} onChange={(_, d) => setForm({ ...form, rate: d.value })} />
      </Field>
      <Field label={t('interest.settings.codes.per')}>
        <Select value={form.period} onChange={(_, d) => setForm({ ...form, period: d.value as 'month' | 'year' })}>
          <option value="month">{t('interest.settings.codes.month')}</option>
          <option value="year">{t('interest.settings.codes.year')}</option>
        </Select>
      </Field>
      <Field label={t('interest.settings.codes.graceDays')} validationMessage={grace === null ? t('interest.settings.codes.wholeDays') : undefined}>
        <Input inputMode="numeric" value={form.graceDays} onChange={(_, d) => setForm({ ...form, graceDays: d.value })} />
      </Field>
      <Field label={t('interest.settings.codes.minimumCharge')} validationMessage={minimum.ok ? undefined : minimum.message}>
        <Input inputMode="decimal" value={form.minimum} onChange={(_, d) => setForm({ ...form, minimum: d.value })} />
      </Field>
      <Field label={t('interest.settings.codes.currency')}>
        <Input value={form.currency} maxLength={3} onChange={(_, d) => setForm({ ...form, currency: d.value.toUpperCase() })} />
      </Field>
      <Button appearance="primary" disabled={!valid} onClick={() => void add()}>
        {t('interest.settings.codes.addCode')}
      </Button>
      {failure !== null && <ErrorBar title={t('interest.settings.notSaved')} error={failure} onRetry={clear} />}
    </div>
  );
}

function ReasonCodes({ api }: { api: ApiClient }) {
  const styles = useStyles();
  const t = useT();
  const [kind, setKind] = useState<'dispute' | 'write_off'>('write_off');
  const [tick, setTick] = useState(0);
  const { state, retry } = useRequest<ReasonCodesResponse>(`${kind}|${tick}`, (signal) => api.reasonCodes(kind, signal));
  const { failure, run, clear } = useChange(() => setTick((n) => n + 1));
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  return (
    <div className={styles.form}>
      <Field label={t('interest.settings.reasons.list')}>
        <Select value={kind} onChange={(_, d) => setKind(d.value as 'dispute' | 'write_off')}>
          <option value="write_off">{t('interest.settings.reasons.writeOff')}</option>
          <option value="dispute">{t('interest.settings.reasons.dispute')}</option>
        </Select>
      </Field>
      {state.status === 'loading' && <TabSkeleton rows={2} />}
      {state.status === 'error' && <ErrorBar title={t('interest.settings.reasons.failed')} error={state.error} onRetry={retry} />}
      {state.status === 'done' && (
        <ul className={styles.list} aria-label={t('interest.settings.reasonCodes')}>
          {state.data.items.map((c) => (
            <li key={c.code} className={styles.row}>
              <Text>
                {c.label} ({c.code}){c.active ? '' : ` · ${t('interest.settings.retired')}`}
              </Text>
              <Button size="small" onClick={() => run(() => api.setReasonCodeActive(kind, c.code, !c.active))}>
                {c.active ? t('interest.settings.retire') : t('interest.settings.restore')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Field label={t('interest.settings.reasons.newCode')} hint={t('interest.settings.reasons.newCodeHint')}>
        <Input value={code} onChange={(_, d) => setCode(d.value.toLowerCase())} />
      </Field>
      <Field label={t('interest.settings.reasons.label')}>
        <Input value={label} onChange={(_, d) => setLabel(d.value)} />
      </Field>
      <Button
        appearance="primary"
        disabled={!/^[a-z][a-z0-9_]{0,39}$/.test(code) || label.trim() === ''}
        onClick={() => void run(async () => {
          await api.addReasonCode({ kind, code, label });
          setCode('');
          setLabel('');
        })}
      >
        {t('interest.settings.reasons.add')}
      </Button>
      {failure !== null && <ErrorBar title={t('interest.settings.notSaved')} error={failure} onRetry={clear} />}
    </div>
  );
}

function WriteOffLimits({ api }: { api: ApiClient }) {
  const styles = useStyles();
  const t = useT();
  const locale = t.locale;
  const [tick, setTick] = useState(0);
  const { state, retry } = useRequest<AgentsResponse>(`agents|${tick}`, (signal) => api.agents(signal));
  const { failure, run, clear } = useChange(() => setTick((n) => n + 1));
  const [typed, setTyped] = useState<Record<string, string>>({});
  if (state.status === 'loading') return <TabSkeleton rows={2} />;
  if (state.status === 'error') return <ErrorBar title={t('interest.settings.limits.failed')} error={state.error} onRetry={retry} />;
  const currency = state.data.accountingCurrency;
  const digits = fractionDigits(currency);
  return (
    <div className={styles.form}>
      <ul className={styles.list} aria-label={t('interest.settings.writeOffLimits')}>
        {state.data.items.map((a) => {
          const text = typed[a.id] ?? (a.writeOffLimit === null ? '' : minorToDecimal(a.writeOffLimit, digits));
          const parsed = text.trim() === '' ? null : parseAmount(text, digits, locale);
          return (
            <li key={a.id}>
              <Field
                label={t('interest.settings.limits.agent', { name: a.name ?? a.email, role: t(`interest.settings.limits.role.${a.role}`), currency })}
                hint={t('interest.settings.limits.hint')}
                validationMessage={parsed && !parsed.ok ? parsed.message : undefined}>
                <div className={styles.row}>
                  <Input inputMode="decimal" value={text} aria-label={t('interest.settings.limits.limitOf', { name: a.name ?? a.email })} onChange={(_, d) => setTyped({ ...typed, [a.id]: d.value })} />
                  <Button
                    size="small"
                    disabled={parsed !== null && !parsed.ok}
                    onClick={() => void run(() => api.setWriteOffLimit(a.id, parsed === null ? null : parsed.ok ? Number(parsed.minor) : null))}
                  >
                    {t('interest.settings.limits.save')}
                  </Button>
                </div>
              </Field>
            </li>
          );
        })}
      </ul>
      {failure !== null && <ErrorBar title={t('interest.settings.notSaved')} error={failure} onRetry={clear} />}
    </div>
  );
}

export function ManagerSettings(props: { api: ApiClient; onClose: () => void }) {
  const styles = useStyles();
  const t = useT();
  const [section, setSection] = useState<Section>('interest');
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && props.onClose()}>
      <DialogSurface className={styles.surface} aria-label={t('interest.settings.title')}>
        <DialogBody>
          <DialogTitle>{t('interest.settings.title')}</DialogTitle>
          <DialogContent className={styles.form}>
            <TabList size="small" selectedValue={section} onTabSelect={(_, d) => setSection(d.value as Section)}>
              <Tab value="interest">{t('interest.settings.interestCodes')}</Tab>
              <Tab value="reasons">{t('interest.settings.reasonCodes')}</Tab>
              <Tab value="limits">{t('interest.settings.writeOffLimits')}</Tab>
            </TabList>
            {section === 'interest' && <InterestCodes api={props.api} />}
            {section === 'reasons' && <ReasonCodes api={props.api} />}
            {section === 'limits' && <WriteOffLimits api={props.api} />}
          </DialogContent>
          <DialogActions>
            <Button onClick={props.onClose}>{t('common.close')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
