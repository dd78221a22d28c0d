// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_WALK_NODES, normaliseWhitespace, readText, walkedText, type ReadTextOptions } from '../../../lib/dom/text';

function read(html: string, options?: ReadTextOptions): string {
  const host = document.createElement('div');
  host.innerHTML = html;
  return readText(host, options);
}

describe('readText', () => {
  it.each<[string, string, ReadTextOptions | undefined]>([
    ['hello', 'hello', undefined],
    ['<span>a</span><img alt="😡"><img alt="📦"><span> b</span>', 'a😡📦 b', undefined],
    ['line one<br>line two', 'line one\nline two', undefined],
    ['<span>keep\nmy\n\nbreaks</span>', 'keep\nmy\n\nbreaks', undefined],
    ['<span>hi </span><div><span><a href="/acme">@acme</a></span></div><span> there</span>', 'hi @acme there', undefined],
    ['<a href="https://t.co/x"><span aria-hidden="true">https://</span>ex.com/a<span aria-hidden="true">bc</span><span aria-hidden="true">…</span></a>', 'https://ex.com/abc', undefined],
    ['<a href="https://t.co/x" title="https://ex.com/full/path">ex.com/full…</a>', 'https://ex.com/full/path', undefined],
    ['<a href="/hashtag/acme">#acme</a>', '#acme', undefined],
    ['<span>hi </span><a href="/acme" title="Acme Support">@acme</a><a href="/hashtag/x">#x</a>', 'hi @acme#x', undefined],
    ['<span>see </span><a href="https://t.co/x">www.ex.com/a…</a>', 'see www.ex.com/a', undefined],
    ['&lt;img src=x onerror=alert(1)&gt;', '<img src=x onerror=alert(1)>', undefined],
    ['<script>alert(1)</script><style>p{}</style>ok', 'ok', undefined],
    ['text<div role="button">Show more</div>', 'text', { skip: ['[role="button"]'] }],
    ['text<div role="button">Show more</div>', 'textShow more', { skip: ['::not-a-selector'] }],
    ['<span>plain <b>bold</b> text</span>', 'plain bold text', undefined],
    ['<p>one</p><p>two</p>', 'one\n\ntwo', { collapseNewlines: true }],
    ['<p>one</p><p>two</p>', 'onetwo', undefined],
    ['<div dir="auto">para\n  one</div><div dir="auto">para two</div>', 'para one\n\npara two', { collapseNewlines: true }],
  ])('%j', (html, expected, options) => {
    expect(read(html, options)).toBe(expected);
  });

  it('returns exactly the text of any text node, markup-like or not', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const host = document.createElement('div');
        host.append(document.createTextNode(`x${s}x`));
        const out = readText(host);
        expect(out.startsWith('x') && out.endsWith('x')).toBe(true);
        expect(host.children).toHaveLength(0);
      }),
      { numRuns: 200 },
    );
  });

  it('the textContent fast path says exactly what the node walk says, for any markup', () => {
    type Tree = string | { tag: string; attrs: [string, string][]; children: Tree[] };
    // URL-like labels and titles too: a link reads as its own text only without them.
    const text = fc.oneof(fc.stringMatching(/^[a-z @#.…\n\t\u00a0:/]{0,8}$/), fc.constantFrom('https://ex.com/a…', ' www.ex.com ', '@acme', '#acme', 'http://x', 'ex.com/a…'));
    const attr = fc.constantFrom<[string, string]>(
      ['aria-hidden', 'true'],
      ['role', 'button'],
      ['title', 'https://ex.com/x'],
      ['title', ' www.ex.com/a '],
      ['title', 'Acme Support'],
      ['href', '/acme'],
      ['alt', '😀'],
      ['dir', 'auto'],
      ['lang', 'en'],
    );
    const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        fc.record({
          tag: fc.constantFrom('span', 'div', 'a', 'img', 'br', 'b', 'p', 'button', 'script', 'svg'),
          attrs: fc.array(attr, { maxLength: 2 }),
          children: fc.array(tie('tree'), { maxLength: 3 }),
        }),
      ),
    }));
    const build = (t: Tree): Node => {
      if (typeof t === 'string') return document.createTextNode(t);
      const el = document.createElement(t.tag);
      for (const [name, value] of t.attrs) el.setAttribute(name, value);
      for (const child of t.children) el.append(build(child));
      return el;
    };
    const optionsArb = fc.constantFrom<ReadTextOptions>({}, { collapseNewlines: true }, { skip: ['[role="button"]'] }, { skip: ['[role="button"]'], collapseNewlines: true });
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 4 }), optionsArb, (children, options) => {
        const host = document.createElement('div');
        for (const child of children) host.append(build(child));
        expect(readText(host, options)).toBe(normaliseWhitespace(walkedText(host, options)));
      }),
      { numRuns: 1500 },
    );
  });

  it('normaliseWhitespace: its quick "nothing to do" test never skips a change the replacements make', () => {
    const reference = (text: string) =>
      text.replace(/\r\n?/g, '\n').replace(/[ \t\u00a0\u202f]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim();
    const piece = fc.constantFrom('a', 'Б', '字', ' ', '  ', '\n', '\n\n\n', '\r', '\r\n', '\t', '\u00a0', '\u202f', '\u2003', '\ufeff', '😀');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(normaliseWhitespace(text)).toBe(reference(text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('readText on hostile depth', () => {
  /** `depth` nested elements built by hand (no parser recursion), text at the bottom. */
  function nested(depth: number, tag: string, leaf: string): HTMLElement {
    const root = document.createElement('div');
    let at: HTMLElement = root;
    for (let i = 0; i < depth; i++) {
      const next = document.createElement(i % 7 === 3 ? 'a' : tag);
      at.append(next);
      at = next;
    }
    at.append(document.createTextNode(leaf), document.createElement('br'), document.createTextNode('end'));
    return root;
  }

  it.each([
    [12_000, 'span', { collapseNewlines: true }],
    [12_000, 'div', { collapseNewlines: true }],
    [20_000, 'span', {}],
  ] as const)('reads %i levels of <%s> without overflowing the stack', (depth, tag, options) => {
    const text = walkedText(nested(depth, tag, '@acme deep'), options);
    expect(text.replace(/\s+/g, ' ').trim()).toBe('@acme deep end');
  });

  it.each([
    [1, ''],
    [2, 'first '],
    [12, 'first '],
    [13, 'first never read'],
  ])('stops after its node budget (%i nodes) and keeps what it read', (budget, text) => {
    const root = document.createElement('div');
    root.append(document.createTextNode('first '));
    for (let i = 0; i < 10; i++) root.append(document.createElement('i'));
    root.append(document.createTextNode('never read'));
    expect(walkedText(root, {}, budget)).toBe(text);
    expect(MAX_WALK_NODES).toBeGreaterThan(1000);
  });
});
