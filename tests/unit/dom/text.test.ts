// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readText, type ReadTextOptions } from '../../../lib/dom/text';

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
    ['&lt;img src=x onerror=alert(1)&gt;', '<img src=x onerror=alert(1)>', undefined],
    ['<script>alert(1)</script><style>p{}</style>ok', 'ok', undefined],
    ['text<div role="button">Show more</div>', 'text', { skip: (el) => el.getAttribute('role') === 'button' }],
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
});
