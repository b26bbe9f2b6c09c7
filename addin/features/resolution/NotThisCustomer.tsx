// A quiet switch above a customer the pane opened by itself out of several matches: the agent
// who knows better reaches the other matches in one click.
import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n';

const useStyles = makeStyles({
  root: { paddingInline: tokens.spacingHorizontalM, paddingTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground3 },
});

export function NotThisCustomer(props: { others: number; onSwitch: () => void }) {
  const styles = useStyles();
  const t = useT();
  return (
    <Text size={200} className={styles.root} block>
      {t('resolution.notThis.others', { count: props.others })}{' '}
      <Link as="button" onClick={props.onSwitch}>
        {t('resolution.notThis.switch')}
      </Link>
    </Text>
  );
}
