/**
 * A reference extension for the pipeline bench: its only content script is the same bare observer
 * that mode B runs as a page script (notice each new post, read its text once), but in an
 * extension's isolated world, as any extension's observer must run. Every DOM object the isolated
 * world touches gets its own wrapper there, so this is the least any extension can do per post;
 * mode D measures it, next to the page-script floor of mode B. Its second content script is the
 * contract floor (mode F: bare observer + key + mark + plain brand test), the least an extension that
 * honours the test contract can do.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bareObserverSource, contractFloorSource, facebookFloorSource } from './bareObserver';

/** Pages under this path on the bench host get the bare observer as a content script (mode D). */
export const REFERENCE_PATH = '/bare/';
/** Pages under this path get the contract floor as a content script (mode F). */
export const FLOOR_PATH = '/floor/';
/** Pages under this path get the Facebook contract floor as a content script. */
export const FACEBOOK_FLOOR_PATH = '/fbfloor/';

/** Progress goes to attributes the page's bench handle (main world) reads. */
const REPORT = "root.setAttribute('data-bare-read', String(read)); root.setAttribute('data-bare-ms', String(observerMs));";
const contentScript = (observer: string) => `(() => {
  let read = 0;
  let chars = 0;
  let observerMs = 0;
  const root = document.documentElement;
  ${observer}
})();
`;

/** Writes the reference extension under `dir` and returns its path. */
export function writeReferenceExtension(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'Bare observer (bench reference)',
    version: '1.0',
    content_scripts: [
      { matches: [`https://bench.invalid${REFERENCE_PATH}*`], js: ['bare.js'], run_at: 'document_idle' },
      { matches: [`https://bench.invalid${FLOOR_PATH}*`], js: ['floor.js'], run_at: 'document_idle' },
      { matches: [`https://bench.invalid${FACEBOOK_FLOOR_PATH}*`], js: ['fbfloor.js'], run_at: 'document_idle' },
    ],
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(dir, 'bare.js'), contentScript(bareObserverSource(REPORT)));
  writeFileSync(path.join(dir, 'floor.js'), contentScript(contractFloorSource(undefined, REPORT)));
  writeFileSync(path.join(dir, 'fbfloor.js'), contentScript(facebookFloorSource(undefined, REPORT)));
  return dir;
}
