/**
 * The sites Replyline works on: one line per site. Everything site-specific lives in the site's
 * folder (lib/sites/<site>/); the manifest, the content script and the background derive their URL
 * lists from here. tests/unit/sites/registry.test.ts checks every entry and the built manifest.
 */
import { facebookAdapter } from './facebook';
import type { SiteAdapter } from './types';
import { xAdapter } from './x';

export const SITES: readonly SiteAdapter[] = [
  xAdapter,
  facebookAdapter,
];

/** Every site's match patterns: content script `matches`, host permissions, tab queries. */
export const SITE_MATCH_PATTERNS: readonly string[] = SITES.flatMap((site) => site.matchPatterns);

export function adapterFor(url: string): SiteAdapter | undefined {
  return SITES.find((adapter) => adapter.matches(url));
}
