/** A fresh fake-indexeddb database per test, through the same openDb the extension uses. */
import 'fake-indexeddb/auto';
import { openDb, type ReplylineDb } from '@/lib/db/db';
import type { Post } from '@/lib/schemas/posts';
import { BrandProfileSchema, type BrandProfile } from '@/lib/schemas/settings';

let n = 0;
export function freshDb(): ReplylineDb {
  n += 1;
  return openDb(`replyline-test-${n}-${Math.random().toString(36).slice(2)}`);
}

export function brand(overrides: Partial<BrandProfile> = {}): BrandProfile {
  return BrandProfileSchema.parse({
    id: 'acme',
    name: 'Acme',
    handles: ['acme', 'AcmeHelp'],
    names: ['Acme'],
    autoQueue: true,
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  });
}

export function post(id: string, text: string, overrides: Partial<Post> = {}): Post {
  return {
    key: `x:${id}`,
    site: 'x',
    postId: id,
    kind: 'post',
    url: `https://x.com/someone/status/${id}`,
    authorHandle: 'someone',
    authorName: 'Some One',
    authorVerified: false,
    text,
    truncated: false,
    createdAt: Date.UTC(2026, 10, 23, 9),
    seenAt: Date.UTC(2026, 10, 23, 10),
    isReply: false,
    replyToHandles: [],
    counts: {},
    ...overrides,
  };
}
