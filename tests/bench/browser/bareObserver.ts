/**
 * The bare observer, as source text: the least any post reader must do (notice each new post and
 * read its text once). Mode B runs it as a page script, mode D as an extension's content script
 * (referenceExtension.ts); one source keeps the two identical.
 */

/**
 * Plain ES2020. The host declares `let read = 0, chars = 0, observerMs = 0;` before it; `report`
 * runs after each callback, outside the timed part. The function name is what the profiler
 * attributes.
 */
export function bareObserverSource(report = ''): string {
  return `{
    const SEL = 'article[data-testid="tweet"]';
    const seen = new WeakSet();
    new MutationObserver(function bareObserver(records) {
      const t0 = performance.now();
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (!(n instanceof Element)) continue;
          const found = n.matches(SEL) ? [n] : n.querySelectorAll(SEL);
          for (const a of found) {
            if (seen.has(a)) continue;
            seen.add(a);
            chars += (a.textContent || '').length;
            read += 1;
          }
        }
      }
      observerMs += performance.now() - t0;
      ${report}
    }).observe(document.body, { childList: true, subtree: true });
  }`;
}

/**
 * The contract floor (mode E): the bare observer plus only what the test contract itself demands of
 * any implementation. Each post is keyed from its first `/status/<id>` link and marked
 * `data-replyline-post`, and a post whose text merely contains a brand term (one case-insensitive
 * RegExp, no normalisation, word boundaries or exclusions) is marked `data-replyline-priority`.
 * No extraction, messages, badges or health. Plain ES2020, same host variables as the bare observer;
 * `contractFloor` is the name the profiler attributes. It answers whether the ≤ 2× goal is within
 * reach of any reader that honours the contract, before our pipeline's own choices.
 */
/** The brand terms the floor tests for: every term of the bench's brand contains this one. */
export const FLOOR_TERMS: readonly string[] = ['acme'];

export function contractFloorSource(terms: readonly string[] = FLOOR_TERMS, report = ''): string {
  // No terms: a pattern that never matches (an empty one would match every post).
  const pattern = terms.length === 0 ? '(?!)' : terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return `{
    const SEL = 'article[data-testid="tweet"]';
    const STATUS = /\\/status\\/(\\d{1,25})/;
    const BRAND = new RegExp(${JSON.stringify(pattern)}, 'i');
    const seen = new WeakSet();
    new MutationObserver(function contractFloor(records) {
      const t0 = performance.now();
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (!(n instanceof Element)) continue;
          const found = n.matches(SEL) ? [n] : n.querySelectorAll(SEL);
          for (const a of found) {
            if (seen.has(a)) continue;
            seen.add(a);
            const link = a.querySelector('a[href*="/status/"]');
            const id = link && STATUS.exec(link.getAttribute('href') || '');
            if (!id) continue;
            a.setAttribute('data-replyline-post', 'x:' + id[1]);
            const text = a.textContent || '';
            chars += text.length;
            if (BRAND.test(text)) a.setAttribute('data-replyline-priority', '50');
            read += 1;
          }
        }
      }
      observerMs += performance.now() - t0;
      ${report}
    }).observe(document.body, { childList: true, subtree: true });
  }`;
}
