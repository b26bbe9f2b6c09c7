// The free-text fields of a proposal: a payment reference, a new contact's address and name, and
// whether a statement (rather than single documents) is asked for.
import type { Span } from './types';

function spanOf(m: RegExpExecArray, group: number): Span {
  const text = m[group]!;
  const start = m.index + m[0].lastIndexOf(text);
  return { start, end: start + text.length, text };
}

const REFERENCE = new RegExp(
  String.raw`(?:reference|ref\.?|referenz|verwendungszweck|zahlungsreferenz|transaction (?:id|number|no\.?)|transfer (?:id|number|no\.?)|remittance advice|zahlungsavis)` +
    String.raw`(?: (?:number|no\.?|nr\.?|is|was|lautet|ist))?\s*[:#]?\s*([A-Z0-9][A-Z0-9\-/._]*\d[A-Z0-9\-/._]*[A-Z0-9]|[A-Z0-9]*\d[A-Z0-9]*)`,
  'iu',
);
const PAYMENT_DOCUMENT = /(?<![\p{L}\p{N}-])((?:PAY|PMT|TRF|TRN|ZAHL)[-_]?\d{3,})(?![\p{L}\p{N}])/u;

/** A payment reference ("reference PAY-88213", "Verwendungszweck: 4711-A"), or a payment number. */
export function findReference(text: string): Span | null {
  const m = REFERENCE.exec(text);
  if (m) return spanOf(m, 1);
  const p = PAYMENT_DOCUMENT.exec(text);
  return p ? spanOf(p, 1) : null;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const THIS_ADDRESS = /(?<![\p{L}])(?:this (?:e-?mail )?(?:address|mailbox)|diese (?:e-mail-)?(?:adresse)|dieser adresse)(?![\p{L}])/iu;

/** The new address: the first one written in the text, else the sender's when it says "this address". */
export function findContactEmail(text: string, from: string): { email: string; span: Span } | null {
  for (const m of text.matchAll(EMAIL)) {
    const email = m[0].replace(/\.$/, '').toLowerCase();
    return { email, span: { start: m.index, end: m.index + email.length, text: m[0].slice(0, email.length) } };
  }
  const m = THIS_ADDRESS.exec(text);
  return m && from ? { email: from.toLowerCase(), span: { start: m.index, end: m.index + m[0].length, text: m[0] } } : null;
}

const NAME = String.raw`((?:Mr\.? |Mrs\.? |Ms\.? |Herr |Frau )?\p{Lu}\p{Ll}+(?:[- ]\p{Lu}\p{Ll}+){1,2})`;
const NAME_CUES: readonly RegExp[] = [
  new RegExp(String.raw`(?:[Cc]ontact|[Cc]ontact person|[Aa]nsprechpartner(?:in)?|[Kk]ontakt)(?: for (?:invoices|payments|accounts payable))?(?: is| will be| ist| wird)?(?: now| from now on| jetzt| ab sofort| künftig)?:? ${NAME}`, 'u'),
  new RegExp(String.raw`${NAME}(?: \([^)]*\))? (?:will take over|takes over|has taken over|is taking over|übernimmt|wird (?:künftig |ab sofort )?(?:ihr|ihre|Ihr|Ihre) )`, 'u'),
  new RegExp(String.raw`(?:to|an) ${NAME} \(?[A-Za-z0-9._%+-]+@`, 'u'),
];

/** A new contact's name when the text introduces one ("our new contact is Anna Weber"). */
export function findContactName(text: string): Span | null {
  for (const pattern of NAME_CUES) {
    const m = pattern.exec(text);
    if (m) return spanOf(m, 1);
  }
  return null;
}

const STATEMENT = /(?<![\p{L}])(?:(?:account )?statement|list of (?:the )?open items|open items list|balance confirmation|account overview|kontoauszug|saldenbestätigung|saldenliste|offene[- ]posten(?:[- ]liste)?|kontenübersicht)(?![\p{L}])/iu;

/** A statement of account is asked for (rather than, or beside, single documents). */
export function findStatement(text: string): Span | null {
  const m = STATEMENT.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length, text: m[0] } : null;
}
