/**
 * Bundles the e2e fixture sites' own code — a real Draft.js reply box (React 18) for the X-like page
 * and a real Lexical comment box for the Facebook-like page — into tests/fixtures/build/ (gitignored).
 * The e2e spec calls `buildEditorFixtures()` in beforeAll, so a fresh clone needs no extra step;
 * `npx tsx scripts/build-editor-fixtures.ts` builds them by hand.
 */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface EditorFixtureBundles {
  xDraft: string;
  fbLexical: string;
}

const ROOT = path.resolve(import.meta.dirname ?? '.', '..');
const SOURCES = { xDraft: 'tests/fixtures/editors/xDraftApp.ts', fbLexical: 'tests/fixtures/editors/fbLexicalApp.ts' } as const;

/** Safe to inline in `<script>`: a literal `</script` or `<!--` in the bundle would end or confuse it. */
export function inlineSafe(js: string): string {
  return js.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
}

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
    // Draft.js needs findDOMNode, which React 19 removed: the fixture site runs React 18.
    alias: { react: 'react18', 'react-dom': 'react-dom18' },
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error(`esbuild produced nothing for ${entry}`);
  return inlineSafe(out.text);
}

export async function buildEditorFixtures(outDir = path.join(ROOT, 'tests/fixtures/build')): Promise<EditorFixtureBundles> {
  const [xDraft, fbLexical] = await Promise.all([bundle(SOURCES.xDraft), bundle(SOURCES.fbLexical)]);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'x-draft.js'), xDraft);
  writeFileSync(path.join(outDir, 'fb-lexical.js'), fbLexical);
  return { xDraft, fbLexical };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  const out = await buildEditorFixtures();
  console.log(`editor fixtures: x-draft ${Math.round(out.xDraft.length / 1024)} KB, fb-lexical ${Math.round(out.fbLexical.length / 1024)} KB in ${Date.now() - started} ms`);
}
