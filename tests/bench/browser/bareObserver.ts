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
function observerSource(name: string, setup: string, perPost: string, report: string): string {
  return `{
    const SEL = 'article[data-testid="tweet"]';
    const seen = new WeakSet();
    ${setup}
    new MutationObserver(function ${name}(records) {
      const t0 = performance.now();
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (!(n instanceof Element)) continue;
          const found = n.matches(SEL) ? [n] : n.querySelectorAll(SEL);
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
export function contractFloorSource(terms: readonly string[] = FLOOR_TERMS, report = ''): string {
  // No terms: a pattern that never matches (an empty one would match every post).
  const pattern = terms.length === 0 ? '(?!)' : terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
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
