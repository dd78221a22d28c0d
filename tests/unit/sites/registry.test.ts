// @vitest-environment happy-dom
/**
 * The site registry is the one list of sites: every entry provides every capability the
 * extension asks of a site, and the manifest, each site's content script and the background derive
 * their URL lists from it (a site added in one place only fails here).
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '@/wxt.config';
import { SITES, SITE_MATCH_PATTERNS, adapterFor } from '@/lib/sites/registry';
import type { SiteAdapter, SiteEditor } from '@/lib/sites/types';
import { SITE_EDITORS, editorScriptFile } from '@/lib/sites/editors';
import { SiteSchema, type Site } from '@/lib/schemas/primitives';

/** The `matches` of a site's own content script (entrypoints/<site>.content.ts); a missing one fails to import. */
async function contentScriptMatches(site: Site): Promise<unknown> {
  const module: unknown = await import(`../../../entrypoints/${site}.content.ts`);
  return Reflect.get(Object(Reflect.get(Object(module), 'default')), 'matches');
}

/** Every member of SiteAdapter and what it must be; a new member must be added here too. */
const CAPABILITIES: Record<keyof SiteAdapter, 'function' | 'string' | 'list' | 'object' | 'boolean'> = {
  site: 'string',
  matches: 'function',
  pageKind: 'function',
  findPostElements: 'function',
  closestPost: 'function',
  extract: 'function',
  peekKey: 'function',
  threadOwner: 'function',
  mentionText: 'function',
  threadOwnerOffPage: 'boolean',
  mayHaveThreads: 'function',
  countCandidates: 'function',
  authorLineAnchor: 'function',
  authorLineEnd: 'function',
  readProfileStats: 'function',
  mayHoldProfileStats: 'function',
  holdsOnlyRows: 'function',
  brandReply: 'function',
  matchPatterns: 'list',
  answeredBy: 'function',
};

/** Every member of SiteEditor (the editor script's side of a site). */
const EDITOR_CAPABILITIES: Record<keyof SiteEditor, 'function' | 'string' | 'list' | 'object'> = {
  site: 'string',
  insertStrategies: 'list',
  sent: 'object',
  replyBoxFor: 'function',
  openReplyBox: 'function',
  postButtonFor: 'function',
};

const kindOf = (value: unknown): string => (Array.isArray(value) ? (value.length > 0 ? 'list' : 'empty list') : typeof value);

/** A page URL a match pattern covers (`https://*.facebook.com/*` → `https://www.facebook.com/x`). */
const sampleUrl = (pattern: string): string => pattern.replace('://*.', '://www.').replace(/\*$/, 'somewhere');

describe('site registry', () => {
  it('lists each site of SiteSchema exactly once', () => {
    expect(SITES.map((s) => s.site).sort()).toEqual([...SiteSchema.options].sort());
  });

  it.each(SITES.map((s) => [s.site, s] as const))('%s provides every capability', (_site, adapter) => {
    const wrong = Object.entries(CAPABILITIES).filter(([key, kind]) => kindOf(Reflect.get(adapter, key)) !== kind);
    expect(wrong.map(([key]) => key)).toEqual([]);
    expect(Object.keys(adapter).filter((key) => !(key in CAPABILITIES))).toEqual([]);
  });

  it.each(SITES.map((s) => [s.site, SITE_EDITORS[s.site]] as const))("%s's editor side provides every capability", (site, editor) => {
    const wrong = Object.entries(EDITOR_CAPABILITIES).filter(([key, kind]) => kindOf(Reflect.get(editor, key)) !== kind);
    expect(wrong.map(([key]) => key)).toEqual([]);
    expect(Object.keys(editor).filter((key) => !(key in EDITOR_CAPABILITIES))).toEqual([]);
    expect(editor.site).toBe(site);
    for (const key of ['confirmation', 'isOurReply', 'staysOnPost'] as const) expect(typeof editor.sent[key], key).toBe('function');
  });

  it.each(SITES.map((s) => [s.site, s] as const))("%s's match patterns cover its pages and no other site's", (site, adapter) => {
    for (const pattern of adapter.matchPatterns) {
      expect(pattern).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
      expect(adapterFor(sampleUrl(pattern))?.site, pattern).toBe(site);
    }
  });

  it("the manifest asks for exactly the registry's hosts", async () => {
    const made = config.manifest;
    const manifest = await (typeof made === 'function' ? made({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' }) : made);
    expect([...(manifest?.host_permissions ?? [])].sort()).toEqual([...SITE_MATCH_PATTERNS].sort());
    expect(SITE_MATCH_PATTERNS.length).toBeGreaterThan(0);
  });

  it.each(SITES.map((s) => [s.site, s] as const))("%s's content script runs on exactly its pages", async (site, adapter) => {
    const matches = await contentScriptMatches(site);
    expect(Array.isArray(matches) ? [...matches].sort() : matches).toEqual([...adapter.matchPatterns].sort());
  });

  it('has one content script per site and no other (each page loads only its own adapter)', () => {
    const dir = resolve(__dirname, '../../../entrypoints');
    const entrypoints = readdirSync(dir).filter((f) => /(^|\.)content\.[jt]sx?$/.test(f));
    expect(entrypoints.sort()).toEqual(SITES.map((s) => `${s.site}.content.ts`).sort());
    // entrypoints/content/ holds the features they share; an index file would make it a third script for every site.
    expect(readdirSync(resolve(dir, 'content')).filter((f) => f.startsWith('index.'))).toEqual([]);
  });

  it('has one editor script per site, which the background injects by its built name', () => {
    const dir = resolve(__dirname, '../../../entrypoints');
    const editors = readdirSync(dir).filter((f) => /-editor\.[jt]sx?$/.test(f));
    expect(editors.sort()).toEqual(SITES.map((s) => `${s.site}-editor.ts`).sort());
    for (const { site } of SITES) expect(editorScriptFile(site)).toBe(`${site}-editor.js`);
  });
});
