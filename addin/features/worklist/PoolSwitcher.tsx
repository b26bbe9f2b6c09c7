// Which pool the worklist shows: a select of the pools (the pseudo pool "All customers" first), and
// a switch that makes the pool shown the agent's default, the one the pane opens on.
import { Field, makeStyles, Select, ToggleButton, tokens } from '@fluentui/react-components';
import { StarFilled, StarRegular } from '@fluentui/react-icons';
import { useT } from '../../i18n';
import type { PoolResponse } from './types';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  field: { flexGrow: 1, minWidth: 0 },
});

export function PoolSwitcher(props: {
  pools: readonly PoolResponse[];
  poolId: string;
  defaultPoolId: string;
  onChange(poolId: string): void;
  onMakeDefault(poolId: string): void;
  busy?: boolean;
}) {
  const styles = useStyles();
  const t = useT();
  const isDefault = props.poolId === props.defaultPoolId;
  return (
    <div className={styles.root}>
      <Field label={t('worklist.pool')} size="small" className={styles.field}>
        <Select size="small" value={props.poolId} onChange={(_, d) => props.onChange(d.value)}>
          {props.pools.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id === 'all' ? t('worklist.allCustomers') : p.name}
            </option>
          ))}
        </Select>
      </Field>
      <ToggleButton
        size="small"
        appearance="subtle"
        checked={isDefault}
        disabled={props.busy}
        icon={isDefault ? <StarFilled /> : <StarRegular />}
        aria-label={t('worklist.myDefault')}
        title={isDefault ? t('worklist.isDefault') : t('worklist.makeDefault')}
        onClick={() => !isDefault && props.onMakeDefault(props.poolId)}
      />
    </div>
  );
}
