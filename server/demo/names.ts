// Word lists the demo company is made of: company name parts, countries with their legal forms,
// people's names and phone formats, the selling company and its agents. Domains end in '.example'
// (RFC 2606), so no generated address can reach a real mailbox.

export const COMPANY_WORDS_A = [
  'Harbor', 'Summit', 'Redwood', 'Granite', 'Silverline', 'Oakmont', 'Lakeside', 'Meridian',
  'Pioneer', 'Evergreen', 'Keystone', 'Riverbend', 'Northgate', 'Ironwood', 'Brightwater',
  'Cedar Hill', 'Bluestone', 'Westbrook', 'Fairfield', 'Highland', 'Copperleaf', 'Stonebridge',
  'Maple Grove', 'Clearview', 'Sunrise', 'Ashford', 'Kingsley', 'Beacon', 'Crescent', 'Falcon',
  'Juniper', 'Larkspur', 'Millbrook', 'Newhaven', 'Orchard', 'Pinecrest', 'Quarry', 'Ravenwood',
  'Saltmarsh', 'Thornbury', 'Union Point', 'Valley Forge', 'Willowdale', 'Yellowpine', 'Zephyr',
  'Alder', 'Birchwood', 'Coastal', 'Driftwood', 'Elmstead', 'Foxglove', 'Greenway', 'Hawthorne',
  'Indigo', 'Jasper', 'Kestrel', 'Lindenhof', 'Moorland', 'Nordvik', 'Olivetti Park', 'Prairie',
  'Quayside', 'Rosewood', 'Sandringham', 'Tidewater', 'Upland', 'Vantage', 'Windmill', 'Sakura Bay',
  'Al Noor', 'Montclair', 'Rheinfeld',
] as const;

export const COMPANY_WORDS_B = [
  'Retail', 'Foods', 'Logistics', 'Hardware', 'Outfitters', 'Builders Supply', 'Pharmacy',
  'Electrical', 'Furniture', 'Textiles', 'Motors', 'Labs', 'Packaging', 'Print', 'Marine',
  'Office Supplies', 'Hospitality', 'Grocers', 'Garden Centres', 'Medical', 'Appliances',
  'Engineering', 'Distribution', 'Wholesale', 'Cycles', 'Bakeries', 'Beverages', 'Pet Care',
  'Home Goods', 'Automotive', 'Plastics', 'Paper Co', 'Fitness', 'Toys', 'Optics', 'Coffee',
  'Trading', 'Interiors', 'Industrial', 'Tools', 'Dental', 'Farms', 'Apparel', 'Books',
  'Lighting',
] as const;

/** Qualifiers that keep names unique once the plain combinations run out (large sets only). */
export const COMPANY_QUALIFIERS = [
  'Nordic', 'Pacific', 'Atlantic', 'Midwest', 'Southern', 'Central', 'Eastern', 'Western',
  'Metro', 'Global', 'Continental', 'Coastal Region', 'Highlands', 'Valley', 'Capital',
  'International', 'Northern', 'Gulf', 'Lakes', 'Mountain', 'Delta', 'Plains', 'Bay Area',
  'Riverside', 'Crossroads', 'Heritage', 'Premier', 'United', 'Allied', 'Frontier',
] as const;

export interface Country {
  code: string;
  currency: string;
  legalForms: readonly string[];
  salesAreas: readonly string[];
  firstNames: readonly string[];
  lastNames: readonly string[];
  /** Builds a fictional phone number from a 0..9999 draw. */
  phone: (n: number) => string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const US_FIRST = ['James', 'Maria', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Patricia',
  'Daniel', 'Ashley', 'Kevin', 'Megan', 'Brian', 'Rachel', 'Jason', 'Nicole', 'Tyler', 'Dana'];
const US_LAST = ['Johnson', 'Whitfield', 'Ramirez', 'Carter', 'Nguyen', 'Patel', 'Brooks', 'Sullivan',
  'Hayes', 'Coleman', 'Foster', 'Reyes', 'Morgan', 'Bennett', 'Kim', 'Ortiz', 'Hughes', 'Price'];

export const COUNTRIES: Readonly<Record<string, Country>> = {
  US: {
    code: 'US', currency: 'USD', legalForms: ['Inc.', 'LLC', 'Corp.', 'Co.'],
    salesAreas: ['US East', 'US West', 'US Central'], firstNames: US_FIRST, lastNames: US_LAST,
    phone: (n) => `+1 (${pad(200 + (n % 700), 3)}) 555-01${pad(n % 100, 2)}`,
  },
  CA: {
    code: 'CA', currency: 'CAD', legalForms: ['Inc.', 'Ltd.'], salesAreas: ['Canada'],
    firstNames: ['Liam', 'Chloé', 'Ethan', 'Olivia', 'Mathieu', 'Emma', 'Noah', 'Sophie'],
    lastNames: ['Tremblay', 'MacDonald', 'Gagnon', 'Wilson', 'Roy', 'Campbell', 'Leblanc', 'Fraser'],
    phone: (n) => `+1 (416) 555-01${pad(n % 100, 2)}`,
  },
  UK: {
    code: 'UK', currency: 'GBP', legalForms: ['Ltd', 'Ltd', 'plc'], salesAreas: ['UK & Ireland'],
    firstNames: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Emily', 'Jack', 'Charlotte', 'Fiona'],
    lastNames: ['Smith', 'Taylor', 'Davies', 'Evans', 'Wright', 'Thompson', 'Walsh', 'Hughes', 'Clarke'],
    phone: (n) => `+44 20 7946 0${pad(n % 1000, 3)}`,
  },
  DE: {
    code: 'DE', currency: 'EUR', legalForms: ['GmbH', 'AG', 'GmbH & Co. KG'], salesAreas: ['DACH'],
    firstNames: ['Lukas', 'Anna', 'Jonas', 'Lena', 'Felix', 'Katrin', 'Stefan', 'Julia'],
    lastNames: ['Müller', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Schäfer', 'Koch'],
    phone: (n) => `+49 30 ${pad(n, 4)} ${pad((n * 7) % 1000, 3)}`,
  },
  FR: {
    code: 'FR', currency: 'EUR', legalForms: ['SAS', 'SARL', 'S.A.'], salesAreas: ['France'],
    firstNames: ['Camille', 'Louis', 'Manon', 'Hugo', 'Léa', 'Julien', 'Claire', 'Antoine'],
    lastNames: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Fontaine'],
    phone: (n) => `+33 1 ${pad(n % 100, 2)} ${pad((n * 3) % 100, 2)} ${pad((n * 7) % 100, 2)} ${pad((n * 11) % 100, 2)}`,
  },
  NL: {
    code: 'NL', currency: 'EUR', legalForms: ['B.V.', 'N.V.'], salesAreas: ['Benelux'],
    firstNames: ['Daan', 'Sanne', 'Bram', 'Femke', 'Joost', 'Lotte', 'Ruben', 'Eva'],
    lastNames: ['de Vries', 'Jansen', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'de Boer', 'Mulder'],
    phone: (n) => `+31 20 ${pad(n % 1000, 3)} ${pad(n, 4)}`,
  },
  ES: {
    code: 'ES', currency: 'EUR', legalForms: ['S.L.', 'S.A.'], salesAreas: ['Iberia'],
    firstNames: ['Lucía', 'Javier', 'Carmen', 'Pablo', 'Elena', 'Sergio', 'Marta', 'Diego'],
    lastNames: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Romero', 'Navarro', 'Torres'],
    phone: (n) => `+34 91 ${pad(n % 1000, 3)} ${pad(n % 100, 2)} ${pad((n * 3) % 100, 2)}`,
  },
  IT: {
    code: 'IT', currency: 'EUR', legalForms: ['S.r.l.', 'S.p.A.'], salesAreas: ['Italy'],
    firstNames: ['Giulia', 'Marco', 'Francesca', 'Luca', 'Chiara', 'Matteo', 'Sara', 'Davide'],
    lastNames: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci'],
    phone: (n) => `+39 02 ${pad(n, 4)} ${pad((n * 13) % 10000, 4)}`,
  },
  JP: {
    code: 'JP', currency: 'JPY', legalForms: ['K.K.', 'Co., Ltd.'], salesAreas: ['Japan'],
    firstNames: ['Haruto', 'Yui', 'Sota', 'Aoi', 'Ren', 'Hina', 'Takumi', 'Misaki'],
    lastNames: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi'],
    phone: (n) => `+81 3-${pad(n, 4)}-${pad((n * 17) % 10000, 4)}`,
  },
  KW: {
    code: 'KW', currency: 'KWD', legalForms: ['W.L.L.', 'K.S.C.C.'], salesAreas: ['GCC'],
    firstNames: ['Ahmad', 'Fatima', 'Yousef', 'Noura', 'Khaled', 'Mariam', 'Omar', 'Sara'],
    lastNames: ['Al-Sabah', 'Al-Mutairi', 'Al-Ajmi', 'Al-Rashidi', 'Al-Enezi', 'Haddad', 'Al-Kandari', 'Saleh'],
    phone: (n) => `+965 2${pad(n % 1000, 3)} ${pad(n, 4)}`,
  },
};

/** Which countries customers come from, by share (USD accounting; the rest exercises conversion). */
export const COUNTRY_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['US', 52], ['UK', 12], ['DE', 7], ['FR', 5], ['NL', 4], ['ES', 2], ['IT', 2], ['CA', 7],
  ['JP', 5], ['KW', 4],
];

export const CUSTOMER_GROUPS = ['Retail', 'Wholesale', 'Distributors', 'Hospitality', 'Public sector'] as const;

export const CONTACT_ROLES = ['Accounts payable', 'Finance manager', 'Controller', 'Purchasing', 'Chief financial officer'] as const;

export const PUBLIC_MAIL_DOMAINS = ['gmail.com', 'outlook.com', 'hotmail.com', 'yahoo.com'] as const;

export const DISPUTE_REASONS = [
  'Unit price differs from the agreed quote',
  'Goods damaged on delivery',
  'Quantity short-shipped',
  'Invoice addressed to the wrong entity',
  'Duplicate billing',
  'Service not yet completed',
] as const;

/** The selling company whose receivables the demo holds, and its collections agents. */
export const SELLER = { name: 'Tailwind Traders', domain: 'tailwind-traders.example' } as const;

/**
 * The seller's letterhead on the demo's letters, statements and interest notes: server/config.ts
 * takes it when DEMO_DATA=1 and LETTER_COMPANY_NAME is unset. A fictional address.
 */
export const DEMO_LETTERHEAD = {
  name: SELLER.name,
  addressLines: ['1200 Harbor Way, Suite 400', 'Seattle, WA 98101', 'United States'],
} as const;

export const DEMO_AGENTS = [
  { email: 'maria.alvarez@tailwind-traders.example', name: 'Maria Alvarez', role: 'manager' },
  { email: 'tom.becker@tailwind-traders.example', name: 'Tom Becker', role: 'agent' },
  { email: 'priya.natarajan@tailwind-traders.example', name: 'Priya Natarajan', role: 'agent' },
  { email: 'kenji.watanabe@tailwind-traders.example', name: 'Kenji Watanabe', role: 'agent' },
] as const;

/** Turns a name into the local part or label of an address: 'Schäfer & Co.' → 'schafer-co'. */
export function slug(text: string, separator = '-'): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');
}
