/** Picks the site adapter for a page URL. */
import { facebookAdapter } from './facebook';
import type { SiteAdapter } from './types';
import { xAdapter } from './x';

export const ADAPTERS: readonly SiteAdapter[] = [xAdapter, facebookAdapter];

export function adapterFor(url: string): SiteAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.matches(url));
}

export { xAdapter, facebookAdapter };
export type { SiteAdapter, ExtractResult, ExtractFailure, ProfileStat, BrandReply } from './types';
export { parseCount } from './counts';
export { parseFacebookHref, parseXProfileHref, parseXStatusHref, xStatusUrl } from './ids';
