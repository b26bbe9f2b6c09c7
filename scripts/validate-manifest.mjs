// Validates an Office add-in XML manifest offline: against Microsoft's XSDs (OfficeAppManifestV1_1.xsd
// and its imports, in tests/fixtures/office-addin-manifest) with libxml2 compiled to WebAssembly, and
// refuses every non-HTTPS URL it declares. usage: validate-manifest.mjs [FILE] (default manifest.xml);
// exit 0 with one 'valid' line, 1 with the reasons. Also imported by webpack.config.js for the build.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

const SCHEMA_DIR = fileURLToPath(new URL('../tests/fixtures/office-addin-manifest/', import.meta.url));
const MAIN_SCHEMA = 'OfficeAppManifestV1_1.xsd';

const schemaFile = (fileName) => ({ fileName, contents: readFileSync(path.join(SCHEMA_DIR, fileName), 'utf8') });

// AppSource and Outlook refuse plain-HTTP locations; localhost is no exception.
const INSECURE_URL = /(?:DefaultValue|Override Locale="[^"]*" Value)="http:\/\/[^"]*"/g;

/** @param {string} xml @returns {string[]} each plain-HTTP URL as `line:match` */
function insecureUrls(xml) {
  return xml.split('\n').flatMap((line, i) => [...line.matchAll(INSECURE_URL)].map((m) => `${i + 1}:${m[0]}`));
}

/**
 * @param {string} xml the manifest's text
 * @param {string} fileName how the reasons name it
 * @returns {Promise<string[]>} why the manifest is refused; empty when it is valid
 */
export async function manifestProblems(xml, fileName) {
  // The imported XSDs are found by the file names their xs:import elements give, in the same folder.
  const imports = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.xsd') && f !== MAIN_SCHEMA);
  const result = await validateXML({
    xml: [{ fileName: path.basename(fileName), contents: xml }],
    schema: [schemaFile(MAIN_SCHEMA)],
    preload: imports.map(schemaFile),
  });
  const problems = result.errors.map((e) => e.rawMessage);
  const insecure = insecureUrls(xml);
  if (insecure.length > 0) problems.push('non-HTTPS URLs:', ...insecure);
  return problems;
}

async function main(file = 'manifest.xml') {
  if (!existsSync(file)) {
    console.error(`validate-manifest: no such file: ${file}`);
    return 1;
  }
  const problems = await manifestProblems(readFileSync(file, 'utf8'), file);
  if (problems.length > 0) {
    console.error(`validate-manifest: ${file} is invalid:\n${problems.join('\n')}`);
    return 1;
  }
  console.log(`validate-manifest: ${file} is valid against the Office add-in manifest XSDs`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv[2]);
}
