/** Primitives every domain shares: sites, post keys, ids, times. */
import { z } from 'zod';

// ---------------------------------------------------------------- primitives
export const SiteSchema = z.enum(['x', 'facebook']);
export type Site = z.infer<typeof SiteSchema>;

/** Epoch milliseconds: indexable, sortable and free of time-zone ambiguity. */
export const EpochMsSchema = z.number().int().nonnegative();

/** `<site>:<post id>`, the key shared by posts, queue items and the in-page test contract. */
export const PostKeySchema = z.string().regex(new RegExp(String.raw`^(${SiteSchema.options.join('|')}):[\w.:-]{1,200}$`));
export type PostKey = z.infer<typeof PostKeySchema>;

export const postKey = (site: Site, postId: string): PostKey => `${site}:${postId}`;
/** The site a post key names (`x:1` → `x`). */
export const siteOfKey = (key: PostKey): Site => SiteSchema.parse(key.slice(0, key.indexOf(':')));

export const IdSchema = z.string().min(1).max(120);

/** Links we store and render must be plain https (never javascript:, data: …). */
export const HttpsUrlSchema = z.url({ protocol: /^https$/ }).max(2000);
export const termList = z.array(z.string().trim().min(1).max(120)).max(2000).default([]);
