import { describe, expect, it } from 'vitest';
import { addressedBrand } from '@/lib/matching/addressed';
import type { Post } from '@/lib/schemas/posts';

type Addressing = Pick<Post, 'replyToHandles' | 'threadOwner' | 'quotedAuthorHandle'>;

const acme = { id: 'acme', handles: ['acme', '@AcmeHelp'], threadMentions: true };
const quiet = { id: 'quiet', handles: ['quiet_co'], threadMentions: false };
const none: Addressing = { replyToHandles: [], threadOwner: undefined, quotedAuthorHandle: undefined };

describe('addressedBrand', () => {
  it.each<[string, Partial<Addressing>, string | undefined, string | undefined]>([
    ['nothing addressed', {}, undefined, undefined],
    ['"Replying to" a brand handle, spelt another way', { replyToHandles: ['bob', 'ACMEHELP'] }, 'acme', '@AcmeHelp'],
    ['a full-width handle', { replyToHandles: ['ａｃｍｅ'] }, 'acme', '@acme'],
    ['a thread the brand owns', { threadOwner: 'acme' }, 'acme', '@acme'],
    ['a quote of the brand', { quotedAuthorHandle: '@acme' }, 'acme', '@acme'],
    ['a longer handle is someone else', { replyToHandles: ['acme_fan'], threadOwner: 'acmehelpdesk' }, undefined, undefined],
    ['a brand that switched thread mentions off', { replyToHandles: ['quiet_co'] }, undefined, undefined],
    ['the first addressed handle decides', { replyToHandles: ['quiet_co', 'acme'] }, 'acme', '@acme'],
  ])('%s', (_label, post, brandId, term) => {
    const found = addressedBrand([quiet, acme], { ...none, ...post });
    expect(found?.brand.id).toBe(brandId);
    expect(found?.term).toBe(term);
  });
});
