// English source: the customer view around the tabs and customer search.
export const customer = {
  failed: 'The customer could not be loaded',
  tabs: 'Customer details',
  tab: { overview: 'Overview', transactions: 'Transactions', timeline: 'Timeline', activities: 'Activities' },
  /** What a screen reader names the open tab's panel (in English, the tab's id). */
  panel: { overview: 'overview', transactions: 'transactions', timeline: 'timeline', activities: 'activities' },
} as const;
