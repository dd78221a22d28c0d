/**
 * The bench's reference observers, as source text. The bare observer is the least any post reader
 * must do (notice each new post and read its text once): mode B runs it as a page script, mode D as
 * an extension's content script (referenceExtension.ts). The contract floor (modes E and F) is the
 * same observer plus only what the test contract demands. One source keeps them all identical.
 */

/**
 * Plain ES2020. The host declares `let read = 0, chars = 0, observerMs = 0;` before it; `report`
 * runs after each callback, outside the timed part. `name` is the callback's name, which is what
 * the profiler attributes; `setup` declares constants, `perPost` handles one new post `a` (and may
 * `continue` to skip it).
 */
function observerSource(name: string, setup: string, perPost: string, report: string, selector = 'article[data-testid="tweet"]', nested = false): string {
  // Facebook's posts hold their comments, which are posts of their own: an added post is read with them.
  const found = nested ? '[n, ...n.querySelectorAll(SEL)]' : '[n]';
  return `{
    const SEL = ${JSON.stringify(selector)};
    const seen = new WeakSet();
    ${setup}
    new MutationObserver(function ${name}(records) {
      const t0 = performance.now();
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (!(n instanceof Element)) continue;
          const found = n.matches(SEL) ? ${found} : n.querySelectorAll(SEL);
          for (const a of found) {
            if (seen.has(a)) continue;
            seen.add(a);
            ${perPost}
            read += 1;
          }
        }
      }
      observerMs += performance.now() - t0;
      ${report}
    }).observe(document.body, { childList: true, subtree: true });
  }`;
}

export function bareObserverSource(report = ''): string {
  return observerSource('bareObserver', '', `chars += (a.textContent || '').length;`, report);
}

/** The brand terms the floor tests for: every term of the bench's brand contains this one. */
export const FLOOR_TERMS: readonly string[] = ['acme'];

/**
 * The contract floor: the bare observer plus only what the test contract itself demands of any
 * implementation. Each post is keyed from its first `/status/<id>` link and marked
 * `data-replyline-post`, and a post whose text merely contains a brand term (one case-insensitive
 * RegExp, no normalisation, word boundaries or exclusions) is marked `data-replyline-priority`.
 * No extraction, messages, badges or health. It answers whether the ≤ 2× goal is within reach of
 * any reader that honours the contract, before our pipeline's own choices.
 */
/** One case-insensitive pattern of the terms; none: a pattern that never matches (an empty one would match every post). */
function termsPattern(terms: readonly string[]): string {
  return terms.length === 0 ? '(?!)' : terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

export function contractFloorSource(terms: readonly string[] = FLOOR_TERMS, report = ''): string {
  const pattern = termsPattern(terms);
  const setup = `const STATUS = /\\/status\\/(\\d{1,25})/;
    const BRAND = new RegExp(${JSON.stringify(pattern)}, 'i');`;
  const perPost = `const link = a.querySelector('a[href*="/status/"]');
            const id = link && STATUS.exec(link.getAttribute('href') || '');
            if (!id) continue;
            a.setAttribute('data-replyline-post', 'x:' + id[1]);
            const text = a.textContent || '';
            chars += text.length;
            if (BRAND.test(text)) a.setAttribute('data-replyline-priority', '50');`;
  return observerSource('contractFloor', setup, perPost, report);
}

/**
 * The same floor on Facebook, where posts and comments are both `role="article"` (a post holds its
 * comments): a post is keyed from its first `/posts/<id>` link, a comment from its `comment_id`.
 */
export function facebookFloorSource(terms: readonly string[] = FLOOR_TERMS, report = ''): string {
  const setup = `const POST_ID = /\\/posts\\/(\\w{1,100})/;
    const COMMENT_ID = /comment_id=(\\d{1,25})/;
    const BRAND = new RegExp(${JSON.stringify(termsPattern(terms))}, 'i');`;
  const perPost = `const post = a.hasAttribute('aria-posinset');
            const link = a.querySelector(post ? 'a[href*="/posts/"]' : 'a[href*="comment_id="]');
            const id = link && (post ? POST_ID : COMMENT_ID).exec(link.getAttribute('href') || '');
            if (!id) continue;
            a.setAttribute('data-replyline-post', 'facebook:' + id[1]);
            const text = a.textContent || '';
            chars += text.length;
            if (BRAND.test(text)) a.setAttribute('data-replyline-priority', '50');`;
  return observerSource('contractFloor', setup, perPost, report, '[role="article"]', true);
}
