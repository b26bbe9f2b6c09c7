// Validates Graph request bodies against tests/fixtures/graph/graph-v1-subset.json (JSON Schemas
// from Graph's v1.0 metadata), the way its README says: Ajv 2020, one schema per request entry.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

interface RequestEntry {
  method: string;
  path: string;
  schema: Record<string, unknown>;
}
interface SchemaDocument {
  requests: RequestEntry[];
  $defs: Record<string, unknown>;
}

export const GRAPH_SCHEMA_PATH = fileURLToPath(new URL('../fixtures/graph/graph-v1-subset.json', import.meta.url));

// ajv-formats is CommonJS: under ESM its function may sit on `default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void;

export class GraphSchemas {
  private readonly doc: SchemaDocument;
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<RequestEntry, ValidateFunction>();

  constructor(path = GRAPH_SCHEMA_PATH) {
    this.doc = JSON.parse(readFileSync(path, 'utf8')) as SchemaDocument;
    this.ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(this.ajv);
  }

  /** Problems with a request body; an empty list means Graph would accept its shape. */
  check(method: string, path: string, body: unknown): string[] {
    const entry = this.doc.requests.find((r) => r.method === method && new RegExp(r.path).test(path));
    if (!entry) return [`${method} ${path} is not a request the product should send (no schema entry)`];
    let validate = this.compiled.get(entry);
    if (!validate) {
      validate = this.ajv.compile({ $defs: this.doc.$defs, ...entry.schema });
      this.compiled.set(entry, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${method} ${path}${e.instancePath}: ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
  }
}
