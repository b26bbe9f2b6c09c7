// The email-ready HTML letter: our own Eta layout (tables and inline CSS, which Outlook renders) over
// the letter view. autoEscape is on and the view holds only plain text, so no customer or template
// text can inject markup; templates from the API never reach Eta.
import { readFileSync } from 'node:fs';
import { Eta } from 'eta';
import type { LetterView } from './view';

const eta = new Eta({ autoEscape: true, autoTrim: false, useWith: false, cache: false });
const layout = eta.compile(readFileSync(new URL('./letter.eta', import.meta.url), 'utf8'));

// Intl joins the currency code to the number with a no-break space; in a 270 px task pane a large
// amount must be able to put its code on a line of its own (the number itself never breaks).
const CODE_SPACE = /^([A-Z]{3})\u00a0|\u00a0([A-Z]{3})$/;
function breakableAmount(amount: string): string {
  return amount.replace(CODE_SPACE, (_match, before?: string, after?: string) => (before ? `${before} ` : ` ${after}`));
}

export function renderLetterHtml(view: LetterView): string {
  return eta.render(layout, {
    ...view,
    lines: view.lines.map((line) => ({ ...line, amount: breakableAmount(line.amount) })),
    totals: view.totals.map(breakableAmount),
    fee: view.fee === null ? null : breakableAmount(view.fee),
    totalDue: view.totalDue.map(breakableAmount),
  });
}
