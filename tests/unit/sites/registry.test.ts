// @vitest-environment happy-dom
/**
 * The site registry is the one list of sites: every entry provides every capability the
 * extension asks of a site, and the manifest, the content script and the background derive their
 * URL lists from it (a site added in one place only fails here).
 */
import { describe, expect, it } from 'vitest';
import config from '@/wxt.config';
import contentScript from '@/entrypoints/content/index';
import { SITES, SITE_MATCH_PATTERNS, adapterFor } from '@/lib/sites/registry';
import type { SiteAdapter } from '@/lib/sites/types';
import { SiteSchema } from '@/lib/schemas/primitives';

/** Every member of SiteAdapter and what it must be; a new member must be added here too. */
const CAPABILITIES: Record<keyof SiteAdapter, 'function' | 'string' | 'list' | 'object'> = {
  site: 'string',
  matches: 'function',
  pageKind: 'function',
  findPostElements: 'function',
  closestPost: 'function',
  extract: 'function',
  peekKey: 'function',
  threadOwner: 'function',
  mayHaveThreads: 'function',
  countCandidates: 'function',
  authorLineAnchor: 'function',
  readProfileStats: 'function',
  mayHoldProfileStats: 'function',
  findBrandReplies: 'function',
  replyBoxFor: 'function',
  openReplyBox: 'function',
  postButtonFor: 'function',
  matchPatterns: 'list',
  insertStrategies: 'list',
  sent: 'object',
  answeredOnPage: 'function',
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
    for (const key of ['confirmation', 'isOurReply', 'staysOnPost'] as const) expect(typeof adapter.sent[key], key).toBe('function');
  });

  it.each(SITES.map((s) => [s.site, s] as const))("%s's match patterns cover its pages and no other site's", (site, adapter) => {
    for (const pattern of adapter.matchPatterns) {
      expect(pattern).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
      expect(adapterFor(sampleUrl(pattern))?.site, pattern).toBe(site);
    }
  });

  it('the manifest asks for exactly the registry\'s hosts, and the content script runs on exactly them', async () => {
    const made = config.manifest;
    const manifest = await (typeof made === 'function' ? made({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' }) : made);
    expect([...(manifest?.host_permissions ?? [])].sort()).toEqual([...SITE_MATCH_PATTERNS].sort());
    const matches = contentScript.matches;
    expect(Array.isArray(matches) ? [...matches].sort() : matches).toEqual([...SITE_MATCH_PATTERNS].sort());
    expect(SITE_MATCH_PATTERNS.length).toBeGreaterThan(0);
  });
});
