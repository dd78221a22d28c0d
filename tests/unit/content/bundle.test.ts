/**
 * Each site's content script runs in every tab of its site: what it weighs is parsed on every page
 * load. Bundles entrypoints/<site>.content.ts in-process (esbuild, minified, as an IIFE like the
 * real build) and checks what it holds and its gzip size. WXT's own runtime and the i18n helper
 * stay out of this bundle; the real build came out 0.3–0.4 kB smaller than this one when
 * measured (rolldown).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Site } from '@/lib/schemas/primitives';
import { SITES } from '@/lib/sites/registry';
import { CONTENT_GZIP_BUDGET, bundleContentScript, type ContentBundle } from '../../../scripts/contentBundle';

const bundles = new Map<Site, ContentBundle>();
const bundleOf = (site: Site): ContentBundle => {
  const bundle = bundles.get(site);
  if (!bundle) throw new Error(`${site} was not bundled`);
  return bundle;
};
const sites = SITES.map((s) => s.site);

beforeAll(async () => {
  for (const site of sites) bundles.set(site, await bundleContentScript(site));
}, 60_000);

describe.each(sites)('%s content script bundle', (site) => {
  it('bundles the real entry', () => {
    expect(bundleOf(site).inputs).toContain('entrypoints/content/scanner.ts');
    expect(bundleOf(site).inputs).toContain('lib/pageAnswers.ts');
  });

  it('parses only what it receives: no message inputs, no post or reply schemas, no URL parser', () => {
    // The background parses what the page sends; these stay in its bundle and the editor script's.
    const { inputs } = bundleOf(site);
    expect(inputs.filter((f) => /^lib\/(pageMessages\.ts|schemas\/(posts|replies)\.ts)$/.test(f))).toEqual([]);
    expect(readFileSync(resolve(__dirname, '../../..', 'node_modules/zod/v4/core/schemas.js'), 'utf8')).toContain('$ZodURL');
    expect(bundleOf(site).text).not.toContain('$ZodURL');
  });

  it("holds its own site's adapter and no other site's", () => {
    const siteFolders = new Set(bundleOf(site).inputs.flatMap((f) => /^lib\/sites\/([^/]+)\//.exec(f)?.[1] ?? []));
    expect([...siteFolders]).toEqual([site]);
  });

  it('carries zod/mini only: no classic Zod, no locales', () => {
    const { inputs } = bundleOf(site);
    expect(inputs.filter((f) => f.includes('node_modules/zod/v4/core/'))).not.toEqual([]);
    expect(inputs.filter((f) => /node_modules\/zod\/(v4\/classic|v4\/locales|v3)\//.test(f))).toEqual([]);
  });

  it('leaves the reply editor (finding it too), the sent watch and date parsing to the editor script and the background', () => {
    const { inputs, bytesByInput } = bundleOf(site);
    expect(inputs.filter((f) => /^lib\/dom\/wait\.ts$|^lib\/editor\/(insert|strategies|clipboard)\.ts$|^entrypoints\/content\/(reply|editorScript)\.ts$|^lib\/sites\/[^/]+\/(editor|sent|time)\.ts$/.test(f))).toEqual([]);
    // sent.ts stays for the answered watch (brand replies sent from anywhere); its sent watch does not.
    expect(bytesByInput['entrypoints/content/sent.ts'] ?? 0).toBeLessThan(1000);
  });

  it("holds none of the panel's protocol or schemas, nor the background's messaging library", () => {
    const panelOnly = /^lib\/(messages\.ts|team\/|db\/|triage\/|review\/|schemas\/(settings|queue|customers|templates|review)\.ts)|^node_modules\/@webext-core\//;
    expect(bundleOf(site).inputs.filter((f) => panelOnly.test(f))).toEqual([]);
  });

  it(`stays within ${CONTENT_GZIP_BUDGET} bytes gzipped`, () => {
    expect(bundleOf(site).gzipBytes).toBeGreaterThan(10_000);
    expect(bundleOf(site).gzipBytes).toBeLessThanOrEqual(CONTENT_GZIP_BUDGET);
  });
});

describe('the bundle checks', () => {
  it('the check sees classic Zod when a module pulls it in (so the walk would notice)', async () => {
    const result = await build({
      stdin: { contents: "import { z } from 'zod'; console.log(z.string().parse('x'));", resolveDir: resolve(__dirname, '../../..'), loader: 'ts' },
      bundle: true,
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const seen = Object.keys((Object.values(result.metafile.outputs)[0] as Metafile['outputs'][string]).inputs);
    expect(seen.some((f) => f.includes('node_modules/zod/v4/classic/'))).toBe(true);
    expect(gzipSync(result.outputFiles[0]?.text ?? '').length).toBeGreaterThan(CONTENT_GZIP_BUDGET / 4);
  });
});
