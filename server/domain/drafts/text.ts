// What of an email is the customer's own new words: quoted earlier messages, forwarded headers and
// the signature are blanked out (replaced by spaces, line breaks kept), so every offset found in the
// readable text is the same offset in the original body.

/** A line that starts a quoted earlier message: everything from it on is not the customer's new text. */
const QUOTE_HEADERS: readonly RegExp[] = [
  /^\s*On .{3,200}wrote:\s*$/i,
  /^\s*Am .{3,200}schrieb.{0,200}:\s*$/i,
  /^\s*-{2,}\s*(Original Message|Ursprüngliche Nachricht|Forwarded message|Weitergeleitete Nachricht)\s*-{2,}\s*$/i,
  /^\s*(From|Von)\s*:\s*\S.*$/i,
  /^\s*_{10,}\s*$/,
];

/** A line on its own that closes the message: what follows is the signature. */
const SIGN_OFFS: readonly RegExp[] = [
  /^\s*--\s*$/,
  /^\s*((kind|best|warm|many thanks and|with kind)\s+)?regards,?\s*$/i,
  /^\s*(thanks|thank you|many thanks|cheers|sincerely|yours sincerely|yours faithfully|best),?\s*$/i,
  /^\s*(mit )?(freundlichen|besten|vielen|herzlichen|beste|viele|liebe|freundliche)\s+grüßen?,?\s*$/i,
  /^\s*(mfg|vg|lg|gruß|grüße|danke|vielen dank)[,.!]?\s*$/i,
  /^\s*Sent from my .*$/i,
  /^\s*Von meinem .* gesendet\s*$/i,
];

function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

/**
 * The body with everything but the customer's new words blanked out; same length as the body. A
 * quote header or a sign-off ends the new words (a sign-off only after some words, so that a
 * "Thanks," greeting-only line at the very top does not blank the whole message).
 */
export function readableText(body: string): string {
  const lines = body.split('\n');
  const out: string[] = [];
  let ended = false;
  let words = false;
  for (const line of lines) {
    if (!ended && (QUOTE_HEADERS.some((r) => r.test(line)) || (words && SIGN_OFFS.some((r) => r.test(line))))) ended = true;
    if (ended || /^\s*>/.test(line)) {
      out.push(blank(line));
      continue;
    }
    if (/\p{L}{3}/u.test(line) && !/^\s*(hi|hello|dear|hallo|guten tag|sehr geehrte)\b/i.test(line)) words = true;
    out.push(line);
  }
  return out.join('\n');
}
