// The workspace window: the host's theme and the browser's language around the report view, or a
// note when the page was opened outside Outlook on a server that needs a sign-in.
import {
  Badge,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ApiClient } from '../api/client';
import { translator } from '../i18n';
import { workspaceHost } from '../features/reports/CustomerDrawer';
import type { ReportsClient } from '../features/reports/client';
import { ReportView } from '../features/reports/ReportView';
import { WorklistWorkspace } from '../features/pools/WorklistWorkspace';
import { createPoolsClient, type PoolsClient } from '../features/worklist/client';
import { LocaleProvider } from '../ui/locale';

export type SignIn = { kind: 'ready'; getToken?: () => Promise<string | null>; development?: boolean } | { kind: 'outside-office' };

const useStyles = makeStyles({
  // Not on the provider: Fluent copies its class to every portal's mount node (menus, popovers).
  main: { display: 'flex', flexDirection: 'column', minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  badge: { alignSelf: 'flex-end', margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL} 0` },
  nav: { paddingInline: tokens.spacingHorizontalL, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
});

type View = 'worklist' | 'report';

export function WorkspaceApp(props: {
  signIn: SignIn;
  api: ApiClient;
  reports: ReportsClient;
  /** The pools; by default the page's own server with the same sign-in. */
  pools?: PoolsClient;
  /** 'worklist' (?view=worklist, the pane's "Workspace" button) or the report. */
  initialView?: View;
  initialAsOf?: string;
  language?: string;
  dark?: boolean;
}) {
  const styles = useStyles();
  const getToken = props.signIn.kind === 'ready' ? props.signIn.getToken : undefined;
  const pools = useMemo(() => props.pools ?? createPoolsClient({ baseUrl: window.location.origin, getToken }), [props.pools, getToken]);
  const [view, setView] = useState<View>(
    props.initialView ?? (new URLSearchParams(window.location.search).get('view') === 'worklist' ? 'worklist' : 'report'),
  );
  const dark = props.dark ?? window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  const language = props.language ?? navigator.language ?? 'en-US';
  const host = useMemo(() => workspaceHost(language, dark), [language, dark]);
  // Above the LocaleProvider: the frame's own strings take the language directly.
  const t = translator(language);
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ colorScheme: dark ? 'dark' : 'light' }}>
      <LocaleProvider value={language}>
        <main className={styles.main} aria-label={t('reports.workspace.label')}>
          {props.signIn.kind === 'outside-office' ? (
            <MessageBar intent="info">
              <MessageBarBody>
                <MessageBarTitle>{t('reports.workspace.outsideTitle')}</MessageBarTitle>
                {t('reports.workspace.outsideBody')}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <>
              {props.signIn.development && (
                <Badge className={styles.badge} appearance="outline" color="warning" size="small">
                  {t('common.app.devSignIn')}
                </Badge>
              )}
              <TabList className={styles.nav} selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} aria-label={t('reports.workspace.nav')}>
                <Tab value="worklist">{t('worklist.title')}</Tab>
                <Tab value="report">{t('reports.workspace.report')}</Tab>
              </TabList>
              {view === 'worklist' ? (
                <WorklistWorkspace api={props.api} host={host} pools={pools} />
              ) : (
                <ReportView client={props.reports} api={props.api} host={host} initialAsOf={props.initialAsOf} />
              )}
            </>
          )}
        </main>
      </LocaleProvider>
    </FluentProvider>
  );
}
