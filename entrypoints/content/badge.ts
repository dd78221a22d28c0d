/**
 * The in-page badge next to a matching post's author line. It lives in a closed shadow root so the
 * site's CSS can't reach it and page text can't become markup; it takes no layout space (an
 * absolutely positioned child of a zero-size host) unless nothing else keeps it off the author's
 * name and text (badgeFit.ts), and never moves focus.
 */
import { i18n } from '#i18n';
import type { SiteAdapter } from '@/lib/sites/types';
import type { PageVerdict } from '@/lib/pageMessages';
import { sendMessage } from './messaging';
import { HOST_TAG, queueFit, stopFitting } from './badgeFit';
import { makeCompact } from './badgeCompact';
import { priorityBand } from '@/lib/pipeline/bands';
import { PRIORITY_MARK, type BadgeLabels } from '@/lib/pipeline/badgeLabels';

const HOST_NAME = HOST_TAG.toUpperCase();

/** Hosts this copy drew: a JavaScript lookup, where the tag name is a native call per added node. */
const drawnHosts = new WeakSet<Element>();

/** Our own badge host: adding one changes nothing the page's readers need to look at again. */
export function isBadgeHost(node: Element): boolean {
  return drawnHosts.has(node) || node.tagName === HOST_NAME;
}

/** `isBadgeHost` for hosts this copy drew only (no native call); an earlier copy's need the tag. */
export function isDrawnBadgeHost(node: Element): boolean {
  return drawnHosts.has(node);
}
const roots = new WeakMap<Element, { host: HTMLElement; root: ShadowRoot }>();

const STYLE = `
:host { all: initial; position: relative; display: inline-block; width: 0; height: 0; overflow: visible; vertical-align: middle; align-self: center; }
.badge { box-sizing: border-box; position: absolute; top: -9px; left: 8px; z-index: 1; display: flex; gap: 4px; align-items: center; white-space: nowrap;
  font: 500 11px/16px system-ui, sans-serif; color: #0f1419; background: #fff; border: 1px solid #cfd9de; border-radius: 999px; padding: 0 6px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
.dot { width: 8px; height: 8px; border-radius: 50%; }
.high { background: #e0245e; } .medium { background: #f5a623; } .low { background: #17bf63; }
.rest { display: contents; }
.term { max-width: 120px; overflow: hidden; text-overflow: ellipsis; color: #536471; }
button { all: unset; cursor: pointer; color: #1d9bf0; padding: 0 2px; border-radius: 4px; }
button:focus-visible { outline: 2px solid #1d9bf0; }
button[disabled] { color: #536471; cursor: default; }
.mark { display: flex; gap: 4px; align-items: center; padding: 0; color: inherit; }
.compact .rest { display: none; }
.open .rest { display: flex; flex-direction: column; align-items: start; gap: 2px; position: absolute; top: 100%; right: 0; box-sizing: border-box; width: max-content;
  white-space: normal; background: #fff; border: 1px solid #cfd9de; border-radius: 8px; padding: 4px 6px; }
.from-left .rest { right: auto; left: 0; }
`;

/**
 * One parsed sheet adopted by every badge's shadow root: a <style> per badge made the engine parse
 * and match this CSS again for each badge. null = constructable sheets are not adoptable here
 * (e.g. some content-script worlds); then each badge falls back to its own <style>.
 */
let sharedSheet: CSSStyleSheet | null | undefined;

function adoptSharedStyle(root: ShadowRoot): boolean {
  try {
    if (sharedSheet === undefined) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(STYLE);
    }
    if (!sharedSheet) return false;
    if (root.adoptedStyleSheets[0] !== sharedSheet) root.adoptedStyleSheets = [sharedSheet];
    if (root.adoptedStyleSheets[0] === sharedSheet) return true;
  } catch {
    // fall through to the per-badge <style>
  }
  sharedSheet = null;
  return false;
}

function ensureRoot(adapter: SiteAdapter, post: Element): ShadowRoot | undefined {
  const existing = roots.get(post);
  if (existing?.host.isConnected) return existing.root;
  const anchor = adapter.authorLineAnchor(post);
  if (!anchor) return undefined;
  const host = document.createElement(HOST_TAG);
  drawnHosts.add(host);
  const root = host.attachShadow({ mode: 'closed' });
  queueGapCheck(anchor, host);
  anchor.appendChild(host);
  roots.set(post, { host, root });
  return root;
}

/**
 * In a flex or grid author line with `gap`, even a zero-size item adds one gap of width (X's
 * author line shrinks to fit, so that would push the "more" button). A negative margin of the
 * same size cancels it, keeping the line's width exactly what it was without the badge.
 */
function gapMargin(anchor: Element, hadChildren: boolean): [string, string] | null {
  const style = getComputedStyle(anchor);
  if (!/(?:^|-)(?:flex|grid)$/.test(style.display)) return null;
  const vertical = style.display.endsWith('flex') && style.flexDirection.startsWith('column');
  const gap = Number.parseFloat(vertical ? style.rowGap : style.columnGap);
  if (!Number.isFinite(gap) || gap <= 0 || !hadChildren) return null;
  return [vertical ? 'margin-top' : 'margin-inline-start', `${-gap}px`];
}

/**
 * Gap checks wait for the end of the current batch of badges (a microtask, still before paint):
 * reading computed style between badge insertions forced one style recalculation per badge.
 * All reads first, then all writes: one recalculation per batch.
 */
let gapChecks: { anchor: Element; host: HTMLElement; hadChildren: boolean }[] = [];

function queueGapCheck(anchor: Element, host: HTMLElement): void {
  if (gapChecks.length === 0) queueMicrotask(cancelGaps);
  gapChecks.push({ anchor, host, hadChildren: anchor.children.length > 0 });
}

/**
 * Author lines with the same tag and attributes (class list, test id) get the same display and gap
 * (X's atomic CSS has one class per gap value), so one computed-style read serves them all for a
 * while (30 s: X's gaps are fixed px values); each read forces the engine to restyle every row
 * appended since the last frame.
 */
const GAP_CACHE_MS = 30_000;
const gapByAttributes = new Map<string, { at: number; margin: [string, string] | null }>();

function styleKey(el: Element): string {
  let key = el.tagName;
  for (const { name, value } of Array.from(el.attributes)) key += `\u0000${name}=${value}`;
  return key;
}

function cachedGapMargin(anchor: Element, hadChildren: boolean, at: number): [string, string] | null {
  if (!hadChildren) return null;
  // An inline style is the element's own: nothing safe to share the answer with.
  const key = anchor.hasAttribute('style') ? '' : styleKey(anchor);
  const hit = key ? gapByAttributes.get(key) : undefined;
  if (hit && at - hit.at < GAP_CACHE_MS) return hit.margin;
  const margin = gapMargin(anchor, hadChildren);
  if (key) {
    if (gapByAttributes.size >= 64) gapByAttributes.clear(); // a page of one-off attribute sets
    gapByAttributes.set(key, { at, margin });
  }
  return margin;
}

function cancelGaps(): void {
  const checks = gapChecks;
  gapChecks = [];
  const at = performance.now();
  const margins = checks.map(({ anchor, hadChildren }) => cachedGapMargin(anchor, hadChildren, at));
  checks.forEach(({ host }, i) => {
    const margin = margins[i];
    if (margin) host.style.setProperty(margin[0], margin[1], 'important');
  });
}

/**
 * The badge's words come from the background (`loadBadgeLabels`, at start-up): a content script's
 * first chrome.i18n lookup stalls the page while the catalogue is fetched. Until they arrive (or
 * if the background cannot answer) the local lookup is the fallback, once per label per page.
 */
let labels: BadgeLabels | undefined;
const fallback = new Map<keyof BadgeLabels, string>();

function local(key: keyof BadgeLabels): string {
  switch (key) {
    case 'label':
      return i18n.t('badge.label', [PRIORITY_MARK]);
    case 'addToQueue':
      return i18n.t('badge.addToQueue');
    case 'queued':
      return i18n.t('badge.queued');
    case 'filtered':
      return i18n.t('badge.filtered');
    case 'open':
      return i18n.t('badge.open');
    case 'openHint':
      return i18n.t('badge.openHint');
    case 'reloadNotice':
      return i18n.t('reload.page');
    default:
      return i18n.t(`priority.${key}`);
  }
}

function label(key: keyof BadgeLabels): string {
  if (labels) return labels[key];
  let text = fallback.get(key);
  if (text === undefined) fallback.set(key, (text = local(key)));
  return text;
}

/**
 * The notice an orphaned copy shows (lifetime.ts), only from the background's words: once the
 * extension is gone, a local lookup may fail.
 */
export function loadedReloadNotice(): string | undefined {
  return labels?.reloadNotice;
}

/** Asks the background for the badge's words; failures leave the local fallback in place. */
export async function loadBadgeLabels(): Promise<void> {
  try {
    labels = await sendMessage('badgeLabelsGet', {});
  } catch (error) {
    console.debug('[replyline] badge labels unavailable, using local lookups', error);
  }
}

const queuedLabel = () => label('queued');
const addLabel = () => label('addToQueue');

export function showBadge(adapter: SiteAdapter, post: Element, verdict: PageVerdict): void {
  const root = ensureRoot(adapter, post);
  if (!root) return;
  const priority = verdict.priority ?? 0;
  const band = priorityBand(priority);

  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.setAttribute('role', 'group');
  // One lookup for every priority: the message with a marker where the number goes.
  const name = label('label').replace(PRIORITY_MARK, String(priority));
  badge.setAttribute('aria-label', name);
  badge.dataset.priority = String(priority);

  const dot = document.createElement('span');
  dot.className = `dot ${band}`;
  dot.title = label(band);
  const score = document.createElement('span');
  score.textContent = String(priority);
  const term = document.createElement('span');
  term.className = 'term';
  term.textContent = verdict.term ?? '';

  const add = document.createElement('button');
  add.type = 'button';
  const state = verdict.state ?? 'add';
  add.textContent = state === 'add' ? addLabel() : label(state);
  add.disabled = state !== 'add';
  add.addEventListener('click', (event) => {
    // X opens the post on any click inside the article; a Facebook comment's badge sits in its author link.
    event.stopPropagation();
    event.preventDefault();
    add.disabled = true;
    add.textContent = queuedLabel();
    void sendMessage('queueAdd', { key: verdict.key }).catch(() => {
      add.disabled = false;
      add.textContent = addLabel();
    });
  });

  const open = document.createElement('button');
  open.type = 'button';
  open.textContent = label('open');
  open.addEventListener('click', (event) => {
    event.stopPropagation();
    event.preventDefault();
    void sendMessage('openInPanel', { key: verdict.key }).then((answer) => {
      if (answer.opened) return;
      open.textContent = label('openHint');
      open.title = label('openHint');
    });
  });

  const rest = document.createElement('span');
  rest.className = 'rest';
  rest.append(term, add, open);
  badge.append(dot, score, rest);
  if (adoptSharedStyle(root)) {
    root.replaceChildren(badge);
  } else {
    const style = document.createElement('style');
    style.textContent = STYLE;
    root.replaceChildren(style, badge);
  }
  const host = roots.get(post)?.host;
  if (!host) return;
  const tooltip = [name, label(band), verdict.term].filter(Boolean).join('\n');
  const ends = (): Element | null => adapter.authorLineEnd(post);
  queueFit({ post, host, badge, score, last: open, ends, compact: () => makeCompact({ badge, mark: [dot, score], rest, post, name, tooltip }) });
}

/** Removes every badge host in the document, including ones an earlier copy of this script drew. */
export function removeAllBadges(doc: Document): void {
  stopFitting();
  for (const host of doc.querySelectorAll(HOST_TAG)) host.remove();
}

export function clearBadge(post: Element): void {
  const entry = roots.get(post);
  if (!entry) return;
  entry.host.remove();
  roots.delete(post);
}
