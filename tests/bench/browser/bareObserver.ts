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
