/**
 * A reference extension for the pipeline bench: its only content script is the same bare observer
 * that mode B runs as a page script (notice each new post, read its text once), but in an
 * extension's isolated world, as any extension's observer must run. Every DOM object the isolated
 * world touches gets its own wrapper there, so this is the least any extension can do per post;
 * mode D measures it, next to the page-script floor of mode B.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Pages under this path on the bench host get the reference content script. */
export const REFERENCE_PATH = '/bare/';

/** Plain ES2020 (it ships as a file); the function name is what the profiler attributes. */
const CONTENT_SCRIPT = `(() => {
  const SEL = 'article[data-testid="tweet"]';
  const seen = new WeakSet();
  let read = 0;
  let chars = 0;
  let observerMs = 0;
  const root = document.documentElement;
  new MutationObserver(function bareObserver(records) {
    const t0 = performance.now();
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (!(n instanceof Element)) continue;
        const found = n.matches(SEL) ? [n] : n.querySelectorAll(SEL);
        for (const a of found) {
          if (seen.has(a)) continue;
          seen.add(a);
          chars += (a.textContent || '').length;
          read += 1;
        }
      }
    }
    observerMs += performance.now() - t0;
    // The page's bench handle lives in the main world: it reads progress from these attributes.
    root.setAttribute('data-bare-read', String(read));
    root.setAttribute('data-bare-ms', String(observerMs));
  }).observe(document.body, { childList: true, subtree: true });
})();
`;

/** Writes the reference extension under `dir` and returns its path. */
export function writeReferenceExtension(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'Bare observer (bench reference)',
    version: '1.0',
    content_scripts: [{ matches: [`https://bench.invalid${REFERENCE_PATH}*`], js: ['bare.js'], run_at: 'document_idle' }],
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(dir, 'bare.js'), CONTENT_SCRIPT);
  return dir;
}
