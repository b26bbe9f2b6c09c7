// English source: words shared by several views (actions, statuses, aging periods, charts), and the pane's frame.
export const common = {
  retry: 'Retry',
  loading: 'Loading',
  close: 'Close',
  none: 'None',
  app: {
    label: 'Collections',
    worklist: 'Worklist',
    devSignIn: 'Development sign-in',
    devSignInTitle: 'The server runs without Entra ID: every request acts as its demo agent.',
  },
  accountStatus: {
    active: 'Active',
    on_hold: 'On hold',
    blocked: 'Blocked',
  },
  collectionStatus: {
    none: 'None',
    promise_to_pay: 'Promise to pay',
    promise_broken: 'Promise broken',
    disputed: 'Disputed',
    resolved: 'Resolved',
  },
  /** An aging period named by its days: the first, the last, and those between. */
  period: {
    current: 'Current',
    upTo: 'Up to {days}',
    over: 'Over {days}',
    range: '{from}–{to}',
  },
  chart: {
    series: 'Series of {title}',
    allOff: 'Every series is switched off.',
    empty: 'Nothing to show.',
    group: 'Group',
    amount: 'Amount',
  },
} as const;
