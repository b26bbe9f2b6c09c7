// The add-in manifest: valid against Microsoft's XSDs as committed and as generated for a
// production origin, with every URL derived from that one origin and no localhost left behind.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildManifest, parseAddinOrigin } from '../../scripts/manifest-origin.mjs';

const repo = path.resolve(import.meta.dirname, '../..');
const validator = path.resolve(repo, '../shared/scripts/validate-manifest.sh');
const PROD = 'https://collections.contoso.example';
const work = mkdtempSync(path.join(tmpdir(), 'manifest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function validate(file: string): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync('bash', [validator, file], { cwd: repo, encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
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

  it('refuses an ADDIN_ORIGIN Outlook would not load', () => {
    expect(() => parseAddinOrigin('http://collections.contoso.example')).toThrow(/https/);
    expect(() => parseAddinOrigin('https://contoso.example/pane')).toThrow(/without a path/);
    expect(() => parseAddinOrigin('not a url')).toThrow(/ADDIN_ORIGIN/);
    expect(parseAddinOrigin(undefined)).toBe('https://localhost:3000');
    expect(parseAddinOrigin('https://contoso.example:8443/')).toBe('https://contoso.example:8443');
  });
});
