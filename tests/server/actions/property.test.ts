// Property: after any sequence of status, settle, unsettle, NSF and write-off actions planned by
// the domain (server/domain/actions), each currency's open amounts add up to its posted amounts,
// the aging sums to the balance, no entry is settled beyond its amount, and the picture as of any
// date before an action is what it was before that action.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageLedger } from '../../../server/domain/aging';
import { balanceOf } from '../../../server/domain/credit';
import { addDays } from '../../../server/domain/dates';
import { ledgerAsOf } from '../../../server/domain/ledger-asof';
import { planNsf } from '../../../server/domain/actions/nsf';
import type { OpenItem, PlannedSettlement } from '../../../server/domain/actions/open-items';
import { planReversal, planSettlements, type StoredSettlement } from '../../../server/domain/actions/settle';
import { planWriteOff, writeOffEntry } from '../../../server/domain/actions/write-off';
import { DomainError } from '../../../server/domain/errors';
import type { IsoDate, LedgerEntry } from '../../../server/domain/types';
import { entry } from '../domain/builders';

const START = '2026-01-01';

interface World {
  entries: LedgerEntry[];
  settlements: StoredSettlement[];
}

const action = fc.record({
  step: fc.integer({ min: 0, max: 20 }),
  kind: fc.constantFrom('status', 'settle', 'pair', 'unsettle', 'nsf', 'write_off'),
  pick: fc.nat(),
  other: fc.nat(),
  share: fc.integer({ min: 1, max: 100 }),
});

const seedEntries = fc.array(
  fc.record({ debit: fc.boolean(), currency: fc.constantFrom('USD', 'EUR'), amount: fc.bigInt({ min: 1n, max: 100_000n }), rate: fc.integer({ min: 1, max: 3 }), day: fc.integer({ min: 0, max: 30 }) }),
  { minLength: 2, maxLength: 8 },
);

function openItems(world: World, today: IsoDate): Map<string, OpenItem> {
  const ledger = ledgerAsOf(world.entries, domainSettlements(world), today);
  return new Map(
    ledger.items.map(({ entry: e, open }) => [e.id, { id: e.id, document: e.document, kind: e.kind, currency: e.currency, postingDate: e.postingDate, dueDate: e.dueDate, amount: e.amount, amountAccounting: e.amountAccounting, open, version: 1 }]),
  );
}

const domainSettlements = (world: World) => world.settlements.map((s) => ({ debitId: s.debitId, creditId: s.creditId, amount: s.amount, date: s.settledOn }));

/** As the repository stores them: one row per pair and date, amounts of the same day added up. */
function store(world: World, planned: PlannedSettlement, newIds: string[], extra: Partial<StoredSettlement> = {}): void {
  const resolve = (id: string) => (id.startsWith('new:') ? newIds[Number(id.slice(4))]! : id);
  const [debitId, creditId] = [resolve(planned.debitId), resolve(planned.creditId)];
  const same = world.settlements.find((s) => s.debitId === debitId && s.creditId === creditId && s.settledOn === planned.date);
  if (same) {
    same.amount += planned.amount;
    if (same.amount === 0n) world.settlements.splice(world.settlements.indexOf(same), 1);
    return;
  }
  world.settlements.push({ id: `s${world.settlements.length}-${debitId}-${planned.date}`, debitId, creditId, amount: planned.amount, settledOn: planned.date, createdBy: 'agent', reversalOf: null, reversedOn: null, ...extra });
}

function post(world: World, e: Omit<LedgerEntry, 'id' | 'document' | 'dueDate' | 'collectionStatus' | 'statusDate' | 'promiseDate' | 'promiseAmount' | 'disputeReason'>): string {
  const id = `N${world.entries.length}`;
  world.entries.push(entry({ ...e, id }));
  return id;
}

function act(world: World, a: { kind: string; pick: number; other: number; share: number }, today: IsoDate): void {
  const items = openItems(world, today);
  const open = [...items.values()].filter((i) => i.open !== 0n);
  const debits = open.filter((i) => i.amount > 0n);
  const credits = open.filter((i) => i.amount < 0n);
  const nth = <T>(list: T[], n: number) => list[n % list.length];
  if (a.kind === 'status') {
    const debit = nth(debits, a.pick);
    if (debit) Object.assign(world.entries.find((e) => e.id === debit.id)!, { collectionStatus: 'disputed', statusDate: today });
  } else if (a.kind === 'settle') {
    const credit = nth(credits, a.pick);
    if (credit) for (const s of planSettlements({ mode: 'oldest_first', creditIds: [credit.id] }, items, today)) store(world, s, []);
  } else if (a.kind === 'pair') {
    const [debit, credit] = [nth(debits, a.pick), nth(credits, a.other)];
    if (!debit || !credit) return;
    const most = debit.open < -credit.open ? debit.open : -credit.open;
    const amount = (most * BigInt(a.share)) / 100n || 1n;
    for (const s of planSettlements({ pairs: [{ debitId: debit.id, creditId: credit.id, amount }] }, items, today)) store(world, s, []);
  } else if (a.kind === 'unsettle') {
    const mine = world.settlements.filter((s) => s.amount > 0n && s.createdBy !== null && s.reversalOf === null && s.reversedOn === null);
    const s = nth(mine, a.pick);
    if (!s) return;
    const plan = planReversal(s, today, today);
    s.reversedOn = today;
    if (plan === 'remove') world.settlements.splice(world.settlements.indexOf(s), 1);
    else store(world, plan, [], { reversalOf: s.id });
  } else if (a.kind === 'nsf') {
    const payment = nth(world.entries.filter((e) => e.kind === 'payment'), a.pick);
    if (!payment) return;
    const mine = world.settlements.filter((s) => s.creditId === payment.id && s.settledOn <= today);
    const byDebit = new Map<string, bigint>();
    for (const s of mine) byDebit.set(s.debitId, (byDebit.get(s.debitId) ?? 0n) + s.amount);
    const returned = mine.some((s) => world.entries.find((e) => e.id === s.debitId)!.kind === 'nsf_reversal');
    const last = mine.map((s) => s.settledOn).sort().at(-1) ?? null;
    const plan = planNsf(items.get(payment.id)!, { byDebit, lastSettledOn: last, returned }, today, today);
    for (const s of mine) if (s.amount > 0n && s.reversedOn === null) s.reversedOn = today;
    const reversal = post(world, plan.reversal);
    for (const s of plan.settlements) store(world, s, [reversal]);
  } else if (a.kind === 'write_off') {
    const debit = nth(debits, a.pick);
    if (!debit) return;
    const amount = (debit.open * BigInt(a.share)) / 100n || 1n;
    for (const line of planWriteOff([{ transactionId: debit.id, amount }], items).lines) {
      const credit = post(world, writeOffEntry(line, today));
      store(world, { debitId: debit.id, creditId: 'new:0', amount: line.amount, date: today }, [credit]);
    }
  }
}

/** Each entry's open amount as of the date, the ones with something open. */
function picture(world: World, date: IsoDate): Record<string, string> {
  const ledger = ledgerAsOf(world.entries, domainSettlements(world), date);
  return Object.fromEntries(ledger.items.filter((i) => i.open !== 0n).map((i) => [i.entry.id, `${i.open}/${i.openAccounting}`]));
}

describe('actions keep every figure right', () => {
  it('posted = open per currency, aging = balance, nothing over-settled, earlier pictures unchanged', () => {
    fc.assert(
      fc.property(seedEntries, fc.array(action, { maxLength: 25 }), (seeds, actions) => {
        const world: World = { entries: [], settlements: [] };
        seeds.forEach((s, i) => {
          const amount = s.debit ? s.amount : -s.amount;
          world.entries.push(entry({ id: `E${i}`, amount, amountAccounting: amount * BigInt(s.rate), currency: s.currency, kind: s.debit ? 'invoice' : 'payment', postingDate: addDays(START, s.day), dueDate: s.debit ? addDays(START, s.day + 30) : null }));
        });
        let today = addDays(START, 31);
        const before: Array<[IsoDate, Record<string, string>]> = [];
        for (const a of actions) {
          today = addDays(today, a.step);
          before.push([addDays(today, -1), picture(world, addDays(today, -1))]);
          try {
            act(world, a, today);
          } catch (error) {
            // A refused action (e.g. an NSF dated before the payment's last settlement) changes nothing.
            if (!(error instanceof DomainError)) throw error;
          }
        }
        const ledger = ledgerAsOf(world.entries, domainSettlements(world), today);
        for (const currency of ['USD', 'EUR']) {
          const posted = world.entries.filter((e) => e.currency === currency).reduce((sum, e) => sum + e.amount, 0n);
          const open = ledger.items.filter((i) => i.entry.currency === currency).reduce((sum, i) => sum + i.open, 0n);
          expect(open).toBe(posted);
        }
        expect(ageLedger(ledger).reduce((sum, p) => sum + p.amount, 0n)).toBe(balanceOf(ledger));
        for (const item of ledger.items) {
          const [low, high] = item.entry.amount > 0n ? [0n, item.entry.amount] : [item.entry.amount, 0n];
          expect(item.open >= low && item.open <= high, `${item.entry.id} open ${item.open}`).toBe(true);
        }
        for (const [date, seen] of before) expect(picture(world, date)).toEqual(seen);
      }),
      { numRuns: 300 },
    );
  });
});
