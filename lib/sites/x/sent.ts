/**
 * X's side of sent detection. X confirms a sent post with a toast: `[data-testid="toast"]` "Your
 * post was sent. View", the View link pointing at `/<handle>/status/<id>`. The text is localised,
 * the link is not: read the link. A reply also counts when it shows up in the conversation with
 * the reply's text or under the brand's handle; opening or closing the reply modal (/compose/…)
 * is not leaving the post.
 */
import { queryAllAny, selfAndDescendants } from '../../dom/query';
import type { SentDetection } from '../types';
import { parseXStatusUrl, xStatusUrl } from './ids';
import { X } from './x.selectors';

export interface SentToast {
  replyUrl: string;
  handle: string;
  statusId: string;
}

/** The status link in a toast element, absolute on https://x.com; null when it is another toast. */
export function parseSentToast(toast: Element): SentToast | null {
  for (const link of queryAllAny(toast, X.link)) {
    const href = link.getAttribute('href') ?? '';
    // Relative links resolve on https://x.com; an absolute one must be https too.
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !/^https:/i.test(href)) continue;
    const ref = parseXStatusUrl(href);
    if (ref) return { replyUrl: xStatusUrl(ref.handle, ref.id), handle: ref.handle, statusId: ref.id };
  }
  return null;
}

/** Every "sent" toast under `root` (root included). */
export function findSentToasts(root: ParentNode): SentToast[] {
  const out: SentToast[] = [];
  const seen = new Set<Element>();
  for (const selector of X.sentToast) {
    for (const el of selfAndDescendants(root, [selector])) {
      if (seen.has(el)) continue;
      seen.add(el);
      const toast = parseSentToast(el);
      if (toast) out.push(toast);
    }
  }
  return out;
}

function isCompose(url: string): boolean {
  try {
    return new URL(url).pathname.startsWith('/compose/');
  } catch {
    return false;
  }
}

export const xSent: SentDetection = {
  confirmation: (root) => {
    const toast = findSentToasts(root)[0];
    return toast ? { replyUrl: toast.replyUrl } : undefined;
  },
  // Our text, or a new reply by the brand's handle (X may shorten or expand what was typed).
  isOurReply: (post, { sameText, byBrand }) => sameText || (byBrand && post.isReply),
  staysOnPost: (from, to) => isCompose(from) || isCompose(to),
};
