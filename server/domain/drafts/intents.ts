// What an email asks for, from cue phrases in English and German: each cue found adds its weight
// to one kind, and the dispute reason is read from its own cues. A negated promise ("we will not
// pay until…") counts for a dispute instead.
import type { DisputeReasonCode } from './reasons';
import type { ProposalKind, Span } from './types';

export type ActionKind = Exclude<ProposalKind, 'none'>;

interface Cue {
  kind: ActionKind;
  weight: number;
  pattern: RegExp;
}

const cue = (kind: ActionKind, weight: number, source: string): Cue => ({ kind, weight, pattern: new RegExp(source, 'giu') });
// A word boundary that knows umlauts (\b is ASCII-only even with the u flag).
const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;
const w = (words: string) => `${B}(?:${words})${E}`;

const CUES: readonly Cue[] = [
  cue('promise_to_pay', 3, w(String.raw`(?:we|i)(?:'ll| will| shall| are going to| plan to| intend to| expect to| can| are able to)(?: \w+){0,3}? (?:pay|settle|transfer|remit|clear|release)`)),
  cue('promise_to_pay', 3, w(String.raw`(?:will|shall|should|is going to) be (?:paid|settled|transferred|remitted|released|processed|cleared)`)),
  cue('promise_to_pay', 3, w(String.raw`payment run|scheduled for payment|scheduled (?:for|on)|approved for payment|payment (?:will|should) (?:go out|reach you|arrive|be made)`)),
  cue('promise_to_pay', 3, w(String.raw`(?:werden|wird|würden|werde)[^!?\n]{0,80}?(?:zahlen|bezahlen|überweisen|begleichen|bezahlt|überwiesen|beglichen|ausgleichen|ausgeglichen|angewiesen)`)),
  cue('promise_to_pay', 3, w(String.raw`(?:überweisen|zahlen|begleichen|bezahlen|erhalten) (?:wir|sie)|wir (?:überweisen|zahlen|begleichen|bezahlen)|zahllauf|zahlung (?:(?:für|zu|von) [\p{L}\p{N}-]+ )?erfolgt|zur zahlung freigegeben|zahlung ist (?:für|am)[^.!?\n]{0,40}?(?:geplant|vorgesehen)`)),
  cue('payment_claim', 3, w(String.raw`(?:we|i)(?: have| had|'ve)?(?: already| just| now)? (?:paid|settled|transferred|remitted|wired|sent (?:the |a |our )?payment|made (?:the |a )?payment)`)),
  cue('payment_claim', 3, w(String.raw`(?:was|were|has been|have been|has already been|have already been|was already) (?:paid|settled|transferred|wired|remitted)`)),
  cue('payment_claim', 3, w(String.raw`remittance(?: advice)?|proof of payment|payment confirmation|zahlungsavis|zahlungsbestätigung|überweisungsbeleg`)),
  cue('payment_claim', 3, w(String.raw`(?:haben|hatten|habe)[^!?\n]{0,80}?(?:bezahlt|überwiesen|beglichen|ausgeglichen|angewiesen)`)),
  cue('payment_claim', 3, w(String.raw`(?:wurde|wurden|ist|sind)[^!?\n]{0,40}? (?:bereits |schon )?(?:bezahlt|überwiesen|beglichen|ausgeglichen)|(?:ist|wurde) (?:bereits|schon) erfolgt`)),
  // Saying "dispute" outright outweighs a payment claim in the same email ("we dispute…, it was already paid").
  cue('dispute', 4, w(String.raw`disput(?:e|es|ed|ing)|contest(?:ing)?|widersprechen|einspruch|reklamation|reklamieren`)),
  cue('dispute', 3, w(String.raw`do(?:es)? not (?:match|agree|correspond)|incorrect|overcharged|damaged|broken|defective|never (?:received|arrived|been delivered)|not (?:been )?(?:received|delivered)|(?:charged|billed|invoiced) (?:us )?twice|duplicate (?:invoice|billing|charge)|short[- ]?(?:shipped|delivered|delivery)|only (?:received|got|delivered)|holding (?:the )?payment|withhold(?:ing)? (?:the )?payment|on hold until|corrected invoice|wrong (?:price|quantity|amount|rate)`)),
  cue('dispute', 3, w(String.raw`beanstand\p{L}*|beschädigt|defekt|kaputt|nicht (?:erhalten|geliefert|angekommen)|nie angekommen|doppelt (?:berechnet|fakturiert|in rechnung)|zweimal (?:berechnet|in rechnung)|stimm(?:t|en) nicht|falsch\p{L}*|fehlerhaft\p{L}*|zu viel berechnet|korrigierte rechnung|zahlung zurück|fehl(?:en|t|ende)`)),
  cue('dispute', 1, w(String.raw`credit note|gutschrift|not (?:pay|paying) until|nicht (?:zahlen|bezahlen) bis`)),
  cue('copy_request', 3, w(String.raw`cop(?:y|ies) of|re-?send|send (?:us|me) (?:again|a copy|the invoice|the pdf)|(?:did not|didn't|never) (?:receive|get) (?:the|your|this) invoice|(?:can(?:not|'t)|could(?: not|n't)) find (?:the |your |this )?invoice`)),
  cue('copy_request', 3, w(String.raw`(?:account )?statement|list of (?:the )?open items|open items list|balance confirmation|account overview`)),
  cue('copy_request', 3, w(String.raw`kopie|rechnungskopie|duplikat|(?:erneut|nochmals|noch einmal) (?:zu)?(?:senden|schicken|zusenden|zukommen)|kontoauszug|saldenbestätigung|saldenliste|offene[- ]posten(?:[- ]liste)?|kontenübersicht|rechnung nicht erhalten|liegt (?:uns|mir) nicht vor|(?:noch einmal|erneut|nochmals) zu(?:senden|schicken)|(?:schicken|senden) sie (?:\p{L}+ ){0,2}(?:noch einmal|erneut|nochmals)`)),
  cue('contact_change', 3, w(String.raw`from now on|going forward|henceforth|please update (?:your|the) (?:records|contact|address|e-?mail)|new (?:e-?mail )?(?:address|mailbox|contact)|no longer (?:with|works|working|in charge|responsible)|has left (?:the|our) company|will be (?:your|the) (?:new )?contact|takes? over from`)),
  cue('contact_change', 3, w(String.raw`ab sofort|künftig|zukünftig|neue (?:e-mail-)?(?:adresse|ansprechpartner\p{L}*|kontakt\p{L}*)|nicht mehr (?:im unternehmen|zuständig|bei uns)|hat (?:das unternehmen|uns) verlassen|übernimmt`)),
];

const NEGATION = /\b(not|n't|never|nicht|kein\p{L}*)\b/iu;

const REASONS: ReadonlyArray<{ code: DisputeReasonCode; pattern: RegExp }> = [
  { code: 'duplicate_billing', pattern: new RegExp(w(String.raw`(?:charged|billed|invoiced) (?:us )?twice|duplicate (?:invoice|billing|charge)|double[- ]billed|billed (?:it )?again|doppelt\p{L}*|zweimal (?:berechnet|in rechnung)|doppelberechnung`), 'iu') },
  { code: 'already_paid', pattern: new RegExp(w(String.raw`already paid|bereits bezahlt|schon bezahlt|bereits beglichen`), 'iu') },
  { code: 'damaged', pattern: new RegExp(w(String.raw`damaged|broken|defective|beschädigt|defekt|kaputt|zerbrochen|transportschaden`), 'iu') },
  { code: 'not_received', pattern: new RegExp(w(String.raw`(?:never|not) (?:been )?(?:received|delivered|arrived)(?! (?:the|your|this) invoice)|nicht (?:erhalten|geliefert|angekommen)|nie angekommen|keine lieferung`), 'iu') },
  { code: 'price', pattern: new RegExp(w(String.raw`unit prices?|prices?|pricing|rate|discount|overcharged|quote|contract price|preis\p{L}*|rabatt|angebot|zu viel berechnet|konditionen`), 'iu') },
  { code: 'quantity', pattern: new RegExp(w(String.raw`quantit(?:y|ies)|short[- ]?(?:shipped|delivered|delivery)|only (?:received|got|delivered) \d+|missing|menge\p{L}*|stückzahl|zu wenig|nur \d+|fehl(?:en|t|ende)`), 'iu') },
];

export interface CueHit extends Span {
  kind: ActionKind;
  weight: number;
}

/** Every cue in the text; a promise cue that is negated counts as a dispute cue of weight 1. */
export function findCues(text: string): CueHit[] {
  const hits: CueHit[] = [];
  for (const c of CUES) {
    for (const m of text.matchAll(c.pattern)) {
      const span = { start: m.index, end: m.index + m[0].length, text: m[0] };
      const negated = c.kind === 'promise_to_pay' && NEGATION.test(m[0]);
      hits.push(negated ? { ...span, kind: 'dispute', weight: 1 } : { ...span, kind: c.kind, weight: c.weight });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** The first reason category the text names (in the order above), or 'other'. */
export function findReason(text: string): { code: DisputeReasonCode; span: Span | null } {
  for (const r of REASONS) {
    const m = r.pattern.exec(text);
    if (m) return { code: r.code, span: { start: m.index, end: m.index + m[0].length, text: m[0] } };
  }
  return { code: 'other', span: null };
}
