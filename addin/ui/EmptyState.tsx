// A quiet, centred message for "nothing to show here", with an optional action below it.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground2,
  },
});

export function EmptyState(props: { title: string; description?: ReactNode; icon?: ReactNode; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="status">
      {props.icon}
      <Text weight="semibold" size={400}>
        {props.title}
      </Text>
      {props.description && <Text size={200}>{props.description}</Text>}
      {props.children}
    </div>
  );
}
