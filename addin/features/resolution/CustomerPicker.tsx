// Several customers match the email: the agent picks one (name, account, and how it matched).
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { CustomerMatch } from './merge';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: 'none' },
  option: { width: '100%', justifyContent: 'flex-start', textAlign: 'start', minWidth: 0 },
  lines: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  detail: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

export function CustomerPicker(props: { matches: CustomerMatch[]; onPick: (m: CustomerMatch) => void }) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="picker-title">
      <Text id="picker-title" weight="semibold" size={400}>
        {props.matches.length} customers match this email
      </Text>
      <ul className={styles.list}>
        {props.matches.map((m) => (
          <li key={m.id}>
            <Button className={styles.option} appearance="subtle" onClick={() => props.onPick(m)}>
              <span className={styles.lines}>
                <Text weight="semibold">{m.name}</Text>
                <Text size={200} className={styles.detail}>
                  {m.account} · {m.matchedBy === 'contact' ? `contact ${m.address}` : `domain of ${m.address}`}
                </Text>
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
