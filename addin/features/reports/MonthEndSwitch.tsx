// The month-end mail of the report, for managers: a switch that has the server mail them the report
// as of each month's last day. Agents are refused by the server (403), and then see nothing.
import { Switch, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { AgedReceivablesSubscriptionResponse } from '../../../server/http/schemas/reports';
import { useT } from '../../i18n';
import { ErrorBar } from '../../ui/ErrorBar';
import type { ReportsClient } from './client';

type State =
  | { kind: 'loading' | 'hidden' }
  | { kind: 'ready'; value: AgedReceivablesSubscriptionResponse; saving: boolean; failure?: { wanted: boolean; error: unknown } };

export function MonthEndSwitch(props: { client: ReportsClient }) {
  const t = useT();
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    props.client.subscription(controller.signal).then(
      (value) => setState({ kind: 'ready', value, saving: false }),
      // Not a manager (403), or no answer: the switch is simply not offered.
      () => !controller.signal.aborted && setState({ kind: 'hidden' }),
    );
    return () => controller.abort();
  }, [props.client]);

  if (state.kind !== 'ready') return null;
  const toggle = (subscribed: boolean) => {
    setState({ kind: 'ready', value: state.value, saving: true });
    props.client.setSubscription(subscribed).then(
      (value) => setState({ kind: 'ready', value, saving: false }),
      (error: unknown) => setState({ kind: 'ready', value: state.value, saving: false, failure: { wanted: subscribed, error } }),
    );
  };
  const { failure } = state;
  return (
    <div>
      <Switch
        checked={state.value.subscribed}
        disabled={state.saving}
        label={t('reports.monthEnd.label')}
        onChange={(_, data) => toggle(data.checked)}
      />
      {state.value.lastMonthEnd && <Text size={200}> {t('reports.monthEnd.lastSent', { date: state.value.lastMonthEnd })}</Text>}
      {failure && <ErrorBar title={t('reports.monthEnd.failed')} error={failure.error} onRetry={() => toggle(failure.wanted)} />}
    </div>
  );
}
