// A letter proposal both the dialog's tests and the German ones render: level 2 of the standard
// sequence for two overdue invoices, with a fee.
import type { LetterProposalResponse } from '../../../../server/http/schemas/letters';

export const letterProposal: LetterProposalResponse = {
  customer: { id: '1', account: 'C-1', name: 'Contoso Retail Ltd' },
  asOf: '2025-06-30',
  accountingCurrency: 'USD',
  sequence: { id: 's1', name: 'Standard' },
  due: true,
  reason: null,
  level: { level: 2, name: 'First notice', days: 30 },
  dueOn: null,
  lines: [
    { entryId: 'e1', document: 'INV-100042', postingDate: '2025-04-01', dueDate: '2025-05-01', currency: 'USD', open: 90000, openAccounting: 90000, daysOverdue: 60 },
    { entryId: 'e2', document: 'INV-100031', postingDate: '2025-03-01', dueDate: '2025-03-20', currency: 'USD', open: 70000, openAccounting: 70000, daysOverdue: 102 },
  ],
  totals: [{ currency: 'USD', open: 160000 }],
  totalAccounting: 160000,
  fee: { currency: 'USD', amount: 2500, amountAccounting: 2500 },
};
