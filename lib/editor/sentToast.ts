/**
 * X confirms a sent post with a toast: `[data-testid="toast"]` "Your post was sent. View", the View
 * link pointing at `/<handle>/status/<id>`. The text is localised, the link is not: read the link.
 */
const TOAST_SELECTORS = ['[data-testid="toast"]', '[role="alert"]'];
const STATUS_PATH = /^\/([A-Za-z0-9_]{1,50})\/status\/(\d{1,25})(?:[/?#]|$)/;

export interface SentToast {
  replyUrl: string;
  handle: string;
  statusId: string;
}

/** The status link in a toast element, absolute on https://x.com; null when it is another toast. */
export function parseSentToast(toast: Element, origin = 'https://x.com'): SentToast | null {
  for (const link of toast.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href') ?? '';
    let url: URL;
    try {
      url = new URL(href, origin);
    } catch {
      continue;
    }
    if (url.protocol !== 'https:' || !/(^|\.)(x|twitter)\.com$/.test(url.hostname)) continue;
    const match = STATUS_PATH.exec(url.pathname);
    if (!match?.[1] || !match[2]) continue;
    return { replyUrl: `https://x.com/${match[1]}/status/${match[2]}`, handle: match[1], statusId: match[2] };
  }
  return null;
}

/** Every "sent" toast under `root` (root included). */
export function findSentToasts(root: ParentNode): SentToast[] {
  const out: SentToast[] = [];
  const seen = new Set<Element>();
  for (const selector of TOAST_SELECTORS) {
    const candidates: Element[] = [];
    if (root instanceof Element && root.matches(selector)) candidates.push(root);
    candidates.push(...root.querySelectorAll(selector));
    for (const el of candidates) {
      if (seen.has(el)) continue;
      seen.add(el);
      const toast = parseSentToast(el);
      if (toast) out.push(toast);
    }
  }
  return out;
}
