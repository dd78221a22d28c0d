/** Facebook: the reader (./adapter.ts) plus what the rest of the extension asks of the site (the editor side: ./editor.ts). */
import type { AnsweredPost, SiteAdapter } from '../types';
import { facebookReader } from './adapter';

/** The scanner's mark (README "Test contract"): the posts on the page this load. */
const MARKED = '[data-replyline-post^="facebook:"]';

export const facebookAdapter: SiteAdapter = {
  ...facebookReader,
  matchPatterns: ['https://*.facebook.com/*', 'https://facebook.com/*'],
  // Brand replies answer the post (or comment) they sit under.
  answeredOnPage: (doc, _url, handles, now) => {
    const out: AnsweredPost[] = [];
    for (const el of doc.querySelectorAll(MARKED)) {
      const key = el.getAttribute('data-replyline-post');
      if (key) out.push({ key, replies: facebookReader.findBrandReplies(el, handles, now).filter((r) => `facebook:${r.postId}` !== key) });
    }
    return out;
  },
};

export { contentId, extractFacebook, facebookPageKind, readFacebookProfileStats } from './adapter';
export { parseFacebookHref, type FacebookRef } from './ids';
