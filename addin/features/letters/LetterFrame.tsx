// A rendered letter shown as the customer will see it: the server's HTML in a sandboxed frame
// (no scripts, no same-origin access), so nothing in the letter can act inside the pane.
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  frame: {
    width: '100%',
    height: '360px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export function LetterFrame(props: { html: string; title: string }) {
  const styles = useStyles();
  return <iframe className={styles.frame} title={props.title} sandbox="" srcDoc={props.html} />;
}
