// English source: finding the customer of the selected email (picker, search, empty states).
export const resolution = {
  noItem: {
    title: 'Select an email from a customer',
    description: "The customer's balance, aging and history appear here.",
    orWorklist: 'Or work through your worklist.',
  },
  noRecipient: {
    title: 'Add a recipient',
    description: 'Or find the customer yourself.',
  },
  noCustomer: {
    title: 'No customer found for {addresses}',
    description: 'Search for the customer by name, account or email.',
  },
  lookupFailed: 'The sender could not be looked up',
  pending: {
    lookingUp: 'Looking up {names}…',
    loadingCustomer: 'Loading customer',
  },
  picker: {
    title: { one: '{count} customer matches this email', other: '{count} customers match this email' },
    intro: 'Choose the customer this email is about.',
    byContact: 'Contact {address}',
    byDomain: 'Same domain, {domain}',
    searchOther: 'Search for another customer',
  },
  notThis: {
    others: { one: '{count} other customer matches this email.', other: '{count} other customers match this email.' },
    switch: 'Not this customer?',
  },
  search: {
    region: 'Find a customer',
    box: 'Search customers',
    placeholder: 'Name, account or email',
    submit: 'Search',
    searching: 'Searching…',
    failed: 'Search failed',
    noMatch: 'No customer matches “{query}”.',
    linkFailed: 'The address could not be linked',
    linkHint: 'Link {address} to the right customer: the next email from it opens that customer.',
    results: 'Search results',
    link: 'Link address',
    linkLabel: 'Link address {address} to {name}',
    show: 'Show',
    showLabel: 'Show {name}',
  },
} as const;
