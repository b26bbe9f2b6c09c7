// Reads an email against the customer's own transactions and proposes the actions it asks for,
// most likely first, each field with the words it came from. Deterministic and local.
import { todayIn } from '../dates';
import type { CurrencyCode, IsoDate } from '../types';
import { findAmounts, type AmountMention } from './amounts';
import { findDates, type DateDirection } from './dates';
import { findDocuments } from './documents';
import { findContactEmail, findContactName, findReference, findStatement } from './fields';
import { findCues, findReason, type ActionKind, type CueHit } from './intents';
import { detectLanguage, type Language } from './language';
import { promiseItems } from './promise';
import { readableText } from './text';
import type { DraftTransaction, EmailInput, EmailPart, Evidence, Proposal, Span } from './types';

interface Part {
  part: EmailPart;
  text: string;
}

type Found<T> = T & { part: EmailPart };

/** What one email says, read once and shared by every proposal built from it. */
interface Reading {
  parts: Part[];
  language: Language;
  received: IsoDate;
  documents: Found<Span & { transaction: DraftTransaction }>[];
  amounts: Found<AmountMention>[];
  cues: Found<CueHit>[];
  email: EmailInput;
  transactions: readonly DraftTransaction[];
}

/** Evaluation order when two kinds score the same: the more specific request first. */
const KIND_ORDER: readonly ActionKind[] = ['payment_claim', 'dispute', 'promise_to_pay', 'copy_request', 'contact_change'];

function inParts<T extends object>(parts: Part[], find: (text: string) => T[]): Found<T>[] {
  return parts.flatMap((p) => find(p.text).map((x) => ({ ...x, part: p.part })));
}

function evidence(field: string, found: Found<Span>): Evidence {
  return { field, part: found.part, start: found.start, end: found.end, text: found.text };
}

function firstIn<T extends Span>(parts: Part[], find: (text: string) => T | null): Found<T> | null {
  for (const p of parts) {
    const found = find(p.text);
    if (found) return { ...found, part: p.part };
  }
  return null;
}

function uniqueDocuments(reading: Reading, accept: (t: DraftTransaction) => boolean) {
  const seen = new Set<string>();
  return reading.documents.filter((d) => accept(d.transaction) && !seen.has(d.transaction.id) && seen.add(d.transaction.id));
}

/** The date of the request: in the sentence of a cue if one is there, else the first on the right side of the day it arrived. */
function requestDate(reading: Reading, kind: ActionKind, direction: DateDirection) {
  const dates = inParts(reading.parts, (text) => findDates(text, reading.received, reading.language, direction)).filter((d) =>
    direction === 'future' ? d.date >= reading.received : d.date <= reading.received,
  );
  return nearCue(reading, kind, dates) ?? dates[0] ?? null;
}

function partText(reading: Reading, part: EmailPart): string {
  return reading.parts.find((p) => p.part === part)!.text;
}

/** Start and end of the sentence (or line) around a span. */
function sentenceAround(text: string, span: Span): { start: number; end: number } {
  let start = 0;
  for (const m of text.slice(0, span.start).matchAll(/[.!?:](?=\s)|\n/g)) start = m.index + 1;
  const after = text.slice(span.end).search(/[.!?:](?=\s|$)|\n/);
  return { start, end: after < 0 ? text.length : span.end + after };
}

/** The first of `found` in the sentence of one of the kind's cues, in cue order. */
function nearCue<T extends Found<Span>>(reading: Reading, kind: ActionKind, found: readonly T[]): T | null {
  for (const c of reading.cues.filter((x) => x.kind === kind)) {
    const sentence = sentenceAround(partText(reading, c.part), c);
    const near = found.find((f) => f.part === c.part && f.start >= sentence.start && f.end <= sentence.end);
    if (near) return near;
  }
  return null;
}

/** The amount the request is about: the first in the sentence of a cue, else a total line's, else the first. */
function requestAmount(reading: Reading, kind: ActionKind, currency: CurrencyCode | null): Found<AmountMention> | null {
  const amounts = reading.amounts.filter((a) => !currency || a.currency === currency);
  // A remittance lists lines and a total: the total is what was paid.
  const total = amounts.find((a) => /(?:^|\n)[ \t]*(?:total|summe|gesamt\p{L}*|insgesamt)\b[^\n]*$/iu.test(partText(reading, a.part).slice(0, a.start)));
  return nearCue(reading, kind, amounts) ?? total ?? amounts[0] ?? null;
}

const isDebit = (t: DraftTransaction) => t.open > 0n;

function build(kind: ActionKind, reading: Reading, confidence: number): Proposal {
  const cueEvidence = reading.cues.filter((c) => c.kind === kind).map((c) => evidence('kind', c));
  const proposal: Proposal = { kind, confidence, fields: {}, evidence: cueEvidence, assumptions: [] };
  const { fields } = proposal;
  const add = (field: string, found: Found<Span> | null) => found && proposal.evidence.push(evidence(field, found));
  if (kind === 'promise_to_pay') {
    const docs = uniqueDocuments(reading, isDebit);
    const date = requestDate(reading, kind, 'future');
    fields.date = date?.date ?? null;
    add('date', date);
    const currency = docs[0]?.transaction.currency ?? null;
    const amount = requestAmount(reading, kind, currency);
    const result = promiseItems(docs.map((d) => d.transaction), amount, reading.transactions);
    fields.items = result.items;
    proposal.assumptions.push(...result.assumptions);
    for (const d of docs) add('items', d);
    add('items', amount);
  } else if (kind === 'dispute') {
    const reason = firstIn(reading.parts, (text) => {
      const r = findReason(text);
      return r.span ? { ...r.span, code: r.code } : null;
    });
    fields.reasonCode = reason?.code ?? 'other';
    add('reasonCode', reason);
    const docs = uniqueDocuments(reading, isDebit);
    fields.transactionIds = docs.map((d) => d.transaction.id);
    for (const d of docs) add('transactionIds', d);
  } else if (kind === 'payment_claim') {
    const date = requestDate(reading, kind, 'past');
    if (date) fields.date = date.date;
    add('date', date);
    const docs = uniqueDocuments(reading, (t) => t.kind !== 'payment' && t.kind !== 'credit_note');
    const amount = requestAmount(reading, kind, null);
    if (amount) {
      fields.amount = amount.minor;
      fields.currency = amount.currency;
      add('amount', amount);
      add('currency', amount);
    }
    const reference = firstIn(reading.parts, findReference);
    if (reference) fields.reference = reference.text;
    add('reference', reference);
    fields.transactionIds = docs.map((d) => d.transaction.id);
    for (const d of docs) add('transactionIds', d);
  } else if (kind === 'copy_request') {
    const docs = uniqueDocuments(reading, () => true);
    fields.transactionIds = docs.map((d) => d.transaction.id);
    for (const d of docs) add('transactionIds', d);
    const statement = firstIn(reading.parts, findStatement);
    fields.statement = statement !== null;
    add('statement', statement);
  } else {
    const email = firstIn(reading.parts, (text) => {
      const found = findContactEmail(text, reading.email.from);
      return found && { ...found.span, address: found.email };
    });
    if (email) fields.email = email.address;
    add('email', email);
    const name = firstIn(reading.parts, findContactName);
    if (name) fields.name = name.text;
    add('name', name);
  }
  return proposal;
}

/**
 * The proposals for an email, most likely first: one per kind the email's words point at, or a
 * single 'none'. `timeZone` is the company's: relative dates count from the day the email arrived there.
 */
export function propose(email: EmailInput, transactions: readonly DraftTransaction[], timeZone: string, dollar: CurrencyCode = 'USD'): Proposal[] {
  // The body holds the request, read first; the subject only adds what the body does not say.
  const parts: Part[] = [
    { part: 'body', text: readableText(email.body) },
    { part: 'subject', text: email.subject },
  ];
  const reading: Reading = {
    parts,
    language: detectLanguage(parts.map((p) => p.text).join('\n')),
    received: todayIn(timeZone, email.receivedAt),
    documents: inParts(parts, (text) => findDocuments(text, transactions)),
    amounts: inParts(parts, (text) => findAmounts(text, dollar)),
    // A subject names the topic ("Re: Statement"), the body the request: subject cues weigh less.
    cues: inParts(parts, findCues).map((c) => (c.part === 'subject' ? { ...c, weight: Math.max(1, c.weight - 2) } : c)),
    email,
    transactions,
  };
  const scores = new Map<ActionKind, number>();
  for (const c of reading.cues) scores.set(c.kind, (scores.get(c.kind) ?? 0) + c.weight);
  const total = [...scores.values()].reduce((a, b) => a + b, 0);
  const kinds = KIND_ORDER.filter((k) => (scores.get(k) ?? 0) > 0).sort((a, b) => scores.get(b)! - scores.get(a)!);
  if (kinds.length === 0) return [{ kind: 'none', confidence: 1, fields: {}, evidence: [], assumptions: [] }];
  return kinds.map((k) => build(k, reading, Math.round((scores.get(k)! / total) * 100) / 100));
}
