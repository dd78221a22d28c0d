// @vitest-environment happy-dom
/**
 * The chain helpers answer from one native selector-list query where they can (speed); these
 * tables pin them to the one-selector-at-a-time meaning they document, including chains holding a
 * selector the engine rejects (then the whole list is rejected and each selector is tried alone).
 */
import { describe, expect, it } from 'vitest';
import {
  countAny,
  firstSelfOrDescendant,
  queryAllAny,
  queryAllFirst,
  queryFirst,
  selfAndDescendants,
  touchesAny,
  closestOfAny,
  type SelectorChain,
} from '../../../lib/dom/query';

const HTML = `
  <article id="a1" data-testid="tweet">
    <div id="q1" role="link"><span id="s1" class="x">one</span></div>
    <div id="q2" role="link" tabindex="0"><span id="s2" class="y">two</span></div>
    <span id="s3" class="x y">three</span>
  </article>
  <article id="a2" role="article"><span id="s4" class="y">four</span></article>`;

const BAD = ':not-a-selector((';

function fixture(): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = HTML;
  return host;
}

function safeAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

const ids = (els: (Element | null)[]): (string | null)[] => els.map((el) => el?.id ?? null);

// Reference meanings, one selector at a time.
const refFirst = (root: ParentNode, chain: SelectorChain) => chain.map((s) => safeAll(root, s)[0]).find(Boolean) ?? null;
const refAllFirst = (root: ParentNode, chain: SelectorChain) => chain.map((s) => safeAll(root, s)).find((l) => l.length > 0) ?? [];
const refAny = (root: ParentNode, chain: SelectorChain) => {
  const all = new Set(chain.flatMap((s) => safeAll(root, s)));
  return safeAll(root, '*').filter((el) => all.has(el));
};

const CHAINS: [string, SelectorChain][] = [
  ['empty chain', []],
  ['nothing matches', ['.nope', 'em']],
  ['preferred selector wins though a fallback matches earlier', ['.y', '.x']],
  ['preferred selector matches first in document order', ['.x', '.y']],
  ['only the fallback matches', ['.nope', 'div[role="link"]']],
  ['subset first (tabindex), then the superset', ['div[role="link"][tabindex]', 'div[role="link"]']],
  ['a rejected selector in the chain', [BAD, '.y', '.x']],
  ['only rejected selectors', [BAD]],
];

describe('selector chain helpers', () => {
  it.each(CHAINS)('%s: queryFirst / queryAllFirst / queryAllAny / countAny keep their meaning', (_, chain) => {
    const root = fixture();
    expect(ids([queryFirst(root, chain)])).toEqual(ids([refFirst(root, chain)]));
    expect(ids(queryAllFirst(root, chain))).toEqual(ids(refAllFirst(root, chain)));
    expect(ids(queryAllAny(root, chain))).toEqual(ids(refAny(root, chain)));
    expect(countAny(root, chain)).toBe(refAny(root, chain).length);
  });

  it.each<[string, SelectorChain, string, string | null]>([
    ['the root itself matches', ['article[data-testid="tweet"]'], 'a1', 'a1'],
    ['a descendant matches', ['span.y'], 'a1', 's2'],
    ['the root matches the fallback, a descendant the preferred selector', ['span', 'article'], 'a1', 's1'],
    ['nothing matches', ['em'], 'a2', null],
  ])('firstSelfOrDescendant: %s', (_, chain, rootId, expected) => {
    const root = fixture().querySelector(`#${rootId}`);
    if (!root) throw new Error('fixture');
    expect(firstSelfOrDescendant(root, chain)?.id ?? null).toBe(expected);
    expect(firstSelfOrDescendant(root, chain)).toBe(selfAndDescendants(root, chain)[0] ?? null);
  });
});

describe('touchesAny', () => {
  // Reference: some selector matches the element, an ancestor, or a descendant.
  const refTouches = (el: Element, chain: SelectorChain) =>
    chain.some((s) => {
      try {
        return el.closest(s) !== null || el.querySelector(s) !== null;
      } catch {
        return false;
      }
    });
  const ELEMENTS = ['a1', 'q1', 's1', 's3', 'a2', 's4'];
  it.each(CHAINS)('%s', (_label, chain) => {
    const host = fixture();
    for (const id of ELEMENTS) {
      const el = host.querySelector(`#${id}`);
      if (!el) throw new Error(id);
      expect([id, touchesAny(el, chain)]).toEqual([id, refTouches(el, chain)]);
    }
  });
  it.each<[string, SelectorChain, boolean]>([
    ['inside a match', ['div[role="link"]'], true],
    ['only a sibling matches', ['.x.y'], false],
    ['itself', ['.x'], true],
    ['nowhere near', ['em'], false],
  ])('s1 %s', (_label, chain, expected) => {
    const el = fixture().querySelector('#s1');
    if (!el) throw new Error('s1');
    expect(touchesAny(el, chain)).toBe(expected);
  });
});

describe('closestOfAny', () => {
  // Reference: walk up and take the first element some selector of the chain matches.
  const refNearest = (el: Element, chain: SelectorChain): Element | null => {
    for (let p: Element | null = el; p; p = p.parentElement) {
      if (chain.some((s) => {
        try {
          return p?.matches(s) ?? false;
        } catch {
          return false;
        }
      })) return p;
    }
    return null;
  };
  it.each(CHAINS)('%s', (_label, chain) => {
    const host = fixture();
    for (const el of Array.from(host.querySelectorAll('*'))) {
      expect([el.id, closestOfAny(el, chain)?.id ?? null]).toEqual([el.id, refNearest(el, chain)?.id ?? null]);
    }
  });
});
