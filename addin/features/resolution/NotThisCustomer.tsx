// A quiet switch above a customer the pane opened by itself out of several matches: the agent
// who knows better reaches the other matches in one click.
import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { paddingInline: tokens.spacingHorizontalM, paddingTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground3 },
});

export function NotThisCustomer(props: { others: number; onSwitch: () => void }) {
  const styles = useStyles();
  return (
    <Text size={200} className={styles.root} block>
      {props.others} other {props.others === 1 ? 'customer matches' : 'customers match'} this email.{' '}
      <Link as="button" onClick={props.onSwitch}>
        Not this customer?
      </Link>
    </Text>
  );
}
