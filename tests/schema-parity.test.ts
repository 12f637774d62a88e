/**
 * Keeps the admin-facing policy surfaces in lockstep: `public/managed_schema.json`, the `Policy`
 * type (`POLICY_DEFAULTS` / `POLICY_KEYS`), every sample policy under docs/policies/ (the same
 * files the end-to-end tests deploy) and the Group Policy templates in docs/policies/admx/ (written
 * from the schema by `npm run admx`). Adding a policy key means touching all of them; every check
 * here walks the schema's keys, so a new key is checked without editing this file.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicy, POLICY_DEFAULTS, POLICY_KEYS } from '@/components/core/policy/policy';
import { renderTemplates, type SchemaProperty as TemplateProperty } from '@/scripts/admx';

const ROOT = path.resolve(__dirname, '..');
const CHROME_ID = 'nnlcbcdhgclnjnneohgonnciomnldjmb';
const FIREFOX_ID = 'kban@kban.dev';
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

interface SchemaProperty {
  title?: string;
  description?: string;
  type?: string;
}
const schema = JSON.parse(read('public/managed_schema.json')) as { type: string; properties: Record<string, SchemaProperty> };

/** Reads the values under one registry key of a .reg file (strings and dwords only). */
function parseRegKey(text: string, keySuffix: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  let inKey = false;
  for (const line of text.split(/\r?\n/)) {
    const header = /^\[(.+)\]$/.exec(line.trim());
    if (header) {
      inKey = header[1]!.endsWith(keySuffix);
      continue;
    }
    if (!inKey) continue;
    const string = /^"([^"]+)"="((?:[^"\\]|\\.)*)"$/.exec(line.trim());
    const dword = /^"([^"]+)"=dword:([0-9a-f]{8})$/i.exec(line.trim());
    if (string) values[string[1]!] = string[2]!.replace(/\\(.)/g, '$1');
    else if (dword) values[dword[1]!] = Number.parseInt(dword[2]!, 16);
  }
  return values;
}

/** Reads the key/value pairs of the payload whose PayloadType is `payloadType` in a .mobileconfig plist. */
function parsePlistPayload(text: string, payloadType: string): Record<string, unknown> {
  const dicts = text.split('<dict>').slice(1);
  const payload = dicts.find((dict) => dict.includes(`<string>${payloadType}</string>`));
  if (!payload) return {};
  const values: Record<string, unknown> = {};
  const pair = /<key>([^<]+)<\/key>\s*(<string>([^<]*)<\/string>|<integer>(-?\d+)<\/integer>|<(true|false)\/>)/g;
  for (const match of payload.split('</dict>')[0]!.matchAll(pair)) {
    if (match[1]!.startsWith('Payload')) continue;
    values[match[1]!] = match[3] ?? (match[4] !== undefined ? Number(match[4]) : match[5] === 'true');
  }
  return values;
}

/** Converts registry dwords back to booleans where the schema says boolean (as Chrome and Edge do). */
function fromRegistry(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, schema.properties[key]?.type === 'boolean' ? value === 1 : value]),
  );
}

const SAMPLES: Array<[string, () => Record<string, unknown>]> = [
  ['docs/policies/chrome-linux.json', () => JSON.parse(read('docs/policies/chrome-linux.json'))['3rdparty'].extensions[CHROME_ID]],
  ['docs/policies/firefox-policies.json', () => JSON.parse(read('docs/policies/firefox-policies.json')).policies['3rdparty'].Extensions[FIREFOX_ID]],
  [
    'docs/policies/google-admin-console.json',
    () => Object.fromEntries(Object.entries(JSON.parse(read('docs/policies/google-admin-console.json')) as Record<string, { Value: unknown }>).map(([key, value]) => [key, value.Value])),
  ],
  ['docs/policies/chrome-windows.reg', () => fromRegistry(parseRegKey(read('docs/policies/chrome-windows.reg'), `Google\\Chrome\\3rdparty\\extensions\\${CHROME_ID}\\policy`))],
  ['docs/policies/edge-windows.reg', () => fromRegistry(parseRegKey(read('docs/policies/edge-windows.reg'), `Microsoft\\Edge\\3rdparty\\extensions\\${CHROME_ID}\\policy`))],
  ['docs/policies/chrome-macos.mobileconfig', () => parsePlistPayload(read('docs/policies/chrome-macos.mobileconfig'), `com.google.Chrome.extensions.${CHROME_ID}`)],
];

describe('managed_schema.json', () => {
  it('has exactly the Policy keys, in the same order', () => {
    expect(Object.keys(schema.properties), 'add or remove the key in components/core/policy/policy.ts and public/managed_schema.json together').toEqual(POLICY_KEYS);
    expect(Object.keys(POLICY_DEFAULTS).sort()).toEqual([...POLICY_KEYS].sort());
  });

  it.each(POLICY_KEYS.map((key) => [key]))('%s has a title, an admin-facing description and the right type', (key) => {
    const property = schema.properties[key]!;
    expect(property.title?.length, `${key}: give it a title (Chrome and Edge show it on chrome://policy)`).toBeGreaterThan(5);
    expect(property.description?.length, `${key}: describe it for admins (what each value does, the default)`).toBeGreaterThan(40);
    const value = POLICY_DEFAULTS[key];
    const expected = typeof value === 'number' ? 'integer' : typeof value;
    expect(property.type, `${key}: schema type must match POLICY_DEFAULTS`).toBe(expected);
  });

  it('uses only schema attributes Chromium understands, and no enum (invalid values must reach the options page)', () => {
    for (const [key, property] of Object.entries(schema.properties)) {
      expect(Object.keys(property).every((attribute) => ['title', 'description', 'type'].includes(attribute)), `${key}: Chromium drops values that fail enum/minimum checks silently; validate in parsePolicy instead`).toBe(true);
    }
  });
});

describe('sample policies (docs/policies, also deployed by the e2e tests)', () => {
  it('covers every file in docs/policies', () => {
    expect(readdirSync(path.join(ROOT, 'docs/policies')).sort()).toEqual([...SAMPLES.map(([file]) => path.basename(file)), 'admx'].sort());
  });

  it.each(SAMPLES)('%s sets every key, all valid', (_file, load) => {
    const values = load();
    expect(Object.keys(values).sort(), 'a sample shows admins every key: add the missing ones').toEqual([...POLICY_KEYS].sort());
    expect(parsePolicy(values).problems, 'the sample must parse without problems').toEqual([]);
  });

  it.each(SAMPLES.slice(1))('%s agrees with chrome-linux.json', (_file, load) => {
    expect(load()).toEqual(SAMPLES[0]![1]());
  });

  it('force-installs the release ids', () => {
    expect(JSON.parse(read('docs/policies/chrome-linux.json')).ExtensionSettings[CHROME_ID].installation_mode).toBe('force_installed');
    expect(JSON.parse(read('docs/policies/firefox-policies.json')).policies.ExtensionSettings[FIREFOX_ID].installation_mode).toBe('force_installed');
    for (const file of ['chrome-windows.reg', 'edge-windows.reg', 'chrome-macos.mobileconfig']) {
      expect(read(`docs/policies/${file}`), `${file} must force-install ${CHROME_ID}`).toContain(`${CHROME_ID};https://`);
    }
    expect(read('wxt.config.ts'), 'the docs id must be the one the manifest key gives').toContain(CHROME_ID);
    expect(read('wxt.config.ts')).toContain(FIREFOX_ID);
  });
});

describe('Group Policy templates (docs/policies/admx: kban.admx, en-US and es-ES kban.adml)', () => {
  const ADMX_DIR = 'docs/policies/admx';
  const admx = read(`${ADMX_DIR}/kban.admx`);
  const adml = { en: read(`${ADMX_DIR}/en-US/kban.adml`), es: read(`${ADMX_DIR}/es-ES/kban.adml`) };
  const REGISTRY_KEYS = {
    chrome: `Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${CHROME_ID}\\policy`,
    edge: `Software\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${CHROME_ID}\\policy`,
  };
  const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  /** Every <policy> of the ADMX: its attributes, and what it writes (value name → registry type). */
  const policies = admx.split('<policy ').slice(1).map((chunk) => {
    const body = chunk.slice(0, chunk.indexOf('</policy>'));
    const tag = `<policy ${body.slice(0, body.indexOf('>') + 1)}`;
    const writes: Record<string, 'dword' | 'string'> = {};
    const own = attribute(tag, 'valueName');
    if (own) writes[own] = /<enabledValue><decimal value="1" \/><\/enabledValue>/.test(body) && /<disabledValue><decimal value="0" \/><\/disabledValue>/.test(body) ? 'dword' : 'string';
    for (const element of body.matchAll(/<(text|enum|decimal) id="[^"]*"[^>]*>/g)) writes[attribute(element[0], 'valueName')!] = element[1] === 'decimal' ? 'dword' : 'string';
    const enumValues = [...body.matchAll(/<string>([^<]*)<\/string>/g)].map((match) => match[1]!);
    return { name: attribute(tag, 'name')!, key: attribute(tag, 'key')!, writes, enumValues };
  });
  const strings = (text: string) => Object.fromEntries([...text.matchAll(/<string id="([^"]+)">([^<]*)<\/string>/g)].map((match) => [match[1]!, match[2]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')]));
  const presentations = (text: string) => [...text.matchAll(/<presentation id="([^"]+)">/g)].map((match) => match[1]!);

  it('are what `npm run admx` writes from public/managed_schema.json', () => {
    const rendered = renderTemplates(schema.properties as Record<string, TemplateProperty>);
    for (const [file, text] of Object.entries(rendered)) expect(read(`${ADMX_DIR}/${file}`), `${ADMX_DIR}/${file} is out of date: run npm run admx`).toBe(text);
  });

  it.each(Object.entries(REGISTRY_KEYS))('%s: every schema key is one policy under the 3rdparty key, with the schema type', (browser, registryKey) => {
    const forBrowser = policies.filter((policy) => policy.key === registryKey);
    expect(forBrowser.length, `no policy writes ${registryKey}`).toBeGreaterThan(0);
    for (const policy of policies.filter((candidate) => candidate.name.startsWith(`${browser}_`))) expect(policy.key, `${policy.name} must write under ${registryKey}`).toBe(registryKey);
    const written = Object.assign({}, ...forBrowser.map((policy) => policy.writes)) as Record<string, string>;
    expect(Object.keys(written).sort(), 'the ADMX must write exactly the schema keys').toEqual(Object.keys(schema.properties).sort());
    for (const [key, property] of Object.entries(schema.properties)) {
      // Chrome and Edge convert REG_DWORD to the schema's boolean or integer, and read REG_SZ as strings.
      expect(written[key], `${key}: a schema ${property.type} must be written as ${property.type === 'string' ? 'REG_SZ' : 'REG_DWORD'}`).toBe(property.type === 'string' ? 'string' : 'dword');
    }
  });

  it('offers only values kban accepts in its drop-down lists', () => {
    for (const policy of policies) {
      for (const value of policy.enumValues) {
        const [key] = Object.keys(policy.writes);
        expect(parsePolicy({ [key!]: value }).problems, `${policy.name}: "${value}" is not a valid ${key}`).toEqual([]);
      }
    }
  });

  it.each(['en', 'es'] as const)('the %s ADML has every string and presentation the ADMX names', (language) => {
    const table = strings(adml[language]);
    const wanted = [...admx.matchAll(/\$\(string\.([^)]+)\)/g)].map((match) => match[1]!);
    for (const id of wanted) expect(table[id], `${language}: no string "${id}"`).toMatch(/\S/);
    const presented = presentations(adml[language]);
    for (const match of admx.matchAll(/\$\(presentation\.([^)]+)\)/g)) expect(presented, `${language}: no presentation "${match[1]}"`).toContain(match[1]);
  });

  it('English texts are the schema\'s; Spanish texts are translated', () => {
    const en = strings(adml.en);
    const es = strings(adml.es);
    for (const [key, property] of Object.entries(schema.properties)) {
      expect(en[key], `${key}: the English title is the schema's`).toBe(property.title);
      expect(en[`${key}_Explain`]?.startsWith(property.description!), `${key}: the English explanation is the schema's description`).toBe(true);
      expect(es[key], `${key}: Spanish title`).toMatch(/\S/);
      expect(es[key], `${key}: the Spanish title must be translated`).not.toBe(en[key]);
      expect(es[`${key}_Explain`], `${key}: the Spanish explanation must be translated`).not.toBe(en[`${key}_Explain`]);
    }
  });
});
