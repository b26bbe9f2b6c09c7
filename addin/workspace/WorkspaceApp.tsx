// The workspace window: the host's theme and the browser's language around the report view, or a
// note when the page was opened outside Outlook on a server that needs a sign-in.
import {
  Badge,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import type { ApiClient } from '../api/client';
import { workspaceHost } from '../features/reports/CustomerDrawer';
import type { ReportsClient } from '../features/reports/client';
import { ReportView } from '../features/reports/ReportView';
import { LocaleProvider } from '../ui/locale';

export type SignIn = { kind: 'ready'; getToken?: () => Promise<string | null>; development?: boolean } | { kind: 'outside-office' };

const useStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  main: { display: 'flex', flexDirection: 'column' },
  badge: { alignSelf: 'flex-end', margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL} 0` },
});

export function WorkspaceApp(props: { signIn: SignIn; api: ApiClient; reports: ReportsClient; initialAsOf?: string; language?: string; dark?: boolean }) {
  const styles = useStyles();
  const dark = props.dark ?? window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  const language = props.language ?? navigator.language ?? 'en-US';
  const host = useMemo(() => workspaceHost(language, dark), [language, dark]);
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={styles.provider} style={{ colorScheme: dark ? 'dark' : 'light' }}>
      <LocaleProvider value={language}>
        <main className={styles.main} aria-label="Collections workspace">
          {props.signIn.kind === 'outside-office' ? (
            <MessageBar intent="info">
              <MessageBarBody>
                <MessageBarTitle>Open the report from Outlook</MessageBarTitle>
                This server needs a Microsoft sign-in: open Collections in Outlook, then “Open the full report”.
              </MessageBarBody>
            </MessageBar>
          ) : (
            <>
              {props.signIn.development && (
                <Badge className={styles.badge} appearance="outline" color="warning" size="small">
                  Development sign-in
                </Badge>
              )}
              <ReportView client={props.reports} api={props.api} host={host} initialAsOf={props.initialAsOf} />
            </>
          )}
        </main>
      </LocaleProvider>
    </FluentProvider>
  );
}
