// The first customers of every demo company are fixed characters, so the cases an agent (and the
// preview mailbox) should meet always exist whatever the seed: a dispute, an on-hold account, two
// customers sharing one mail domain, a contact at a public mail domain, an exceeded credit limit.

export type PayerProfile = 'prompt' | 'late' | 'chronic';
export type ForcedStatus = 'promise' | 'broken' | 'dispute';

export interface ShowcaseCustomer {
  base: string;
  legalForm: string;
  country: string;
  domain: string;
  payer: PayerProfile;
  status?: 'on_hold' | 'blocked';
  batched?: boolean;
  creditRating?: string;
  creditLimit?: 'none' | 'exceeded';
  /** The contact who writes from a public mail domain. */
  publicContact?: boolean;
  onAccountPayment?: boolean;
  /** How many of the latest due invoices stay unpaid, so the statuses below have something to sit on. */
  unpaidTail?: number;
  statuses?: ForcedStatus[];
  contact: { first: string; last: string; role: string };
}

export const SHOWCASE: readonly ShowcaseCustomer[] = [
  {
    base: 'Contoso Retail', legalForm: 'Inc.', country: 'US', domain: 'contoso-retail.example',
    payer: 'late', batched: true, creditRating: 'B', unpaidTail: 4, statuses: ['dispute', 'promise'],
    contact: { first: 'Dana', last: 'Whitfield', role: 'Accounts payable' },
  },
  {
    base: 'Fabrikam Wholesale', legalForm: 'Ltd', country: 'UK', domain: 'fabrikam-wholesale.example',
    payer: 'chronic', status: 'on_hold', creditLimit: 'exceeded', unpaidTail: 5, statuses: ['broken'],
    contact: { first: 'Fiona', last: 'Walsh', role: 'Finance manager' },
  },
  {
    base: 'Litware Distribution', legalForm: 'GmbH', country: 'DE', domain: 'litware-distribution.example',
    payer: 'chronic', status: 'blocked', creditRating: 'D', unpaidTail: 6, statuses: ['dispute'],
    contact: { first: 'Stefan', last: 'Koch', role: 'Controller' },
  },
  {
    base: 'Northwind Traders', legalForm: 'Ltd', country: 'UK', domain: 'northwind-traders.example',
    payer: 'prompt', batched: true, contact: { first: 'Oliver', last: 'Clarke', role: 'Accounts payable' },
  },
  {
    base: 'Northwind Traders', legalForm: 'Inc.', country: 'US', domain: 'northwind-traders.example',
    payer: 'late', unpaidTail: 2, contact: { first: 'Megan', last: 'Foster', role: 'Accounts payable' },
  },
  {
    base: 'Hikari Precision', legalForm: 'Co., Ltd.', country: 'JP', domain: 'hikari-precision.example',
    payer: 'prompt', creditRating: 'A', contact: { first: 'Yui', last: 'Tanaka', role: 'Accounts payable' },
  },
  {
    base: 'Al Dana Trading', legalForm: 'W.L.L.', country: 'KW', domain: 'aldana-trading.example',
    payer: 'late', unpaidTail: 2, statuses: ['promise'],
    contact: { first: 'Yousef', last: 'Al-Mutairi', role: 'Finance manager' },
  },
  {
    base: 'Wingtip Toys', legalForm: 'LLC', country: 'US', domain: 'wingtip-toys.example',
    payer: 'late', publicContact: true, unpaidTail: 2,
    contact: { first: 'Tyler', last: 'Brooks', role: 'Owner' },
  },
  {
    base: 'Adventure Works Cycles', legalForm: 'Inc.', country: 'CA', domain: 'adventure-works.example',
    payer: 'late', creditLimit: 'exceeded', unpaidTail: 3,
    contact: { first: 'Chloé', last: 'Gagnon', role: 'Controller' },
  },
  {
    base: 'Proseware Foods', legalForm: 'SAS', country: 'FR', domain: 'proseware-foods.example',
    payer: 'prompt', onAccountPayment: true, contact: { first: 'Camille', last: 'Fontaine', role: 'Accounts payable' },
  },
  {
    base: 'Coho Winery', legalForm: 'LLC', country: 'US', domain: 'coho-winery.example',
    payer: 'chronic', status: 'on_hold', unpaidTail: 4, statuses: ['broken', 'promise'],
    contact: { first: 'Jason', last: 'Ortiz', role: 'Controller' },
  },
];
