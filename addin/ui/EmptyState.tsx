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
  title: { margin: 0, color: tokens.colorNeutralForeground1 },
});

export function EmptyState(props: {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  children?: ReactNode;
  /** When the state is the whole pane, its title is the pane's heading. */
  heading?: 'h1' | 'h2';
}) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="status">
      {props.icon}
      <Text as={props.heading ?? 'span'} weight="semibold" size={400} className={styles.title}>
        {props.title}
      </Text>
      {props.description && <Text size={200}>{props.description}</Text>}
      {props.children}
    </div>
  );
}
