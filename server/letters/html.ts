// The email-ready HTML letter: our own Eta layout (tables and inline CSS, which Outlook renders) over
// the letter view. autoEscape is on and the view holds only plain text, so no customer or template
// text can inject markup; templates from the API never reach Eta.
import { readFileSync } from 'node:fs';
import { Eta } from 'eta';
import type { LetterView } from './view';

const eta = new Eta({ autoEscape: true, autoTrim: false, useWith: false, cache: false });
const layout = eta.compile(readFileSync(new URL('./letter.eta', import.meta.url), 'utf8'));

export function renderLetterHtml(view: LetterView): string {
  return eta.render(layout, view);
}
