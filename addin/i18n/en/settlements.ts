// English source: settling and reversing settlements.
export const settlements = {
  settle: {
    title: 'Settle by pairs',
    confirm: 'Confirm',
    pairsOf: 'Pairs of {document}',
    creditOpen: '{document} · open {amount}',
    debit: 'Debit',
    choose: 'Choose…',
    debitOption: '{document} · {amount}',
    amount: 'Amount ({currency})',
    amountOf: 'Amount of {document} pair',
    remove: 'Remove this pair',
    add: 'Add a pair',
  },
  pairs: {
    error: {
      debit: 'Choose the debit to settle.',
      currency: '{debit} is in {debitCurrency}, {credit} in {creditCurrency}.',
      positive: 'More than 0.',
      moreThanOpen: 'More than is open of {document} ({amount}).',
      none: 'Add at least one pair.',
    },
    effect: {
      settles: '{credit} settles {amount} of {debit}',
      open: '{document}: open {open} → {after}',
    },
  },
  reverse: {
    title: 'Reverse a settlement · {document}',
    label: 'Reverse a settlement',
    confirm: 'Reverse',
    failed: 'Not reversed',
    loadFailed: 'The settlements could not be loaded',
    empty: 'Nothing settled',
    emptyDescription: 'This transaction has no settlements.',
    list: 'Settlements',
    option: '{credit} → {debit} · {amount} · {date}',
    optionLocked: '{credit} → {debit} · {amount} · {date} (from the ERP or reversed)',
    asOf: 'Reverse as of',
    chooseDate: 'Choose the date.',
    effect: 'Reopen {amount} of {debit} and of {credit} from {date}; earlier dates stay as they were',
  },
} as const;
