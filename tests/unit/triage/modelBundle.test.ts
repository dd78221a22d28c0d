/**
 * The complaint model's weights belong to the background only: the content script runs on every
 * post of the page. Walks the content script's static imports (relative and '@/') and fails if any
 * path reaches lib/triage/model or the triage scorer that loads it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveImport(from: string, spec: string): string | undefined {
  const base = spec.startsWith('@/') ? resolve(ROOT, spec.slice(2)) : spec.startsWith('.') ? resolve(dirname(from), spec) : undefined;
  if (!base) return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, resolve(base, 'index.ts')]) {
    if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  }
  return undefined;
}

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop();
    if (!file || seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(IMPORT_RE)) {
      // Type-only imports vanish from the bundle.
      if (/^\s*(?:import|export)\s+type\s/.test(m[0].trimStart())) continue;
      const next = resolveImport(file, m[1] ?? m[2] ?? '');
      if (next) todo.push(next);
    }
  }
  return seen;
}

describe('content script bundle', () => {
  // Every site's content script (entrypoints/<site>.content.ts) starts the same features.
  const entries = readdirSync(resolve(ROOT, 'entrypoints')).filter((f) => f.endsWith('.content.ts'));
  const files = [...new Set(entries.flatMap((entry) => [...reachable(resolve(ROOT, 'entrypoints', entry))]))].map((f) => relative(ROOT, f));

  it('walks a real import graph', () => {
    expect(entries.length).toBeGreaterThan(1);
    expect(files).toContain('entrypoints/content/scanner.ts');
    expect(files.length).toBeGreaterThan(10);
  });

  it('never imports the complaint model', () => {
    expect(files.filter((f) => f.startsWith('lib/triage/model/') || f === 'lib/triage/score.ts')).toEqual([]);
  });

  it('the background does (so the walk would notice)', () => {
    const background = [...reachable(resolve(ROOT, 'entrypoints/background.ts'))].map((f) => relative(ROOT, f));
    expect(background).toContain('lib/triage/model/weights.ts');
  });
});
