// Badges for an account's status and a transaction's collection status; what needs attention
// (on hold, blocked, broken promise, dispute) stands out in the danger or warning colour.
import { Badge, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import type { AccountStatus, CollectionStatus } from '../../server/http/schemas/common';
import { translate } from '../i18n';
import { useLocale } from './locale';

const accountLook: Record<AccountStatus, { color: BadgeProps['color']; appearance: BadgeProps['appearance'] }> = {
  active: { color: 'success', appearance: 'tint' },
  on_hold: { color: 'warning', appearance: 'filled' },
  blocked: { color: 'danger', appearance: 'filled' },
};

export function AccountStatusBadge(props: { status: AccountStatus }) {
  const locale = useLocale();
  const look = accountLook[props.status];
  return (
    <Badge color={look.color} appearance={look.appearance} shape="rounded" size="medium">
      {accountStatusLabel(props.status, locale)}
    </Badge>
  );
}

/** The account status in words, in the display language (English without one). */
export function accountStatusLabel(status: AccountStatus, locale: string): string {
  return translate(locale, `common.accountStatus.${status}`);
}

const collectionLook: Record<CollectionStatus, { color: BadgeProps['color'] }> = {
  none: { color: 'subtle' },
  promise_to_pay: { color: 'informative' },
  promise_broken: { color: 'danger' },
  disputed: { color: 'warning' },
  resolved: { color: 'success' },
};

/** The collection status in words, in the display language (English without one). */
export function collectionStatusLabel(status: CollectionStatus, locale: string): string {
  return translate(locale, `common.collectionStatus.${status}`);
}

const useStyles = makeStyles({
  // Two-word statuses wrap at the space in a narrow column instead of overflowing it.
  wrap: { whiteSpace: 'normal', height: 'auto', minHeight: tokens.lineHeightBase200, textAlign: 'center' },
});

export function CollectionStatusBadge(props: { status: CollectionStatus }) {
  const styles = useStyles();
  const locale = useLocale();
  if (props.status === 'none') return null;
  const look = collectionLook[props.status];
  return (
    <Badge className={styles.wrap} color={look.color} appearance="tint" shape="rounded" size="small">
      {collectionStatusLabel(props.status, locale)}
    </Badge>
  );
}
