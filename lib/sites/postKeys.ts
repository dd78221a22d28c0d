/**
 * Keys a post is also known by that the background works out from what the page sent, before
 * anything is written (as lib/sites/postTime.ts does for dates): a Facebook post's content key,
 * which outlives its `pfbid…` permalink. Normalising every mention's text in the page cost tens
 * of microseconds each in a flick; here it is once per post received.
 */
import { SAME_AS_MAX, type Post } from '../schemas/posts';
import type { Site } from '../schemas/primitives';
import { facebookContentKey } from './facebook/contentKey';

type OtherKey = (post: Post) => string | undefined;

/** Sites whose posts have a key worked out from their content; X's status ids never change. */
const OTHER_KEYS: Readonly<Record<Site, OtherKey | undefined>> = { x: undefined, facebook: facebookContentKey };

/** The post naming its content key among its other keys (after the page's own), when it has one. */
export function settlePostKeys(post: Post): Post {
  const key = OTHER_KEYS[post.site]?.(post);
  const others = post.sameAs ?? [];
  if (key === undefined || key === post.key || others.includes(key) || others.length >= SAME_AS_MAX) return post;
  return { ...post, sameAs: [...others, key] };
}
