// An activity's Outlook sync state as a badge; a failed sync says why.
import { Badge, Tooltip, type BadgeProps } from '@fluentui/react-components';
import type { Activity } from '../../../server/http/schemas/activities';
import { useT } from '../../i18n';

const color: Record<Activity['sync']['state'], BadgeProps['color']> = {
  not_configured: 'subtle',
  pending: 'informative',
  synced: 'success',
  failed: 'danger',
};

export function SyncBadge(props: { sync: Activity['sync'] }) {
  const { state, error } = props.sync;
  const t = useT();
  const badge = (
    <Badge appearance="tint" shape="rounded" size="small" color={color[state]}>
      {state === 'failed' && error ? t('activities.sync.failedBecause', { error }) : t(`activities.sync.${state}`)}
    </Badge>
  );
  return state === 'failed' && error ? (
    <Tooltip content={error} relationship="description">
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}
