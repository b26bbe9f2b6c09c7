// Test helper: a generated demo company read back as parsed CSV records, as the import would see it.
import { parse } from 'csv-parse/sync';
import { generateCompany, type DemoOptions } from '../../../server/demo/company';
import type { DemoFileKind } from '../../../server/demo/csv';

export type Records = Record<DemoFileKind, Array<Record<string, string>>>;

export function fileText(opts: DemoOptions, kind: DemoFileKind): string {
  let text = '';
  for (const chunk of generateCompany(opts).files[kind]()) text += chunk;
  return text;
}

export function generatedRecords(opts: DemoOptions): Records {
  const read = (kind: DemoFileKind) => parse(fileText(opts, kind), { columns: true }) as Array<Record<string, string>>;
  return { customers: read('customers'), contacts: read('contacts'), contracts: read('contracts'), ledger: read('ledger'), settlements: read('settlements') };
}
