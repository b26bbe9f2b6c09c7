// Writes a run's figures: bench/results/<name>.json (one flat object, each figure named with its
// unit) and <name>.md (the same as a Markdown table, then the query plans).
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Figures } from './serve';

export const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

export async function writeResults(name: string, figures: Figures, plans: Record<string, string>): Promise<string[]> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const json = `${RESULTS_DIR}${name}.json`;
  const md = `${RESULTS_DIR}${name}.md`;
  await writeFile(json, `${JSON.stringify(figures, null, 2)}\n`);
  const lines = [`# Benchmark results (${String(figures.run_mode)} run, ${String(figures.run_started_at)})`, '', '| figure | value |', '|---|---|'];
  for (const [key, value] of Object.entries(figures)) lines.push(`| ${key} | ${String(value).replace(/\|/g, '\\|')} |`);
  for (const [title, plan] of Object.entries(plans)) lines.push('', `## Plan: ${title}`, '', '```', plan, '```');
  await writeFile(md, `${lines.join('\n')}\n`);
  return [json, md];
}
