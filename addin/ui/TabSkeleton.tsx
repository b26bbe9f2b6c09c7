// Placeholder rows while a tab's data loads.
import { makeStyles, Skeleton, SkeletonItem, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalS },
});

export function TabSkeleton(props: { rows: number }) {
  const styles = useStyles();
  return (
    <Skeleton aria-label="Loading" className={styles.root}>
      {Array.from({ length: props.rows }, (_, i) => (
        <SkeletonItem key={i} size={16} />
      ))}
    </Skeleton>
  );
}
