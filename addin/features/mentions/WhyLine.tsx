// The "why" line: the email's own words a proposal was read from, marked in their context.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n';
import type { WhySegment } from './proposal';

const useStyles = makeStyles({
  root: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  label: { fontWeight: tokens.fontWeightSemibold },
  mark: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1, borderRadius: tokens.borderRadiusSmall, paddingInline: '1px' },
});

export function WhyLine(props: { segments: readonly WhySegment[] }) {
  const styles = useStyles();
  const t = useT();
  if (props.segments.length === 0) return null;
  return (
    <Text size={200} block className={styles.root} data-testid="why-line">
      <span className={styles.label}>{t('mentions.why')}</span>
      {t('mentions.quoteOpen')}
      {props.segments.map((s, i) =>
        s.marked ? (
          <mark key={i} className={styles.mark}>
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
      {t('mentions.quoteClose')}
    </Text>
  );
}
