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
