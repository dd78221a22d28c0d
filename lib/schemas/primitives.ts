/**
 * Primitives every domain shares: sites, post keys, ids, times.
 * Written with `zod/mini` (like every schema the content script parses): it shares `zod/v4/core`
 * with classic `zod`, so classic schemas compose these (`z.optional(IdSchema)`, `z.object({ … })`)
 * and `z.infer` reads both, while the page's bundle carries only the small functional API.
 */
import * as z from 'zod/mini';

// ---------------------------------------------------------------- primitives
export const SiteSchema = z.enum(['x', 'facebook']);
export type Site = z.infer<typeof SiteSchema>;

/** Epoch milliseconds: indexable, sortable and free of time-zone ambiguity. */
export const EpochMsSchema = z.int().check(z.nonnegative());

/** `<site>:<post id>`, the key shared by posts, queue items and the in-page test contract. */
export const PostKeySchema = z.string().check(z.regex(new RegExp(String.raw`^(${SiteSchema.options.join('|')}):[\w.:-]{1,200}$`)));
export type PostKey = z.infer<typeof PostKeySchema>;

export const postKey = (site: Site, postId: string): PostKey => `${site}:${postId}`;
/** The site a post key names (`x:1` → `x`). */
export const siteOfKey = (key: PostKey): Site => SiteSchema.parse(key.slice(0, key.indexOf(':')));

export const IdSchema = z.string().check(z.minLength(1), z.maxLength(120));

export const termList = z._default(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(120))).check(z.maxLength(2000)), []);
