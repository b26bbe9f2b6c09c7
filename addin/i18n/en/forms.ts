// English source: dialog shells, form fields and client error messages shared by every feature.
export const forms = {
  cancel: 'Cancel',
  save: 'Save',
  saving: 'Saving…',
  notSaved: 'Not saved',
  effect: 'Effect',
  thisWill: 'This will:',
  /** What the client itself says when a request fails without an answer from the server. */
  error: {
    network: 'The collections server could not be reached.',
    status: 'The server answered {status}.',
  },
  /** The pool editor for managers (criteria of a worklist pool). */
  pool: {
    edit: 'Edit pool {name}',
    add: 'New pool',
    name: 'Name',
    nameMissing: 'Give the pool a name.',
    separate: 'Separate by commas',
    list: {
      salesArea: 'Sales areas',
      customerGroup: 'Customer groups',
      paymentTerms: 'Payment terms',
      currency: 'Currencies',
      creditRating: 'Credit ratings',
      agentId: 'Agent ids',
    },
    range: {
      overdue: 'Overdue',
      balance: 'Balance',
      oldestOverdueDays: 'Oldest overdue (days)',
      daysSinceLastActivity: 'Days since last contact',
    },
    from: 'From',
    to: 'To',
    rangeFrom: '{label} from',
    rangeTo: '{label} to',
    onHold: 'Customer on hold',
    either: 'Either',
    isOnHold: 'On hold',
    notOnHold: 'Not on hold',
    collectionStatus: 'Has an open item in status',
    accountStatus: 'Account status',
    preview: { one: '{count} customer, {amount} overdue', other: '{count} customers, {amount} overdue' },
    counting: 'Counting…',
  },
} as const;
