// The task pane: follows the host's theme and language, resolves the selected email to a
// customer and shows that customer; a picker, a search or an empty state when it cannot.
import { Badge, Button, FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { MailRegular, TaskListLtrRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useEffect, useRef, useState, type JSX } from 'react';
import type { ApiClient } from './api/client';
import { translator } from './i18n';
import type { MailHost } from './office/host';
import { CustomerView } from './features/customer/CustomerView';
import type { ReportsClient } from './features/reports/client';
import { TotalsCard } from './features/reports/TotalsCard';
import { openLargeView } from './office/dialog';
import { CustomerPicker } from './features/resolution/CustomerPicker';
import { CustomerSearch, type PickedCustomer } from './features/resolution/CustomerSearch';
import { NotThisCustomer } from './features/resolution/NotThisCustomer';
import { preferredMatch, recallChoice, rememberChoice } from './features/resolution/preferred';
import { ResolutionPending } from './features/resolution/ResolutionPending';
import { useResolution } from './features/resolution/useResolution';
import { EmptyState } from './ui/EmptyState';
import { ErrorBar } from './ui/ErrorBar';
import { LocaleProvider } from './ui/locale';
import { TabSkeleton } from './ui/TabSkeleton';
import type { PoolsClient } from './features/worklist/client';
import { useWorklistMemory } from './features/worklist/memory';

// The worklist (pools, chart, list) loads when first shown: the pane's first screen stays small.
const WorklistPane = lazy(() => import('./features/worklist/WorklistPane'));
const workspaceUrl = (view?: string) => new URL(`/workspace${view ? `?view=${view}` : ''}`, window.location.href).href;

const useStyles = makeStyles({
  // Fluent copies the provider's class to every portal's mount node (menus, popovers): the page's
  // height and background belong on <main>, or an open menu paints over the whole pane.
  // Native controls (the date field's calendar, scrollbars) follow the theme too.
  light: { colorScheme: 'light' },
  dark: { colorScheme: 'dark' },
  root: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere', minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  padded: { padding: tokens.spacingHorizontalM },
  icon: { fontSize: tokens.fontSizeHero800, color: tokens.colorNeutralForeground3 },
  devBadge: { alignSelf: 'flex-end', margin: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS} 0` },
  worklistButton: { alignSelf: 'flex-start', margin: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS} 0` },
});

/** The agent's own choice for this item: a picked match, a searched customer, or the search open. */
type Choice = { version: number } & ({ kind: 'customer'; customer: PickedCustomer } | { kind: 'search' } | { kind: 'picker' });

export function App(props: {
  host: MailHost;
  api: ApiClient;
  /** 'development': the server needs no sign-in (everyone is its demo agent); the pane says so. */
  authMode?: 'development' | 'entra';
  /** The receivables report: its totals show while no email is selected, with a link to the full view. */
  reports?: ReportsClient;
  /** The collection pools: the worklist shows while no email is selected, and from a "Worklist" button. */
  pools?: PoolsClient;
}) {
  const { host, api } = props;
  const styles = useStyles();
  const dark = host.isDarkTheme();
  // The App is above the LocaleProvider: its own strings take the host's language directly.
  const t = translator(host.displayLanguage);
  const [itemVersion, setItemVersion] = useState(0);
  const [choice, setChoice] = useState<Choice | null>(null);
  // A past date the agent chose stays in force from one email to the next, until they go back to today.
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const version = useRef(0);
  // The worklist's place (pool, filter, rows, scroll) outlives its view: back from a customer, or
  // from an email, it is where the agent left it.
  const worklistMemory = useWorklistMemory();
  const [worklistAt, setWorklistAt] = useState<number | null>(null);

  useEffect(() => host.onItemChanged(() => setItemVersion(++version.current)), [host]);

  const { resolution, retry } = useResolution(host, api, itemVersion);
  // A choice made for an earlier item (a late "link" answer, say) never applies to this one.
  const current = choice && choice.version === itemVersion ? choice : null;
  const pick = (customer: PickedCustomer) => {
    const at = version.current;
    setChoice((c) => (at === version.current ? { version: at, kind: 'customer', customer } : c));
  };
  const openSearch = () => setChoice({ version: version.current, kind: 'search' });

  const item = resolution.kind === 'no-item' || resolution.kind === 'pending' ? null : resolution.item;
  const linkable = 'addresses' in resolution ? (resolution.addresses[0] ?? null) : null;
  // One match, the one customer the sender is a contact of, or the agent's earlier choice for this sender.
  const preferred = resolution.kind === 'resolved' ? preferredMatch(resolution.matches, linkable && recallChoice(linkable.emailAddress)) : null;
  const shown = current?.kind === 'customer' ? current.customer : current ? null : preferred;
  const others = !current && resolution.kind === 'resolved' ? resolution.matches.length - 1 : 0;
  const pickMatch = (customer: PickedCustomer) => {
    if (linkable) rememberChoice(linkable.emailAddress, customer.id);
    pick(customer);
  };

  const worklist = (extra: { before?: JSX.Element; after?: JSX.Element; onClose?: () => void }) =>
    props.pools && (
      <Suspense fallback={<TabSkeleton rows={6} />}>
        <WorklistPane api={api} host={host} pools={props.pools} memory={worklistMemory} onOpenWorkspace={() => openLargeView(workspaceUrl('worklist'))} {...extra} />
      </Suspense>
    );

  let body: JSX.Element;
  if (resolution.kind === 'pending') {
    body = <ResolutionPending addresses={[]} />;
  } else if (shown && props.pools && worklistAt === itemVersion) {
    body = worklist({ onClose: () => setWorklistAt(null) })!;
  } else if (shown) {
    body = (
      <>
        {props.pools && (
          <Button className={styles.worklistButton} size="small" appearance="subtle" icon={<TaskListLtrRegular />} onClick={() => setWorklistAt(itemVersion)}>
            {t('common.app.worklist')}
          </Button>
        )}
        {others > 0 && <NotThisCustomer others={others} onSwitch={() => setChoice({ version: version.current, kind: 'picker' })} />}
        <CustomerView key={`${itemVersion}|${shown.id}`} api={api} host={host} item={item} customerId={shown.id} onChangeCustomer={openSearch} asOf={asOf} onAsOfChange={setAsOf} />
      </>
    );
  } else if (current?.kind === 'search') {
    body = <CustomerSearch key={itemVersion} api={api} address={linkable} onPick={pick} />;
  } else if (resolution.kind === 'no-item') {
    const totals = props.reports && <TotalsCard client={props.reports} onOpenReport={() => openLargeView(workspaceUrl())} />;
    body = props.pools ? (
      worklist({
        before: <EmptyState heading="h1" title={t('resolution.noItem.title')} description={t('resolution.noItem.orWorklist')} />,
        after: totals || undefined,
      })!
    ) : (
      <>
        <EmptyState
          icon={<MailRegular className={styles.icon} />}
          heading="h1"
          title={t('resolution.noItem.title')}
          description={t('resolution.noItem.description')}
        />
        {totals}
      </>
    );
  } else if (resolution.kind === 'no-counterparts') {
    body = (
      <>
        <EmptyState heading="h1" title={t('resolution.noRecipient.title')} description={t('resolution.noRecipient.description')} />
        <CustomerSearch key={itemVersion} api={api} address={null} onPick={pick} />
      </>
    );
  } else if (resolution.kind === 'loading') {
    body = <ResolutionPending addresses={resolution.addresses} />;
  } else if (resolution.kind === 'error') {
    body = (
      <div className={styles.padded}>
        <ErrorBar title={t('resolution.lookupFailed')} error={resolution.error} onRetry={retry} />
      </div>
    );
  } else if (resolution.matches.length > 1) {
    body = <CustomerPicker matches={resolution.matches} onPick={pickMatch} onSearch={openSearch} />;
  } else {
    body = (
      <>
        <EmptyState
          heading="h1"
          title={t('resolution.noCustomer.title', { addresses: resolution.addresses.map((a) => a.emailAddress).join(', ') })}
          description={t('resolution.noCustomer.description')}
        />
        <CustomerSearch key={itemVersion} api={api} address={linkable} onPick={pick} />
      </>
    );
  }

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={dark ? styles.dark : styles.light}>
      <LocaleProvider value={host.displayLanguage}>
        <main className={styles.root} aria-label={t('common.app.label')}>
          {props.authMode === 'development' && (
            <Badge
              className={styles.devBadge}
              appearance="outline"
              color="warning"
              size="small"
              title={t('common.app.devSignInTitle')}
            >
              {t('common.app.devSignIn')}
            </Badge>
          )}
          {body}
        </main>
      </LocaleProvider>
    </FluentProvider>
  );
}
