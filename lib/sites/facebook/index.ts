/** Facebook: the reader (./adapter.ts) plus what the rest of the extension asks of the site (the editor side: ./editor.ts). */
import type { AnsweredPost, SiteAdapter } from '../types';
import { facebookReader, repliedCommentKey } from './adapter';

/** The post or comment `el` sits in (not `el` itself), if any. */
function enclosingPost(el: Element): Element | null {
  const parent = el.parentElement;
  return parent ? facebookReader.closestPost(parent) : null;
}

export const facebookAdapter: SiteAdapter = {
  ...facebookReader,
  matchPatterns: ['https://*.facebook.com/*', 'https://facebook.com/*'],
  // A brand reply answers the comment its permalink replies to and every post and comment it sits
  // under. Read from the element and its ancestors alone, so it holds for a thread just taken out
  // of the page too.
  answeredBy: (el, _url, wanted, now) => {
    const reply = facebookReader.brandReply(el, wanted, now);
    if (!reply) return [];
    const keys = new Set<string>();
    const comment = repliedCommentKey(el);
    if (comment) keys.add(comment);
    for (let post = enclosingPost(el); post; post = enclosingPost(post)) {
      const peek = facebookReader.peekKey(post);
      if (peek.ok) keys.add(peek.key);
    }
    keys.delete(`facebook:${reply.postId}`);
    return [...keys].map((key): AnsweredPost => ({ key, replies: [reply] }));
  },
};

export { extractFacebook, facebookPageKind, readFacebookProfileStats } from './adapter';
export { contentId } from './contentKey';
export { parseFacebookHref, type FacebookRef } from './ids';
