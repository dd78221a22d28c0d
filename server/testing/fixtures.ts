/** Sightings and reply entries for tests, the chaos run and the bench. */
import { randomUUID } from 'node:crypto';
import type { ReplyEntryInput, Sighting } from '../../lib/team/protocol';

export function sighting(postId: string, overrides: Partial<Sighting> & { sameAs?: string[]; site?: 'x' | 'facebook' } = {}): Sighting {
  const { sameAs, site = 'x', ...rest } = overrides;
  const key = `${site}:${postId}`;
  return {
    brandId: 'acme',
    priority: 50,
    reasons: [{ code: 'complaint', points: 25, detail: '' }],
    reasonCodes: ['complaint'],
    matchedTerms: ['acme'],
    complaint: true,
    question: false,
    praise: false,
    post: {
      key,
      site,
      postId,
      kind: 'post',
      url: `https://x.com/someone/status/${postId}`,
      authorHandle: 'someone',
      authorName: 'Some One',
      authorVerified: false,
      text: '@acme my order is late <img src=x onerror=alert(1)>',
      truncated: false,
      createdAt: 1_790_000_000_000,
      seenAt: 1_790_000_100_000,
      isReply: false,
      replyToHandles: [],
      counts: {},
      ...(sameAs ? { sameAs } : {}),
    },
    ...rest,
  };
}

export function replyEntry(postKey: string, overrides: Partial<ReplyEntryInput> = {}): ReplyEntryInput {
  return {
    id: randomUUID(),
    postKey,
    site: 'x',
    brandId: 'acme',
    agent: 'whoever the payload says',
    text: 'Sorry about that, we are on it.',
    postCreatedAt: 1_790_000_000_000,
    firstSeenAt: 1_790_000_100_000,
    repliedAt: 1_790_000_200_000,
    frtWallMs: 200_000,
    frtBusinessMs: 200_000,
    slaMet: true,
    ...overrides,
  };
}
