/**
 * Selector helpers for ordered fallback lists: sites drift, so every lookup tries the most specific
 * selector first (test id), then role/aria, then structure, and stops at the first that matches.
 */

/** An ordered list of CSS selectors, most trustworthy first. */
export type SelectorChain = readonly string[];

/**
 * A native list as an array by index: `Array.from` walks a NodeList through its iterator, one
 * native call and one result object per element, which in a content script's cold code was the
 * dearest line of a post's extraction.
 */
function toArray(list: NodeListOf<Element>): Element[] {
  const n = list.length;
  const out: Element[] = [];
  for (let i = 0; i < n; i++) {
    const el = list[i];
    if (el) out.push(el);
  }
  return out;
}

/** Runs `querySelector` without letting a selector the engine rejects break the whole page. */
function safeQuery(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return toArray(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/** First element matching the first selector of the chain that matches anything under `root`. */
export function queryFirst(root: ParentNode, chain: SelectorChain): Element | null {
  const [head] = chain;
  if (chain.length > 1 && head !== undefined) {
    // One pass for the whole chain settles the common cases: nothing matches at all (a missing
    // optional part: one walk instead of one per selector), or the first match in document order
    // matches the preferred selector (then it is that selector's first match too).
    const any = groupQuery(root, chain);
    if (any === null) return null;
    if (any && safeMatches(any, head)) return any;
  }
  for (const selector of chain) {
    const found = safeQuery(root, selector);
    if (found) return found;
  }
  return null;
}

/**
 * `queryFirst` for parts nearly always present (a post's time): the preferred selector's first
 * match is the answer in one native call; only when it finds nothing are the fallbacks tried.
 */
export function queryFirstPresent(root: ParentNode, chain: SelectorChain): Element | null {
  const [head] = chain;
  const found = head === undefined ? null : safeQuery(root, head);
  return found ?? (chain.length > 1 ? queryFirst(root, chain.slice(1)) : null);
}

/** All elements for the first selector in the chain that yields any (fallbacks are not mixed in). */
export function queryAllFirst(root: ParentNode, chain: SelectorChain): Element[] {
  if (chain.length > 1) {
    // One walk for the whole chain; each selector's matches are then that list's matches of it.
    const all = groupQueryAll(root, chain);
    if (all) {
      if (all.length === 0) return [];
      const list = toArray(all);
      for (const selector of chain) {
        const found = list.filter((el) => safeMatches(el, selector));
        if (found.length > 0) return found;
      }
      return [];
    }
  }
  for (const selector of chain) {
    const found = safeQueryAll(root, selector);
    if (found.length > 0) return found;
  }
  return [];
}

/** Like `queryAllFirst` but also considers `root` itself, so a caller may pass one post element. */
export function selfAndDescendants(root: ParentNode, chain: SelectorChain): Element[] {
  for (const selector of chain) {
    const found = safeQueryAll(root, selector);
    if (isElement(root) && safeMatches(root, selector)) found.unshift(root);
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * The chain as one selector list, built once per chain. A selector list is matched natively in
 * document order without duplicates, which is far cheaper than one query per selector plus a
 * `compareDocumentPosition` sort (that sort walks sibling lists: quadratic on a long timeline).
 */
const groups = new WeakMap<SelectorChain, string | null>();

function groupOf(chain: SelectorChain): string | null {
  let group = groups.get(chain);
  if (group === undefined) {
    group = chain.length > 0 ? chain.join(', ') : null;
    groups.set(chain, group);
  }
  return group;
}

/** The native list query, or null when a selector in it is rejected (the whole list then is). */
function groupQueryAll(root: ParentNode, chain: SelectorChain): NodeListOf<Element> | null {
  const group = groupOf(chain);
  if (group === null) return null;
  try {
    return root.querySelectorAll(group);
  } catch {
    return null;
  }
}

/** `selfAndDescendants(root, chain)[0]` without collecting every match. */
export function firstSelfOrDescendant(root: ParentNode, chain: SelectorChain): Element | null {
  for (const selector of chain) {
    if (isElement(root) && safeMatches(root, selector)) return root;
    const found = safeQuery(root, selector);
    if (found) return found;
  }
  return null;
}

/** The first element matching the chain's selector list; undefined when the engine rejects it. */
function groupQuery(root: ParentNode, chain: SelectorChain): Element | null | undefined {
  const group = groupOf(chain);
  if (group === null) return undefined;
  try {
    return root.querySelector(group);
  } catch {
    return undefined;
  }
}

/**
 * Whether anything under `root` may match the chain: one walk that rules out several optional
 * parts at once. True when the engine rejects a selector (the caller then looks one by one).
 */
export function mayContainAny(root: ParentNode, chain: SelectorChain): boolean {
  return groupQuery(root, chain) !== null;
}

/**
 * Whether anything under `root` matches one of `selectors`, asked one selector at a time: for a few
 * attribute selectors that usually match nothing, Chromium's walks for each alone cost less than one
 * walk for their list (see X_NOT_PLAIN_PROBES).
 */
export function containsAnyOf(root: ParentNode, selectors: readonly string[]): boolean {
  for (const selector of selectors) if (safeQuery(root, selector) !== null) return true;
  return false;
}

/** `queryAllAny(root, chain)[0]`: the native query stops at the first match. */
export function queryFirstAny(root: ParentNode, chain: SelectorChain): Element | null {
  const found = groupQuery(root, chain);
  return found !== undefined ? found : (queryAllAny(root, chain)[0] ?? null);
}

/** Every element matching any selector of the chain, in document order, without duplicates. */
export function queryAllAny(root: ParentNode, chain: SelectorChain): Element[] {
  const native = groupQueryAll(root, chain);
  if (native) return toArray(native);
  // A selector this engine rejects: query the rest one by one.
  const seen = new Set<Element>();
  for (const selector of chain) for (const el of safeQueryAll(root, selector)) seen.add(el);
  return sortInDocumentOrder([...seen]);
}

/** How many elements match any selector of the chain (`queryAllAny(...).length`, without the array). */
export function countAny(root: ParentNode, chain: SelectorChain): number {
  const native = groupQueryAll(root, chain);
  if (native) return native.length;
  const seen = new Set<Element>();
  for (const selector of chain) for (const el of safeQueryAll(root, selector)) seen.add(el);
  return seen.size;
}

export function matchesAny(el: Element, chain: SelectorChain): boolean {
  return chain.some((selector) => safeMatches(el, selector));
}

/** Nearest ancestor-or-self matching any selector of the chain. */
export function closestAny(el: Element, chain: SelectorChain): Element | null {
  for (const selector of chain) {
    try {
      const found = el.closest(selector);
      if (found) return found;
    } catch {
      // unsupported selector: try the next one
    }
  }
  return null;
}

/**
 * The nearest ancestor-or-self matching ANY selector of the chain (not the first selector's
 * nearest): one native walk for the whole chain, where `closestAny` walks once per selector.
 */
export function closestOfAny(el: Element, chain: SelectorChain): Element | null {
  const group = groupOf(chain);
  if (group !== null) {
    try {
      return el.closest(group);
    } catch {
      // a selector this engine rejects: nearest of the per-selector answers below
    }
  }
  let nearest: Element | null = null;
  for (const selector of chain) {
    try {
      const found = el.closest(selector);
      if (found && (!nearest || nearest.contains(found))) nearest = found;
    } catch {
      // unsupported selector: try the next one
    }
  }
  return nearest;
}

/**
 * Whether `el` is, is inside, or contains an element matching any selector of the chain: two
 * native calls for the whole chain (a per-selector `closest` walks to the root once per selector).
 */
export function touchesAny(el: Element, chain: SelectorChain): boolean {
  const group = groupOf(chain);
  if (group !== null) {
    try {
      return el.closest(group) !== null || el.querySelector(group) !== null;
    } catch {
      // a selector this engine rejects: one by one below
    }
  }
  return closestAny(el, chain) !== null || queryFirst(el, chain) !== null;
}

export function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && 'nodeType' in node && node.nodeType === 1;
}

export function sortInDocumentOrder(elements: Element[]): Element[] {
  // DOCUMENT_POSITION_FOLLOWING = 4
  return elements.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

/** `el.getAttribute` trimmed, or '' — attributes are page text and may be absent. */
export function attr(el: Element | null | undefined, name: string): string {
  return el?.getAttribute(name)?.trim() ?? '';
}

/** Narrows to an HTMLElement of the element's own window (works across happy-dom windows too). */
export function asHTMLElement(el: Element | null | undefined): HTMLElement | null {
  if (!el) return null;
  const view = el.ownerDocument?.defaultView;
  if (view && el instanceof view.HTMLElement) return el;
  return null;
}
