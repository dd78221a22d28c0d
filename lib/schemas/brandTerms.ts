/** Brand terms (`zod/mini`): the content script parses them, and loads this file, not posts.ts. */
import * as z from 'zod/mini';
import { IdSchema, termList } from './primitives';

/**
 * What matching needs of a brand profile (BrandProfileSchema in settings.ts is built on it): all
 * the page's pre-filter receives, so a tab never holds a brand's hours, weights or tone rules.
 */
export const BrandTermsSchema = z.object({
  id: IdSchema,
  /** Brand and support handles without '@'; posts by these are the brand's own replies. */
  handles: termList,
  names: termList,
  products: termList,
  hashtags: termList,
  misspellings: termList,
  exclusions: termList,
  /**
   * Replies to the brand's handles, replies and comments under its own posts and quotes of them
   * count as mentions though they do not name it. On by default (a support desk's main traffic);
   * a brand whose posts draw thousands of comments can switch it off.
   */
  threadMentions: z._default(z.boolean(), true),
});
export type BrandTerms = z.infer<typeof BrandTermsSchema>;
