// The add-in manifest: valid against Microsoft's XSDs as committed and as generated for a
// production origin, with every URL derived from that one origin and no localhost left behind; and
// the validator (`npm run validate:manifest`) refuses a manifest Outlook would not load.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildManifest, parseAddinOrigin } from '../../scripts/manifest-origin.mjs';

const repo = path.resolve(import.meta.dirname, '../..');
const validator = path.join(repo, 'scripts/validate-manifest.mjs');
const PROD = 'https://collections.contoso.example';
const work = mkdtempSync(path.join(tmpdir(), 'manifest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function validate(file: string): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync(process.execPath, [validator, file], { cwd: repo, encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

/** Writes a variant of the committed manifest and validates it. */
function validateVariant(name: string, edit: (xml: string) => string): { ok: boolean; output: string } {
  const xml = readFileSync(path.join(repo, 'manifest.xml'), 'utf8');
  const edited = edit(xml);
  expect(edited).not.toBe(xml);
  const file = path.join(work, name);
  writeFileSync(file, edited);
  return validate(file);
}

const urlsOf = (xml: string) => [...xml.matchAll(/(?:DefaultValue="|<AppDomain>)(https?:\/\/[^"<]+)/g)].map((m) => m[1]!);

describe('manifest.xml', () => {
  it('validates as committed (development origin https://localhost:3000)', () => {
    const result = validate(path.join(repo, 'manifest.xml'));
    expect(result.output).toContain('valid');
    expect(result.ok).toBe(true);
  });

  it('validates when generated for a production origin, and names no localhost', () => {
    const xml = buildManifest(PROD);
    const file = path.join(work, 'manifest.xml');
    writeFileSync(file, xml);
    expect(validate(file).ok).toBe(true);
    expect(xml).not.toMatch(/localhost/i);
    const ours = urlsOf(xml).filter((u) => !/microsoft(online)?\.com/.test(u));
    expect(ours.length).toBeGreaterThan(5);
    for (const url of ours) expect(url.startsWith(PROD)).toBe(true);
  });

  it('declares a pinnable read pane (Mailbox 1.5), a compose button and the store icon sizes', () => {
    const xml = readFileSync(path.join(repo, 'manifest.xml'), 'utf8');
    const v11 = xml.slice(xml.indexOf('xsi:type="VersionOverridesV1_1"'));
    expect(v11).toMatch(/<bt:Sets DefaultMinVersion="1.5">/);
    expect(v11).toMatch(/MessageReadCommandSurface[\s\S]*<SupportsPinning>true<\/SupportsPinning>[\s\S]*MessageComposeCommandSurface/);
    for (const size of [16, 32, 64, 80, 128]) {
      expect(xml).toContain(`/assets/icon-${size}.png`);
      const png = readFileSync(path.join(repo, 'assets', `icon-${size}.png`));
      // PNG signature, then IHDR width and height.
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('is refused with the reason when it breaks the schema or names a plain-HTTP URL', () => {
    const unknown = validateVariant('unknown-element.xml', (xml) => xml.replace('<SupportsPinning>', '<Pinnable/><SupportsPinning>'));
    expect(unknown.ok).toBe(false);
    expect(unknown.output).toMatch(/Element '\{[^}]+\}Pinnable': This element is not expected/);

    const http = validateVariant('http-url.xml', (xml) => xml.replace('https://localhost:3000/assets/icon-32.png', 'http://localhost:3000/assets/icon-32.png'));
    expect(http.ok).toBe(false);
    expect(http.output).toMatch(/non-HTTPS URLs:\n\d+:DefaultValue="http:\/\/localhost:3000\/assets\/icon-32.png"/);

    const missing = validate(path.join(work, 'absent.xml'));
    expect(missing).toEqual({ ok: false, output: expect.stringContaining('no such file') });
  });

  it('refuses an ADDIN_ORIGIN Outlook would not load', () => {
    expect(() => parseAddinOrigin('http://collections.contoso.example')).toThrow(/https/);
    expect(() => parseAddinOrigin('https://contoso.example/pane')).toThrow(/without a path/);
    expect(() => parseAddinOrigin('not a url')).toThrow(/ADDIN_ORIGIN/);
    expect(parseAddinOrigin(undefined)).toBe('https://localhost:3000');
    expect(parseAddinOrigin('https://contoso.example:8443/')).toBe('https://contoso.example:8443');
  });
});
