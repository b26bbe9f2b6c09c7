// Badges for an account's status and a transaction's collection status; what needs attention
// (on hold, blocked, broken promise, dispute) stands out in the danger or warning colour.
import { Badge, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import type { AccountStatus, CollectionStatus } from '../../server/http/schemas/common';

const accountLook: Record<AccountStatus, { label: string; color: BadgeProps['color']; appearance: BadgeProps['appearance'] }> = {
  active: { label: 'Active', color: 'success', appearance: 'tint' },
  on_hold: { label: 'On hold', color: 'warning', appearance: 'filled' },
  blocked: { label: 'Blocked', color: 'danger', appearance: 'filled' },
};

export function AccountStatusBadge(props: { status: AccountStatus }) {
  const look = accountLook[props.status];
  return (
    <Badge color={look.color} appearance={look.appearance} shape="rounded" size="medium">
      {look.label}
    </Badge>
  );
}

export function accountStatusLabel(status: AccountStatus): string {
  return accountLook[status].label;
}

const collectionLook: Record<CollectionStatus, { label: string; color: BadgeProps['color'] }> = {
  none: { label: 'None', color: 'subtle' },
  promise_to_pay: { label: 'Promise to pay', color: 'informative' },
  promise_broken: { label: 'Promise broken', color: 'danger' },
  disputed: { label: 'Disputed', color: 'warning' },
  resolved: { label: 'Resolved', color: 'success' },
};

export function collectionStatusLabel(status: CollectionStatus): string {
  return collectionLook[status].label;
}

const useStyles = makeStyles({
  // Two-word statuses wrap at the space in a narrow column instead of overflowing it.
  wrap: { whiteSpace: 'normal', height: 'auto', minHeight: tokens.lineHeightBase200, textAlign: 'center' },
});

export function CollectionStatusBadge(props: { status: CollectionStatus }) {
  const styles = useStyles();
  if (props.status === 'none') return null;
  const look = collectionLook[props.status];
  return (
    <Badge className={styles.wrap} color={look.color} appearance="tint" shape="rounded" size="small">
      {look.label}
    </Badge>
  );
}
