import type { Post } from '../schemas/posts';
import type { BrandProfile } from '../schemas/settings';
import { isBrandAuthor } from './matcher';

/**
 * The brand a post answers without naming it: a reply to one of its handles ("Replying to @acme"),
 * a reply or comment under its own post, or a quote of its post. On X a reply's text leaves out
 * the @handle it answers, and shop customers comment under the page's posts without naming it:
 * both are the conversations a support desk exists for. The term is the handle as configured.
 */
export function addressedBrand<B extends Pick<BrandProfile, 'handles' | 'threadMentions'>>(
  brands: readonly B[],
  post: Pick<Post, 'replyToHandles' | 'threadOwner' | 'quotedAuthorHandle'>,
): { brand: B; term: string } | undefined {
  const targets = [...post.replyToHandles, post.threadOwner, post.quotedAuthorHandle];
  for (const target of targets) {
    if (!target) continue;
    for (const brand of brands) {
      // A record saved before the setting existed has no field: on, as the schema's default.
      if (brand.threadMentions === false) continue;
      const handle = brand.handles.find((h) => isBrandAuthor({ handles: [h] }, target));
      if (handle) return { brand, term: handle.startsWith('@') ? handle : `@${handle}` };
    }
  }
  return undefined;
}

