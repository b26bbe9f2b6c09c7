// Several customers match the email: the agent picks one (name, account, and how it matched), or
// searches for another when none of them is right.
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ChevronRightRegular, SearchRegular } from '@fluentui/react-icons';
import { useT } from '../../i18n';
import type { CustomerMatch } from './merge';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  heading: { margin: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  // Whole-width cards: the name, the account and the reason read as one choice.
  option: {
    width: '100%',
    minWidth: 0,
    justifyContent: 'space-between',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    fontWeight: tokens.fontWeightRegular,
  },
  lines: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  detail: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  search: { alignSelf: 'flex-start' },
});

function domainOf(address: string): string {
  return address.slice(address.indexOf('@') + 1);
}

export function CustomerPicker(props: { matches: CustomerMatch[]; onPick: (m: CustomerMatch) => void; onSearch?: () => void }) {
  const styles = useStyles();
  const t = useT();
  return (
    <section className={styles.root} aria-labelledby="picker-title">
      <Text as="h1" id="picker-title" weight="semibold" size={400} className={styles.heading}>
        {t('resolution.picker.title', { count: props.matches.length })}
      </Text>
      <Text size={200} className={styles.intro}>
        {t('resolution.picker.intro')}
      </Text>
      <ul className={styles.list}>
        {props.matches.map((m) => (
          <li key={m.id}>
            <Button className={styles.option} appearance="outline" icon={<ChevronRightRegular />} iconPosition="after" onClick={() => props.onPick(m)}>
              <span className={styles.lines}>
                <Text weight="semibold">{m.name}</Text>
                <Text size={200} className={styles.detail}>
                  {m.account} · {m.matchedBy === 'contact' ? t('resolution.picker.byContact', { address: m.address }) : t('resolution.picker.byDomain', { domain: domainOf(m.address) })}
                </Text>
              </span>
            </Button>
          </li>
        ))}
      </ul>
      {props.onSearch && (
        <Button className={styles.search} appearance="subtle" icon={<SearchRegular />} onClick={props.onSearch}>
          {t('resolution.picker.searchOther')}
        </Button>
      )}
    </section>
  );
}
