// The email-ready HTML statement: an Eta layout in the letters' look over the statement view.
// autoEscape is on and the view holds only plain text, so no customer text can inject markup.
import { readFileSync } from 'node:fs';
import { Eta } from 'eta';
import type { StatementView } from './view';

const eta = new Eta({ autoEscape: true, autoTrim: false, useWith: false, cache: false });
const layout = eta.compile(readFileSync(new URL('./statement.eta', import.meta.url), 'utf8'));

export function renderStatementHtml(view: StatementView): string {
  return eta.render(layout, view);
}
