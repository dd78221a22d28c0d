/** Facebook: the reader (./adapter.ts) plus what the rest of the extension asks of the site. */
import { strategiesFor } from '../../editor/strategies';
import type { AnsweredPost, SiteAdapter } from '../types';
import { facebookReader } from './adapter';
import { facebookSent } from './sent';

/** The scanner's mark (README "Test contract"): the posts on the page this load. */
const MARKED = '[data-replyline-post^="facebook:"]';

export const facebookAdapter: SiteAdapter = {
  ...facebookReader,
  matchPatterns: ['https://*.facebook.com/*', 'https://facebook.com/*'],
  // Lexical today (every way in reaches its state); a Draft.js composer of older pages takes a paste only.
  insertStrategies: strategiesFor(),
  sent: facebookSent,
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
export { parseFacebookTime } from './time';
