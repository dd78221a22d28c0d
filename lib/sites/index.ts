/** Picks the site adapter for a page URL; the sites themselves are listed in ./registry.ts. */
export { SITES, SITE_MATCH_PATTERNS, adapterFor } from './registry';
export { xAdapter } from './x';
export { facebookAdapter } from './facebook';
export type { SiteAdapter, SiteReader, SentDetection, AnsweredPost, ExtractResult, ExtractFailure, ProfileStat, BrandReply } from './types';
export { parseCount } from './counts';
export { parseXProfileHref, parseXStatusHref, xStatusUrl } from './x';
export { parseFacebookHref } from './facebook';
