/** English messages the way chrome.i18n serves them, for tests of code that calls `i18n.t`. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** `a.b.c` is message `a_b_c`; `$n` is substituted. */
export function englishGetMessage(): (name: string, subs?: string | string[]) => string {
  const flat = new Map<string, string>();
  const walk = (node: unknown, prefix: string): void => {
    if (typeof node === 'string') flat.set(prefix, node);
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}_${k}` : k);
  };
  walk(parse(readFileSync(path.resolve('locales/en.yml'), 'utf8')), '');
  return (name, subs) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (flat.get(name) ?? '').replace(/\$(\d)/g, (_m, n: string) => list[Number(n) - 1] ?? '');
  };
}

/** Flat `a.b.c` → message map of one locale file (en, ru, zh_CN). */
export function catalogue(locale: string): Map<string, string> {
  const flat = new Map<string, string>();
  const walk = (node: unknown, prefix: string): void => {
    if (typeof node === 'string') flat.set(prefix, node);
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
  };
  walk(parse(readFileSync(path.resolve(`locales/${locale}.yml`), 'utf8')), '');
  return flat;
}

/** `getMessage` serving one locale's catalogue, the way chrome.i18n does for that UI language. */
export function localeGetMessage(locale: string): (name: string, subs?: string | string[]) => string {
  const byName = new Map([...catalogue(locale)].map(([k, v]) => [k.replaceAll('.', '_'), v]));
  return (name, subs) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (byName.get(name) ?? '').replace(/\$(\d)/g, (_m, n: string) => list[Number(n) - 1] ?? '');
  };
}
