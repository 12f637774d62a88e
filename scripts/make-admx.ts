/**
 * `npm run admx`: writes the Group Policy templates (docs/policies/admx/) from public/managed_schema.json.
 * See scripts/admx.ts.
 * @module
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderTemplates, type SchemaProperty } from './admx';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schema = JSON.parse(readFileSync(path.join(ROOT, 'public/managed_schema.json'), 'utf8')) as { properties: Record<string, SchemaProperty> };
for (const [file, text] of Object.entries(renderTemplates(schema.properties))) {
  const target = path.join(ROOT, 'docs/policies/admx', file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${path.relative(ROOT, target)}`);
}
