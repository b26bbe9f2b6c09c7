// While the sender is being looked up: who is being looked up, over the header's skeleton.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n';
import type { MailAddress } from '../../office/host';
import { HeaderSkeleton } from '../customer/HeaderSkeleton';

const useStyles = makeStyles({
  who: { paddingInline: tokens.spacingHorizontalM, paddingTop: tokens.spacingVerticalS, color: tokens.colorNeutralForeground3 },
});

export function ResolutionPending(props: { addresses: MailAddress[] }) {
  const styles = useStyles();
  const t = useT();
  return (
    <div aria-busy="true">
      {props.addresses.length > 0 && (
        <Text size={200} className={styles.who} block>
          {t('resolution.pending.lookingUp', { names: props.addresses.map((a) => a.displayName || a.emailAddress).join(', ') })}
        </Text>
      )}
      <HeaderSkeleton />
    </div>
  );
}
