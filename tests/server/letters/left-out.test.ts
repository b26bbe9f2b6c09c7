// A letter proposal says what the letter leaves out of the customer's overdue (promised, disputed,
// on hold), so the pane can explain why "Overdue in this letter" is less than the header's overdue:
// the letter's total plus what it leaves out is the header's figure.
import { afterEach, describe, expect, it } from 'vitest';
import type { LetterProposalResponse } from '../../../server/http/schemas/letters';
import type { CustomerSummary } from '../../../server/http/schemas/summary';
import { openDevApp, type DevApp } from '../security/world';
import { createCustomer } from './world';

let t: DevApp;
afterEach(async () => t?.close());

const AS_OF = '2026-03-01';

describe('what a letter leaves out', () => {
  it('names the promised, disputed and held overdue, which with the letter make up the header’s overdue', async () => {
    t = await openDevApp('agent');
    const db = t.handle.db;
    const { id, invoiceIds } = await createCustomer(t.handle.db, {
      account: 'C-7',
      currency: 'EUR',
      invoices: [
        ['INV-LISTED', '2026-02-01', 100_000n, 108_000n],
        ['INV-PROMISED', '2026-02-01', 40_000n, 43_275n],
        ['INV-DISPUTED', '2026-02-05', 30_000n, 32_400n],
        ['INV-HELD', '2026-02-10', 20_000n, 21_600n],
        ['INV-NOT-DUE', '2026-03-20', 50_000n, 54_000n],
      ],
    });
    const [, promised, disputed, held] = invoiceIds;
    await db.updateTable('ledger_entries')
      .set({ collection_status: 'promise_to_pay', status_date: '2026-02-20', promise_date: '2026-03-15', promise_amount: 40_000n })
      .where('id', '=', promised!).execute();
    await db.updateTable('ledger_entries').set({ collection_status: 'disputed', status_date: '2026-02-20', dispute_reason: 'Price' }).where('id', '=', disputed!).execute();
    await db.insertInto('collection_holds').values({ customer_id: id, transaction_id: held!, reason: 'Credit check', held_until: null, created_by: 'test', lifted_by: null, lifted_at: null }).execute();

    const proposal = (await t.app.inject({ url: `/api/customers/${id}/letters/proposal?asOf=${AS_OF}` })).json<LetterProposalResponse>();
    expect(proposal.due).toBe(true);
    expect(proposal.lines.map((l) => l.document)).toEqual(['INV-LISTED']);
    expect(proposal.leftOut).toEqual({ promised: 43_275, disputed: 32_400, held: 21_600 });

    const summary = (await t.app.inject({ url: `/api/customers/${id}/summary?asOf=${AS_OF}` })).json<CustomerSummary>();
    const { promised: p, disputed: d, held: h } = proposal.leftOut!;
    expect(summary.overdue).toBe(proposal.totalAccounting + p + d + h);
  });

  it('says nothing is left out when the letter lists all that is overdue, and still answers when no letter is due', async () => {
    t = await openDevApp('agent');
    const { id } = await createCustomer(t.handle.db, { account: 'C-8', invoices: [['INV-8', '2026-02-01', 100_000n]] });
    const due = (await t.app.inject({ url: `/api/customers/${id}/letters/proposal?asOf=${AS_OF}` })).json<LetterProposalResponse>();
    expect(due.leftOut).toEqual({ promised: 0, disputed: 0, held: 0 });

    await t.handle.db.updateTable('ledger_entries').set({ collection_status: 'disputed', status_date: '2026-02-20', dispute_reason: 'Price' }).execute();
    const none = (await t.app.inject({ url: `/api/customers/${id}/letters/proposal?asOf=${AS_OF}` })).json<LetterProposalResponse>();
    expect(none).toMatchObject({ due: false, reason: 'nothing_overdue', leftOut: { promised: 0, disputed: 100_000, held: 0 } });
  });
});
