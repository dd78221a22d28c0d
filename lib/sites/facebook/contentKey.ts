/**
 * A Facebook post's content key (`fbh-<hash>` of its author and the opening of its text): the page
 * keys a post on it when the post has no permalink id yet, and the background files every post
 * under it too (lib/sites/postKeys.ts), since `pfbid…` permalinks change between page loads.
 */
import { postKey } from '../../schemas/primitives';
import type { Post } from '../../schemas/posts';

/** Letters and digits of a post's opening this long name it across renderings. */
const CONTENT_BASIS_CHARS = 80;

/**
 * What of a post's text stays the same wherever Facebook shows it: the feed cuts long posts ("See
 * more") and spacing, emoji and line breaks differ between views, so only the letters and digits
 * of its opening count.
 */
function contentBasis(text: string): string {
  const basis = text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return (basis || text).slice(0, CONTENT_BASIS_CHARS);
}

/** `fbh-<hash>`: a stable stand-in id from author and text, for posts without a stable permalink. */
export function contentId(handle: string, text: string): string {
  // FNV-1a, 32-bit, twice with different seeds for a 64-bit-ish key: no crypto needed here.
  const input = `${handle.toLowerCase()}\n${contentBasis(text)}`;
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ input.length;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return `fbh-${a.toString(36)}${b.toString(36)}`;
}

/** The content key of a post (never of a comment: comment ids are stable) with an author and text. */
export function facebookContentKey(post: Post): string | undefined {
  return post.kind === 'post' && post.authorHandle !== '' && post.text !== '' ? postKey('facebook', contentId(post.authorHandle, post.text)) : undefined;
}
