// The preview page: a banner, view controls (pane width, theme, display language), the simulated
// mailbox and reading pane, and the real task pane in a frame driven by the stand-in Office.
import { useEffect, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Switch,
  Text,
  ToggleButton,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import type { PreviewEmail, PreviewMailboxResponse } from '../../server/http/schemas/preview';
import type { PreviewOfficeControls } from './fake-office';
import { MailList, ReadingPane } from './MailList';

export type ReplyListener = (html: string) => void;

const WIDTHS = [320, 450] as const;
const LANGUAGES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ja-JP'];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  group: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  main: { display: 'flex', flexGrow: 1, minHeight: 0 },
  inbox: {
    width: '320px',
    flexShrink: 0,
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  reading: { flexGrow: 1, minWidth: 0, overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground1 },
  empty: { display: 'block', margin: 0, padding: tokens.spacingHorizontalXL, color: tokens.colorNeutralForeground3 },
  pane: { flexShrink: 0, borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, display: 'flex' },
  frame: { border: 'none', height: '100%', display: 'block', backgroundColor: tokens.colorNeutralBackground1 },
  reply: { width: '100%', height: '320px', border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
});

type Mailbox = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; emails: PreviewEmail[] };

function useMailbox(): Mailbox {
  const [mailbox, setMailbox] = useState<Mailbox>({ state: 'loading' });
  useEffect(() => {
    fetch('/api/preview/mailbox', { headers: { accept: 'application/json' } })
      .then(async (res) => {
        if (!res.ok) throw new Error(`the server answered ${res.status}`);
        setMailbox({ state: 'ready', emails: ((await res.json()) as PreviewMailboxResponse).emails });
      })
      .catch((e: Error) => setMailbox({ state: 'failed', message: e.message }));
  }, []);
  return mailbox;
}

export function PreviewApp(props: {
  preview: PreviewOfficeControls;
  initialDark: boolean;
  initialLanguage: string;
  onReplyListener(listener: ReplyListener): void;
}) {
  const { preview } = props;
  const styles = useStyles();
  const mailbox = useMailbox();
  const [selected, setSelected] = useState<PreviewEmail | null>(null);
  const [width, setWidth] = useState<(typeof WIDTHS)[number]>(320);
  const [dark, setDark] = useState(props.initialDark);
  const [language, setLanguage] = useState(props.initialLanguage);
  const [paneLoad, setPaneLoad] = useState(0);
  const [reply, setReply] = useState<string | null>(null);

  useEffect(() => props.onReplyListener(setReply), [props]);

  const select = (email: PreviewEmail | null) => {
    setSelected(email);
    preview.select(email);
  };
  // Office reloads add-in panes when the theme or language changes; the pane starts fresh.
  const reloadPane = (change: () => void) => {
    change();
    preview.detachHandlers();
    setPaneLoad((n) => n + 1);
  };

  return (
    // The page's layout on a div of its own: Fluent copies the provider's class to every portal.
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <div className={styles.root}>
      <MessageBar intent="info" layout="singleline">
        <MessageBarBody>Preview — simulated mailbox, demo data. In Outlook, the same pane opens beside the selected email.</MessageBarBody>
      </MessageBar>
      <div className={styles.toolbar} role="toolbar" aria-label="Preview settings">
        <div className={styles.group} role="group" aria-label="Pane width">
          <Text>Pane width</Text>
          {WIDTHS.map((w) => (
            <ToggleButton
              key={w}
              size="small"
              appearance={width === w ? 'primary' : 'secondary'}
              checked={width === w}
              onClick={() => setWidth(w)}
            >
              {w} px
            </ToggleButton>
          ))}
        </div>
        <Switch
          label="Dark theme"
          checked={dark}
          onChange={(_e, data) => reloadPane(() => (preview.setDark(data.checked), setDark(data.checked)))}
        />
        <div className={styles.group}>
          <label htmlFor="preview-language">
            <Text>Display language</Text>
          </label>
          <Select
            id="preview-language"
            size="small"
            value={language}
            onChange={(_e, data) => reloadPane(() => (preview.setDisplayLanguage(data.value), setLanguage(data.value)))}
          >
            {LANGUAGES.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </Select>
        </div>
        <Button size="small" disabled={!selected} onClick={() => select(null)}>
          Clear selection
        </Button>
      </div>
      <div className={styles.main}>
        <nav className={styles.inbox} aria-label="Simulated mailbox">
          {mailbox.state === 'loading' && <Spinner className={styles.empty} label="Loading the demo mailbox…" />}
          {mailbox.state === 'failed' && (
            <Text className={styles.empty}>The demo mailbox could not be loaded: {mailbox.message}. Is the server running with demo data?</Text>
          )}
          {mailbox.state === 'ready' && <MailList emails={mailbox.emails} selectedId={selected?.id ?? null} onSelect={select} />}
        </nav>
        <main className={styles.reading}>
          {selected ? <ReadingPane email={selected} /> : <Text className={styles.empty} as="p">No email selected. Pick one on the left: the pane follows the selection, as when pinned in Outlook.</Text>}
        </main>
        <aside className={styles.pane} aria-label="Collections task pane">
          <iframe key={paneLoad} title="Collections task pane" src="/taskpane.html" className={styles.frame} style={{ width: `${width}px` }} />
        </aside>
      </div>
      <Dialog open={reply !== null} onOpenChange={(_e, data) => !data.open && setReply(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Reply form (simulated)</DialogTitle>
            <DialogContent>
              <Text as="p">In Outlook, a reply to the selected email opens with this body.</Text>
              <iframe title="Reply body" sandbox="" srcDoc={reply ?? ''} className={styles.reply} />
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => setReply(null)}>
                Close
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      </div>
    </FluentProvider>
  );
}
