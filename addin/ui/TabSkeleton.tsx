// Placeholder rows while a tab's data loads.
import { makeStyles, Skeleton, SkeletonItem, tokens } from '@fluentui/react-components';
import { useT } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalS },
});

export function TabSkeleton(props: { rows: number }) {
  const styles = useStyles();
  const t = useT();
  return (
    <Skeleton aria-label={t('common.loading')} className={styles.root}>
      {Array.from({ length: props.rows }, (_, i) => (
        <SkeletonItem key={i} size={16} />
      ))}
    </Skeleton>
  );
}
