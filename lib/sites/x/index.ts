/** X/Twitter: the reader (./adapter.ts) plus what the rest of the extension asks of the site (the editor side: ./editor.ts). */
import { postKey } from '../../schemas/primitives';
import type { SiteAdapter } from '../types';
import { xReader } from './adapter';
import { xFocalStatusId } from './ids';

function pathSegments(url: string): string[] {
  try {
    return new URL(url).pathname.split('/').filter(Boolean);
  } catch {
    return [];
  }
}

export const xAdapter: SiteAdapter = {
  ...xReader,
  matchPatterns: ['https://x.com/*', 'https://twitter.com/*'],
  // Brand replies on a conversation page answer its focal post.
  answeredBy: (el, url, wanted, now) => {
    const focal = xFocalStatusId(pathSegments(url));
    if (!focal) return [];
    const reply = xReader.brandReply(el, wanted, now);
    return reply && reply.postId !== focal ? [{ key: postKey('x', focal), replies: [reply] }] : [];
  },
};

export { extractX, peekXKey, readXProfileStats, xPageKind } from './adapter';
export { isXUserHandle, parseXProfileHref, parseXStatusHref, parseXStatusUrl, xFocalStatusId, xStatusUrl, type XStatusRef } from './ids';
export { findSentToasts, parseSentToast, type SentToast } from './sent';
