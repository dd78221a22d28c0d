/**
 * Where a drawn badge goes without hiding what it is about. It starts right of the author line;
 * the only place in a post that shows nothing is what is left of that line. Once the browser has
 * laid the badge out, its own parts are measured (never guessed, labels differ by language):
 * - the full badge stays when it ends inside the post;
 * - else the compact badge (priority only, the rest behind its button) when that fits there;
 * - else (a name as wide as its comment bubble, X's author line at 320 px) the compact badge
 *   takes its own width in the author line: the one case where it takes layout space, since any
 *   place over the post would cover the name or the text.
 * The site's own controls at the end of the author line (X's post menu) count as the post's edge:
 * the badge ends before them, as it ends inside the post.
 * Batched: all reads, then all writes.
 */

/** Kept clear between the badge and the post's edge. */
export const FIT_PAD = 4;
export const HOST_TAG = 'replyline-badge';

export type FitMode = { kind: 'full' } | { kind: 'compact' } | { kind: 'reserve'; width: number };

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface FitBoxes {
  post: { left: number; right: number; width: number };
  host: { left: number };
  badge: Box;
  /** The priority number: the compact badge ends where it ends, plus the badge's own padding. */
  score: { right: number };
  /** The badge's last part in its full form. */
  last: { right: number };
  viewportRight: number;
  /** The site's controls at the end of the author line; only those level with the badge count. */
  ends?: Box[];
}

/** Where the badge must end: the post's (or window's) edge, or the first site control right of it. */
function rightEdge(box: FitBoxes): number {
  let edge = Math.min(box.post.right, box.viewportRight);
  for (const end of box.ends ?? []) {
    const level = end.top < box.badge.bottom && box.badge.top < end.bottom;
    if (level && end.right > box.badge.left && end.right > end.left) edge = Math.min(edge, end.left);
  }
  return edge - FIT_PAD;
}

/** Pure: the measured boxes (viewport coordinates) → how the badge is shown. */
export function fitMode(box: FitBoxes): FitMode | null {
  if (box.post.width === 0) return null; // not laid out (hidden): nothing to fit against
  const right = rightEdge(box);
  if (box.badge.right <= right) return { kind: 'full' };
  const compactWidth = box.score.right - box.badge.left + (box.badge.right - box.last.right);
  if (box.badge.left + compactWidth <= right) return { kind: 'compact' };
  return { kind: 'reserve', width: Math.ceil(box.badge.left - box.host.left + compactWidth) };
}

export interface FitCheck {
  post: Element;
  host: HTMLElement;
  badge: HTMLElement;
  score: Element;
  last: Element;
  /** The site's controls at the end of the author line, looked up when the badge is fitted. */
  ends: () => Element | null;
  /** Turns the badge into its compact form (a write); returns what turns it back. */
  compact: () => () => void;
}

let fitChecks: FitCheck[] = [];

/**
 * What undoes each badge's fit, by host: when the window's width changes (the side panel opens,
 * the window is resized) the badges in the page are fitted again. A WeakMap: rows X drops go with it.
 */
const fitted = new WeakMap<Element, { check: FitCheck; undo?: () => void }>();
let widthWatch: AbortController | undefined;

function watchWidth(): void {
  if (widthWatch) return;
  const stop = (widthWatch = new AbortController());
  let width = document.documentElement.clientWidth;
  let frame = false;
  // One refit per frame however many resize events came; only a new width matters.
  const refit = (): void => {
    frame = false;
    const now = document.documentElement.clientWidth;
    if (stop.signal.aborted || now === width) return;
    width = now;
    for (const host of document.querySelectorAll(HOST_TAG)) {
      const entry = fitted.get(host);
      entry?.undo?.();
      if (entry) queueFit(entry.check);
    }
  };
  globalThis.addEventListener(
    'resize',
    () => {
      if (!frame) requestAnimationFrame(refit);
      frame = true;
    },
    { signal: stop.signal },
  );
}

/** Forgets every badge and stops watching the width (all badges were removed). */
export function stopFitting(): void {
  widthWatch?.abort();
  widthWatch = undefined;
}

/**
 * Boxes are read once the browser has laid the badge out for its next frame (a ResizeObserver's
 * first report): read in a microtask they forced a layout of the whole timeline per batch of
 * badges, in the content script's time. Where there is no ResizeObserver, a microtask as before.
 */
let fitWatch: { observer: ResizeObserver; waiting: Map<Element, FitCheck> } | null | undefined;

function fitObserver(): typeof fitWatch {
  if (fitWatch !== undefined) return fitWatch;
  if (typeof ResizeObserver !== 'function') return (fitWatch = null);
  const waiting = new Map<Element, FitCheck>();
  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) {
      observer.unobserve(entry.target);
      const check = waiting.get(entry.target);
      waiting.delete(entry.target);
      if (check && check.badge.isConnected) fitChecks.push(check);
    }
    fitBadges();
  });
  return (fitWatch = { observer, waiting });
}

export function queueFit(check: FitCheck): void {
  // A badge drawn again (new verdict) is measured in its full form, with no space held.
  check.host.style.removeProperty('width');
  check.host.style.removeProperty('flex-shrink');
  watchWidth();
  fitted.set(check.host, { check });
  const watch = fitObserver();
  if (watch) {
    // A badge removed before its frame (its row recycled) is never reported: keep none of those.
    for (const [el] of watch.waiting) {
      if (el.isConnected) break;
      watch.waiting.delete(el);
      watch.observer.unobserve(el);
    }
    watch.waiting.set(check.badge, check);
    watch.observer.observe(check.badge);
    return;
  }
  if (fitChecks.length === 0) queueMicrotask(fitBadges);
  fitChecks.push(check);
}

function fitBadges(): void {
  const checks = fitChecks;
  fitChecks = [];
  if (checks.length === 0) return;
  const viewportRight = document.documentElement.clientWidth;
  const modes = checks.map(({ post, host, badge, score, last, ends }) => {
    const end = ends();
    return fitMode({
      post: post.getBoundingClientRect(),
      host: host.getBoundingClientRect(),
      badge: badge.getBoundingClientRect(),
      score: score.getBoundingClientRect(),
      last: last.getBoundingClientRect(),
      viewportRight,
      ends: end ? [end.getBoundingClientRect()] : [],
    });
  });
  checks.forEach(({ host, badge, compact }, i) => {
    const mode = modes[i];
    if (!mode || mode.kind === 'full') return;
    const undo = compact();
    const entry = fitted.get(host);
    if (entry?.check.badge === badge) entry.undo = undo;
    if (mode.kind !== 'reserve') return;
    host.style.setProperty('width', `${mode.width}px`, 'important');
    host.style.setProperty('flex-shrink', '0', 'important'); // in a flex author line the name gives way
  });
}
