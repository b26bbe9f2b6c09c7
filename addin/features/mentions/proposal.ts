// A proposal as the pane offers it: the card's one-line summary, the dialog's prefilled form, and
// the "why" snippets of the email with the words each field came from marked.
import type { DraftEvidence, DraftProposal } from '../../../server/http/schemas/drafts';
import type { TransactionItem } from '../../../server/http/schemas/transactions';
import { translate } from '../../i18n';
import { formatDate, formatMoney } from '../../ui/format';
import { decimalOf, type ActivityForm } from '../activities/form';

/** The kinds the pane offers a card for ('none' asks for nothing). */
export type OfferedProposal = DraftProposal & { kind: Exclude<DraftProposal['kind'], 'none'> };

export function isOffered(p: DraftProposal | undefined): p is OfferedProposal {
  return p !== undefined && p.kind !== 'none';
}

function documents(ids: readonly string[], byId: ReadonlyMap<string, TransactionItem>, locale: string): string {
  const names = ids.map((id) => byId.get(id)?.document).filter((d): d is string => Boolean(d));
  if (names.length <= 1) return names[0] ?? '';
  return translate(locale, 'mentions.title.and', { list: names.slice(0, -1).join(', '), last: names[names.length - 1]! });
}

/** Sums per currency, each formatted ("1,850.00 USD"-style in the agent's locale). */
function total(items: ReadonlyArray<{ amount: number; currency: string }>, locale: string): string {
  const sums = new Map<string, number>();
  for (const i of items) sums.set(i.currency, (sums.get(i.currency) ?? 0) + i.amount);
  return [...sums].map(([currency, minor]) => formatMoney(minor, currency, locale)).join(' + ');
}

/** "Promise to pay INV-1042 and INV-1043, $1,850.00 on Dec 15". */
export function proposalTitle(p: OfferedProposal, byId: ReadonlyMap<string, TransactionItem>, locale: string): string {
  const f = p.fields;
  const ids = f.transactionIds ?? [];
  const join = (...parts: Array<string | false | null | undefined>) => parts.filter(Boolean).join(' ');
  const on = (date: string | null | undefined) => date && translate(locale, 'mentions.title.on', { date: formatDate(date, locale, 'day') });
  switch (p.kind) {
    case 'promise_to_pay': {
      const items = f.items ?? [];
      const docs = documents(items.map((i) => i.transactionId), byId, locale);
      const amount = items.length > 0 ? total(items, locale) : '';
      return join(translate(locale, 'mentions.title.promise'), docs ? `${docs},` : '', amount, on(f.date)).replace(/,$/, '');
    }
    case 'dispute':
      return translate(locale, 'mentions.title.dispute', {
        documents: documents(ids, byId, locale) || translate(locale, 'mentions.title.disputeAnInvoice'),
        reason: reasonLabel(f.reasonCode, locale),
      });
    case 'payment_claim':
      return join(
        translate(locale, 'mentions.title.paid'),
        documents(ids, byId, locale),
        f.amount !== undefined && f.currency ? formatMoney(f.amount, f.currency, locale) : '',
        on(f.date),
        f.reference && translate(locale, 'mentions.title.reference', { reference: f.reference }),
      );
    case 'copy_request':
      return f.statement
        ? translate(locale, 'mentions.title.statement')
        : translate(locale, 'mentions.title.copy', { documents: documents(ids, byId, locale) || translate(locale, 'mentions.title.copyAnInvoice') });
    case 'contact_change':
      return join(translate(locale, 'mentions.title.contact'), f.name, f.email && (f.name ? `<${f.email}>` : f.email));
  }
}

/** What the proposal assumed, said plainly (rule 3). */
export function assumptionNote(p: OfferedProposal, locale: string): string | null {
  if (p.assumptions.includes('items_from_oldest_overdue')) return translate(locale, 'mentions.assumption.oldestOverdue');
  if (p.assumptions.includes('amount_from_open')) return translate(locale, 'mentions.assumption.amountFromOpen');
  return null;
}

const REASONS = ['price', 'quantity', 'damaged', 'not_received', 'duplicate_billing', 'already_paid'] as const;

/** A dispute category the server reads, in words ('other' for one the pane does not know). */
function reasonLabel(code: string | undefined, locale: string): string {
  const known = REASONS.find((r) => r === code) ?? 'otherReason';
  return translate(locale, `mentions.reason.${known}`);
}

/** The dialog's reason list (activities/labels.ts) for each category the server reads. */
const DIALOG_REASON: Record<string, string> = {
  price: 'price', quantity: 'quantity', damaged: 'damaged', not_received: 'quantity',
  duplicate_billing: 'duplicate', already_paid: 'other', other: 'other',
};

/** The log-call form for a promise or a dispute, as the agent would have filled it in. */
export function activityForm(p: OfferedProposal, locale: string): Partial<ActivityForm> {
  const f = p.fields;
  if (p.kind === 'promise_to_pay') {
    const promised: Record<string, string> = {};
    for (const i of f.items ?? []) promised[i.transactionId] = decimalOf(i.amount, i.currency);
    return { outcome: 'promise_to_pay', promiseDate: f.date ?? '', promised, purpose: translate(locale, 'mentions.form.promisePurpose') };
  }
  const reason = f.reasonCode ?? 'other';
  const notes = DIALOG_REASON[reason] === reason ? '' : translate(locale, 'mentions.form.customerSays', { reason: reasonLabel(reason, locale) });
  return {
    outcome: 'dispute',
    disputeReason: DIALOG_REASON[reason] ?? 'other',
    disputed: [...(f.transactionIds ?? [])],
    notes,
    purpose: translate(locale, 'mentions.form.disputePurpose'),
  };
}

export interface WhySegment {
  text: string;
  marked: boolean;
}

/** Context kept around the marked words, in characters. */
const CONTEXT = 40;

/**
 * Snippets of the subject and body around the evidence, the evidence words marked. Evidence close
 * together shares one snippet; each snippet is cut with an ellipsis where the text goes on.
 */
export function whySegments(evidence: readonly DraftEvidence[], subject: string, body: string): WhySegment[] {
  const segments: WhySegment[] = [];
  for (const [part, text] of [['subject', subject], ['body', body]] as const) {
    const spans = evidence
      .filter((e) => e.part === part && text.slice(e.start, e.end) === e.text)
      .map((e) => ({ start: e.start, end: e.end }))
      .sort((a, b) => a.start - b.start);
    // Overlapping spans become one mark; marks close together one snippet.
    const marks: Array<{ start: number; end: number }> = [];
    for (const span of spans) {
      const last = marks[marks.length - 1];
      if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
      else marks.push({ ...span });
    }
    const snippets: Array<typeof marks> = [];
    for (const mark of marks) {
      const current = snippets[snippets.length - 1];
      if (current && mark.start - current[current.length - 1]!.end <= 2 * CONTEXT) current.push(mark);
      else snippets.push([mark]);
    }
    for (const snippet of snippets) {
      const from = Math.max(0, snippet[0]!.start - CONTEXT);
      const to = Math.min(text.length, snippet[snippet.length - 1]!.end + CONTEXT);
      if (segments.length > 0) segments.push({ text: ' ', marked: false });
      let cursor = from;
      const plain = (until: number, edge: boolean) => segments.push({ text: (edge ? '…' : '') + flat(text.slice(cursor, until)), marked: false });
      plain(snippet[0]!.start, from > 0);
      for (const mark of snippet) {
        if (mark.start > cursor && mark !== snippet[0]) plain(mark.start, false);
        segments.push({ text: flat(text.slice(mark.start, mark.end)), marked: true });
        cursor = mark.end;
      }
      segments.push({ text: flat(text.slice(cursor, to)) + (to < text.length ? '…' : ''), marked: false });
    }
  }
  return segments.filter((s) => s.text !== '');
}

function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}
