// A batch of collection letters on a fresh database of N imported customers, each with three overdue
// invoices: the batch proposal (against making the same proposals from inputs already in memory),
// then create + run with reply delivery (HTML + PDF + post with a fee entry) and with Graph delivery
// (the same, plus sendMail queued in the outbox), against rendering the same letters alone (no
// database), so the figures read as reading and posting overhead over the work itself.
// Run: npx tsx bench/letters.ts [--letters 1000] [--db pglite|postgres]
import { fileURLToPath } from 'node:url';
import type { Agent } from '../server/auth/agents';
import { loadConfig } from '../server/config';
import type { DatabaseHandle } from '../server/db/kysely';
import { addDays } from '../server/domain/dates';
import type { LetterDelivery } from '../server/domain/letters';
import type { IsoDate } from '../server/domain/types';
import { createBatch, runBatch } from '../server/letters/batch';
import { feeEntry, formatLetterNumber, letterInput, levelTemplate } from '../server/letters/compose';
import type { LetterSequence } from '../server/letters/model';
import { batchProposal, setUpProposal } from '../server/letters/proposals';
import { renderLetter } from '../server/letters/render';
import { draftOf, saveSequence } from '../server/letters/sequences';
import { loadProposalInputs, type ProposalInputs } from '../server/letters/store/proposal-inputs';
import { loadSequences } from '../server/letters/store/sequences';
import type { LetterInput } from '../server/letters/view';
import { cliOptions, importCsv, openFreshDatabase, printFigures, type BenchDatabase } from './fresh';

export interface LettersBenchOptions {
  database: BenchDatabase;
  /** PostgreSQL admin URL a fresh database is created under; default BENCH_DATABASE_URL. */
  databaseUrl?: string;
  letters: number;
  /** Added to the scratch databases' names, so that a run can drop what an aborted benchmark left. */
  tag?: string;
}

const AS_OF: IsoDate = '2026-06-30';
const CURRENCY = 'USD';
const AGENT_EMAIL = 'bench.agent@example.com';
// Level 1 of the seeded sequence has no fee; the benchmark gives it one so every letter posts a fee entry.
const LEVEL_ONE_FEE_MINOR = 1500n;
const settings = loadConfig({}).letters;

const ms = (since: number) => performance.now() - since;

/** customers.csv, contacts.csv and ledger.csv: n customers, each with three invoices 10-70 days overdue. */
function dataset(n: number): Record<string, string> {
  const customers = ['account,name,currency,payment_terms,agent_email'];
  const contacts = ['account,name,email,role'];
  const ledger = ['external_id,account,kind,document,posting_date,due_date,currency,amount'];
  for (let i = 1; i <= n; i++) {
    const account = `B${String(i).padStart(6, '0')}`;
    customers.push(`${account},"Customer ${i} Trading, Ltd",${CURRENCY},Net30,${AGENT_EMAIL}`);
    contacts.push(`${account},Accounts Payable ${i},ap@${account.toLowerCase()}.example,Accounts payable`);
    for (let k = 0; k < 3; k++) {
      const due = addDays(AS_OF, -(10 + ((i * 7 + k * 23) % 60)));
      const amount = `${100 + ((i * 37 + k * 101) % 4900)}.${String((i + k * 13) % 100).padStart(2, '0')}`;
      ledger.push(`INV-${account}-${k},${account},invoice,INV-${account}-${k},${addDays(due, -30)},${due},${CURRENCY},${amount}`);
    }
  }
  const text = (rows: string[]) => `${rows.join('\n')}\n`;
  return { 'customers.csv': text(customers), 'contacts.csv': text(contacts), 'ledger.csv': text(ledger) };
}

/** A fresh database with the data set imported and a fee on level 1; also the import time. */
async function prepare(opts: LettersBenchOptions, data: Record<string, string>): Promise<{ handle: DatabaseHandle; agent: Agent; importMs: number }> {
  const handle = await openFreshDatabase(opts.database, opts.tag ? `letters_${opts.tag}` : 'letters', opts.databaseUrl);
  try {
    const started = performance.now();
    await importCsv(handle, data, CURRENCY);
    const importMs = ms(started);
    const agent = await handle.db.selectFrom('agents').select(['id', 'email', 'name', 'role']).where('email', '=', AGENT_EMAIL).executeTakeFirstOrThrow();
    const standard = (await loadSequences(handle.db)).find((s) => s.isDefault)!;
    const draft = draftOf(standard, CURRENCY);
    const levels = draft.levels.map((l) => (l.level === 1 ? { ...l, fees: [{ currency: CURRENCY, minor: LEVEL_ONE_FEE_MINOR }] } : l));
    await saveSequence(handle.db, standard.id, { ...draft, levels }, agent.id, CURRENCY);
    return { handle, agent, importMs };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Every customer's proposal made again from inputs already read: the proposal's work without the database. */
function proposeInMemory(inputs: readonly ProposalInputs[], sequences: readonly LetterSequence[]): number {
  let due = 0;
  for (const customer of inputs) if (setUpProposal(customer, sequences, AS_OF, CURRENCY).proposal.due) due += 1;
  return due;
}

/** The render inputs of every due letter, as postLetter would build them (fee entry included). */
function renderInputs(inputs: readonly ProposalInputs[], sequences: readonly LetterSequence[], agent: Agent): LetterInput[] {
  const letters: LetterInput[] = [];
  for (const customerInputs of inputs) {
    const { customer, ledger } = customerInputs;
    const { sequence, proposal } = setUpProposal(customerInputs, sequences, AS_OF, CURRENCY);
    if (!sequence || !proposal.due) throw new Error(`Customer ${customer.account} is due no letter`);
    const { language, template } = levelTemplate(sequence, proposal, undefined);
    const number = formatLetterNumber(BigInt(letters.length + 1));
    const fee = proposal.fee ? [{ id: `fee-${number}`, ...feeEntry(number, AS_OF, proposal.fee) }] : [];
    letters.push(
      letterInput({
        number, letterDate: AS_OF, language, template, proposal, customer, agent, settings, accountingCurrency: CURRENCY,
        entries: [...ledger.entries, ...fee], settlements: ledger.settlements,
      }),
    );
  }
  return letters;
}

/** createBatch + runBatch for every due customer; times of each and the resulting counts. */
async function postBatch(handle: DatabaseHandle, agent: Agent, delivery: LetterDelivery) {
  let started = performance.now();
  const batchId = await createBatch(handle.db, { requestedBy: agent, asOf: AS_OF, delivery, agentId: null, accountingCurrency: CURRENCY });
  const createMs = ms(started);
  started = performance.now();
  await runBatch(handle.db, batchId, { accountingCurrency: CURRENCY, settings });
  const runMs = ms(started);
  const states = await handle.db
    .selectFrom('collection_letter_batch_items')
    .select(['state', handle.db.fn.countAll<string>().as('n')])
    .where('batch_id', '=', batchId)
    .groupBy('state')
    .execute();
  const count = (state: string) => Number(states.find((s) => s.state === state)?.n ?? 0);
  const fees = await handle.db.selectFrom('ledger_entries').select(handle.db.fn.countAll<string>().as('n')).where('kind', '=', 'fee').executeTakeFirstOrThrow();
  const mails = await handle.db.selectFrom('outbox').select(handle.db.fn.countAll<string>().as('n')).where('kind', '=', 'mail').executeTakeFirstOrThrow();
  return { createMs, runMs, done: count(delivery === 'graph' ? 'sent' : 'posted'), failed: count('failed') + count('skipped'), fees: Number(fees.n), mails: Number(mails.n) };
}

/** A batch's letters per second (created, rendered and posted) and the same against rendering alone. */
function rates(name: string, batch: { createMs: number; runMs: number; done: number }, n: number, renderOnlyPerS: number): Record<string, number> {
  const totalMs = batch.createMs + batch.runMs;
  const perS = batch.done / (totalMs / 1000);
  return {
    [`${name}_letters_per_s`]: perS,
    [`${name}_letters_per_s_vs_render_only_ratio`]: perS / renderOnlyPerS,
    [`${name}_ms_per_letter`]: totalMs / n,
    [`${name}_overhead_ms_per_letter`]: totalMs / n - 1000 / renderOnlyPerS,
  };
}

export async function benchLetters(opts: LettersBenchOptions): Promise<Record<string, number>> {
  const name = `letters_${opts.database}`;
  const n = opts.letters;
  const data = dataset(n);
  const out: Record<string, number> = {};

  const first = await prepare(opts, data);
  try {
    out[`${name}_import_s`] = first.importMs / 1000;
    let started = performance.now();
    const proposal = await batchProposal(first.handle.db, null, AS_OF, CURRENCY);
    out[`${name}_proposal_ms`] = ms(started);
    out[`${name}_proposal_ms_per_customer`] = out[`${name}_proposal_ms`]! / n;
    out[`${name}_proposed_letters`] = proposal.items.length;

    const sequences = await loadSequences(first.handle.db);
    const proposalInputs = await loadProposalInputs(first.handle.db, { agentId: null }, AS_OF);
    started = performance.now();
    if (proposeInMemory(proposalInputs, sequences) !== proposal.items.length) throw new Error('The in-memory proposals differ from the batch proposal');
    out[`${name}_proposal_compute_only_ms`] = ms(started);
    out[`${name}_proposal_ms_vs_compute_only_ratio`] = out[`${name}_proposal_ms`]! / out[`${name}_proposal_compute_only_ms`]!;

    const due = new Set(proposal.items.map((i) => i.customer.id));
    const inputs = renderInputs(proposalInputs.filter((i) => due.has(i.customer.id)), sequences, first.agent);
    started = performance.now();
    let pdfBytes = 0;
    for (const input of inputs) pdfBytes += (await renderLetter(input)).pdf.byteLength;
    const renderMs = ms(started);
    out[`${name}_render_only_ms_per_letter`] = renderMs / inputs.length;
    out[`${name}_render_only_letters_per_s`] = inputs.length / (renderMs / 1000);
    out[`${name}_pdf_kb_per_letter`] = pdfBytes / inputs.length / 1024;

    const reply = await postBatch(first.handle, first.agent, 'reply');
    out[`${name}_reply_create_ms`] = reply.createMs;
    out[`${name}_reply_run_s`] = reply.runMs / 1000;
    Object.assign(out, rates(`${name}_reply`, reply, n, out[`${name}_render_only_letters_per_s`]!));
    out[`${name}_reply_posted_letters`] = reply.done;
    out[`${name}_reply_fee_entries`] = reply.fees;
    out[`${name}_reply_unposted_letters`] = reply.failed;
  } finally {
    await first.handle.close();
  }

  // A second fresh database: after the reply batch no customer is due the same letter again.
  const second = await prepare(opts, data);
  try {
    const graph = await postBatch(second.handle, second.agent, 'graph');
    out[`${name}_graph_create_ms`] = graph.createMs;
    out[`${name}_graph_run_s`] = graph.runMs / 1000;
    Object.assign(out, rates(`${name}_graph`, graph, n, out[`${name}_render_only_letters_per_s`]!));
    out[`${name}_graph_sent_letters`] = graph.done;
    out[`${name}_graph_queued_mails`] = graph.mails;
    out[`${name}_graph_unsent_letters`] = graph.failed;
  } finally {
    await second.handle.close();
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { count, databases } = cliOptions('letters', 1000);
  for (const database of databases) printFigures(await benchLetters({ database, letters: count }));
}
