import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** Flattens nested YAML messages into dotted keys, the way i18n.t addresses them. */
function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  }
  return out;
}

const dir = path.resolve('locales');
const load = (file: string) => flatten(parse(readFileSync(path.join(dir, file), 'utf8')));
const en = load('en.yml');

describe('locales', () => {
  it('ship English, Russian and Chinese', () => {
    expect(readdirSync(dir).sort()).toEqual(['en.yml', 'ru.yml', 'zh_CN.yml']);
  });

  it.each(['ru.yml', 'zh_CN.yml'])('%s has exactly the English keys', (file) => {
    const other = load(file);
    expect([...other.keys()].filter((k) => !en.has(k)), 'extra keys').toEqual([]);
    expect([...en.keys()].filter((k) => !other.has(k)), 'missing keys').toEqual([]);
  });

  it.each(['ru.yml', 'zh_CN.yml'])('%s keeps every $n substitution of the English text', (file) => {
    const other = load(file);
    // As a set: plural messages repeat `$1` once per form, and locales have different numbers of forms.
    const subs = (s: string) => [...new Set([...s.matchAll(/\$\d/g)].map((m) => m[0]))].sort();
    const mismatched = [...en].filter(([k, v]) => other.has(k) && subs(v).join() !== subs(other.get(k) ?? '').join());
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });

  // A message left exactly as in English is fine only when it holds names (products, sites,
  // encodings, the demo brand's handles), never words: examples and hints are text too.
  const NAMES = new Set(['Replyline', 'X', 'Facebook', 'Email', 'UTF', 'LE', 'BE', 'acme', 'Acme', 'AcmeHelp']);
  const copiedWords = (other: Map<string, string>): string[] =>
    [...en].filter(([k, v]) => other.get(k) === v).flatMap(([k, v]) => (v.match(/\p{Script=Latin}+/gu) ?? []).filter((w) => !NAMES.has(w)).map((w) => `${k}: ${w}`));

  it.each(['ru.yml', 'zh_CN.yml'])('%s leaves no English words in a message copied from English', (file) => {
    expect(copiedWords(load(file))).toEqual([]);
  });

  it('the copy check catches English words and lets names through', () => {
    const other = new Map([['brands.example.exclusions', en.get('brands.example.exclusions') ?? ''], ['brands.example.handles', en.get('brands.example.handles') ?? '']]);
    expect(copiedWords(other)).toEqual(['brands.example.exclusions: of', 'brands.example.exclusions: perfection']);
  });

  it('has no empty messages', () => {
    for (const file of ['en.yml', 'ru.yml', 'zh_CN.yml']) {
      expect([...load(file)].filter(([, v]) => v.trim() === '').map(([k]) => `${file}:${k}`)).toEqual([]);
    }
  });
});
