// Set-up noise a new user meets first (issue 13, points 20 and 22): `npm ci` warns about no package
// on any Node version package.json names, and the README's configuration table is one table.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const packageJson = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

type Version = [number, number, number];
const version = (text: string): Version => {
  const [major = 0, minor = 0, patch = 0] = text.replace(/^v/, '').split('.').map(Number);
  return [major, minor, patch];
};
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Whether `v` meets an npm engines range of the forms package-lock.json holds (>=, >, ^, ~, x.y.z, a || b). */
function admits(range: string, v: Version): boolean {
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/([<>=^~]+)\s+/g, '$1')
      .split(/\s+/)
      .every((part) => {
        const [, op = '', bound = ''] = /^([<>=^~]*)(.*)$/.exec(part)!;
        if (bound === '' || bound === '*') return true;
        const b = version(bound);
        const parts = bound.replace(/^v/, '').split('.').length;
        if (op === '>=') return compare(v, b) >= 0;
        if (op === '>') return compare(v, b) > 0;
        if (op === '<') return compare(v, b) < 0;
        if (op === '<=') return compare(v, b) <= 0;
        if (op === '^') return v[0] === b[0] && compare(v, b) >= 0;
        if (op === '~') return v[0] === b[0] && v[1] === b[1] && compare(v, b) >= 0;
        return v[0] === b[0] && (parts < 2 || v[1] === b[1]) && (parts < 3 || v[2] === b[2]);
      }),
  );
}

describe('set-up', () => {
  it('names Node versions every installed package supports (no EBADENGINE warning from npm ci)', () => {
    const lowest = packageJson.engines.node.split('||').map((range) => version(range.trim().replace(/^[\^~>=]+/, '')));
    expect(lowest.map((v) => v[0])).toEqual(expect.arrayContaining([20, 22, 24]));
    const refused = Object.entries(lock.packages).flatMap(([name, pkg]) => {
      const range = Array.isArray(pkg.engines) ? undefined : pkg.engines?.node;
      return range ? lowest.filter((v) => !admits(range, v)).map((v) => `${name}@${pkg.version} wants node ${range}, not ${v.join('.')}`) : [];
    });
    expect(refused).toEqual([]);
  });

  it('keeps the README configuration table in one piece', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'));
    const start = section.indexOf('| variable |');
    const table = section.slice(start).split('\n\n')[0]!.split('\n');
    expect(table.every((line) => line.startsWith('|'))).toBe(true);
    expect(table.some((line) => line.startsWith('| `PORT`'))).toBe(true);
    expect(table.some((line) => line.startsWith('| `LETTER_COMPANY_NAME`'))).toBe(true);
  });
});
