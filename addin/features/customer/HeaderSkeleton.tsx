// The header's shape while the summary loads, so the pane does not jump when it arrives.
import { makeStyles, Skeleton, SkeletonItem, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  name: { width: '70%' },
  meta: { width: '45%' },
  balance: { width: '55%' },
});

export function HeaderSkeleton() {
  const styles = useStyles();
  const t = useT();
  return (
    <Skeleton aria-label={t('resolution.pending.loadingCustomer')} className={styles.root}>
      <SkeletonItem size={24} className={styles.name} />
      <SkeletonItem size={12} className={styles.meta} />
      <SkeletonItem size={40} className={styles.balance} />
      <SkeletonItem size={16} />
      <SkeletonItem size={12} />
    </Skeleton>
  );
}
