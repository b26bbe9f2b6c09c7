// The simulated inbox and reading pane of the preview: a list of demo emails, one selectable at a
// time, and the selected email's headers and body, laid out as Outlook shows them.
import { Body1, Caption1, makeStyles, mergeClasses, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { PreviewEmail } from '../../server/http/schemas/preview';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    display: 'grid',
    // minmax(0, …): a long sender name is cut with an ellipsis instead of widening its column into the date.
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    rowGap: tokens.spacingVerticalXXS,
    columnGap: tokens.spacingHorizontalS,
    width: '100%',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: 'none',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
    background: 'none',
    color: tokens.colorNeutralForeground1,
    textAlign: 'start',
    cursor: 'pointer',
    fontFamily: tokens.fontFamilyBase,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    borderLeftColor: tokens.colorBrandStroke1,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Selected },
  },
  ellipsis: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  span: { gridColumn: '1 / -1' },
  date: { whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  reading: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalXL },
  subject: { margin: 0 },
  headers: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground2 },
  body: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginTop: tokens.spacingVerticalM },
});

function when(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function MailList(props: { emails: PreviewEmail[]; selectedId: string | null; onSelect(email: PreviewEmail): void }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="Inbox">
      {props.emails.map((email) => {
        const selected = email.id === props.selectedId;
        return (
          <li key={email.id}>
            <button
              type="button"
              className={mergeClasses(styles.item, selected && styles.selected)}
              aria-pressed={selected}
              data-email-id={email.id}
              onClick={() => props.onSelect(email)}
            >
              <Text weight="semibold" className={styles.ellipsis} title={email.from.displayName || email.from.emailAddress}>
                {email.from.displayName || email.from.emailAddress}
              </Text>
              <Caption1 className={mergeClasses(styles.muted, styles.date)}>{when(email.receivedAt)}</Caption1>
              <Body1 className={mergeClasses(styles.ellipsis, styles.span)}>{email.subject}</Body1>
              <Caption1 className={mergeClasses(styles.ellipsis, styles.span, styles.muted)}>{email.body}</Caption1>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function ReadingPane(props: { email: PreviewEmail }) {
  const styles = useStyles();
  const { email } = props;
  return (
    <article className={styles.reading} aria-label="Selected email">
      <Subtitle2 as="h2" className={styles.subject}>
        {email.subject}
      </Subtitle2>
      <div className={styles.headers}>
        <Caption1>
          From: {email.from.displayName} &lt;{email.from.emailAddress}&gt;
        </Caption1>
        <Caption1>To: {email.to.map((a) => a.displayName || a.emailAddress).join('; ')}</Caption1>
        <Caption1>{when(email.receivedAt)}</Caption1>
      </div>
      <Body1 className={styles.body}>{email.body}</Body1>
    </article>
  );
}
