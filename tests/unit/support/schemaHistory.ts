/**
 * The database schemas exactly as shipped, frozen: upgrade tests seed a database with an old version
 * and open it with today's `openDb`. Never edit a version here; add the next one.
 */

/** 2026-11-23, version 1. */
export const V1_STORES = {
  brands: 'id',
  posts: 'key, authorHandle',
  authors: 'key',
  queue: 'key, [state+rank], [brandId+state+rank], customerId, *reasonCodes, snoozedUntil, followUpAt',
  customers: 'id, email, xHandle, nameKey, facebookUrl, *orderNumbers',
  templates: 'id, shortCode, scope',
  toneNotes: 'id, brandId',
  replyLog: 'id, postKey, repliedAt, customerId, [agent+repliedAt]',
  settings: 'id',
  pageHealth: 'tabId',
  goals: 'id',
  rollups: 'key, day',
} as const;

/** 2026-11-23, version 2: review mentions and brands from bundles. */
export const V2_STORES = {
  ...V1_STORES,
  mentions: 'key, firstSeenAt, repliedAt',
  reviewBrands: 'id',
} as const;

/** 2026-11-24, version 3: post aliases. */
export const V3_STORES = {
  ...V2_STORES,
  postAliases: 'alias, key',
} as const;

/** 2026-12-06, version 4: the agent's day (customer search tokens, author match keys, import staging). */
export const V4_STORES = {
  ...V3_STORES,
  posts: 'key, authorHandle, *matchKeys',
  customers: 'id, email, xHandle, nameKey, facebookUrl, *orderNumbers, *searchTokens',
  importStaging: 'id, importId, touched',
} as const;
