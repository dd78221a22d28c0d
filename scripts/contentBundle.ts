/**
 * Each site's content script (entrypoints/<site>.content.ts) as one minified IIFE, bundled
 * in-process with esbuild (no `wxt build`): its gzip size and the files it holds. Shared by the
 * size test (tests/unit/content/bundle.test.ts) and `npm run bench`. WXT's runtime and `#i18n`
 * stay external, so this is the page's own code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Site } from '../lib/schemas/primitives';
import { SITES } from '../lib/sites/registry';

/**
 * Each site's ceiling in gzip bytes: issue 19's 30 kB. zod/mini and the page-only protocol took the
 * one script for both sites from 60 kB to 37 kB, one script per site and a hand-written page end of
 * the messaging wire to 30.5 kB (X) and 32.8 kB (Facebook); the reply editor and sent watch moving
 * to an editor script the background injects on demand (entrypoints/<site>-editor.ts), and
 * Facebook's date words being read in the background (lib/sites/postTime.ts), to about 28.0 kB and
 * 28.6 kB here (the real build comes out about 0.5 kB smaller). Grown back to 29.6 / 29.9 kB, the page
 * stopped loading the schemas of what it sends (lib/pageAnswers.ts; the background parses those)
 * and the code that finds the reply box moved to the editor side: 27.6 kB each.
 */
export const CONTENT_GZIP_BUDGET = 30_000;

const ROOT = resolve(import.meta.dirname, '..');

export interface ContentBundle {
  rawBytes: number;
  gzipBytes: number;
  /** The minified script. */
  text: string;
  /** Files bundled, relative to the project root, with their bytes in the output. */
  inputs: string[];
  bytesByInput: Record<string, number>;
}

/** The entrypoint of a site's content script; WXT builds it to `content-scripts/<site>.js`. */
export const contentEntrypoint = (site: Site): string => `entrypoints/${site}.content.ts`;

export async function bundleContentScript(site: Site): Promise<ContentBundle> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [contentEntrypoint(site)],
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    metafile: true,
    external: ['wxt/*', '#imports', '#i18n'],
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]?.text ?? '';
  const output = Object.values(result.metafile.outputs)[0];
  const bytesByInput: Record<string, number> = {};
  for (const [file, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) bytesByInput[relative(ROOT, resolve(ROOT, file))] = bytesInOutput;
  return { text, rawBytes: Buffer.byteLength(text), gzipBytes: gzipSync(text, { level: 9 }).length, inputs: Object.keys(bytesByInput), bytesByInput };
}

const BUILT = { chrome: '.output/chrome-mv3', firefox: '.output/firefox-mv2' };

/**
 * `npm run bench`: each site's bundled size, and the built scripts' when a build is there
 * (`<site>BundledGzip`, `<site>ChromeGzip`, `<site>FirefoxGzip`; `bundledGzip` etc.: the largest).
 */
export async function benchContentSize(): Promise<Record<string, number>> {
  const out: Record<string, number> = { budget: CONTENT_GZIP_BUDGET };
  const largest = (key: string, value: number) => {
    out[key] = Math.max(out[key] ?? 0, value);
  };
  for (const { site } of SITES) {
    const bundle = await bundleContentScript(site);
    out[`${site}BundledGzip`] = bundle.gzipBytes;
    largest('bundledGzip', bundle.gzipBytes);
    largest('bundledRaw', bundle.rawBytes);
    for (const [browser, dir] of Object.entries(BUILT)) {
      const path = resolve(ROOT, dir, `content-scripts/${site}.js`);
      if (!existsSync(path)) continue;
      const gzip = gzipSync(readFileSync(path), { level: 9 }).length;
      out[`${site}${browser === 'chrome' ? 'Chrome' : 'Firefox'}Gzip`] = gzip;
      largest(`${browser}Gzip`, gzip);
    }
  }
  return out;
}
