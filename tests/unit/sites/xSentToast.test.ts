// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findSentToasts, parseSentToast } from '@/lib/sites/x/sent';

function toast(inner: string, attrs = 'data-testid="toast" role="alert"'): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = `<div ${attrs}>${inner}</div>`; // fixed test markup
  const el = host.firstElementChild;
  if (!(el instanceof HTMLElement)) throw new Error('fixture');
  return el;
}

describe('parseSentToast', () => {
  it.each([
    ['relative View link', '<span>Your post was sent.</span><a href="/AcmeHelp/status/1990000000000000001">View</a>', 'https://x.com/AcmeHelp/status/1990000000000000001'],
    ['Russian UI, same link', '<span>Ваш пост отправлен.</span><a href="/AcmeHelp/status/42">Посмотреть</a>', 'https://x.com/AcmeHelp/status/42'],
    ['absolute twitter.com link', '<a href="https://twitter.com/acme/status/7?s=20">View</a>', 'https://x.com/acme/status/7'],
    ['photo sub-path', '<a href="/acme/status/7/photo/1">View</a>', 'https://x.com/acme/status/7'],
    ['not a status link', '<a href="/acme">View profile</a>', null],
    ['foreign host', '<a href="https://evil.example/acme/status/7">View</a>', null],
    ['javascript: link', '<a href="javascript:alert(1)">View</a>', null],
    ['no link (e.g. "Copied to clipboard")', '<span>Copied to clipboard</span>', null],
  ])('%s', (_name, inner, expected) => {
    expect(parseSentToast(toast(inner))?.replyUrl ?? null).toBe(expected);
  });

  it('finds the toast inside a layer and on the element itself', () => {
    const layer = document.createElement('div');
    layer.append(toast('<a href="/a/status/1">View</a>'), toast('<span>Other</span>'));
    expect(findSentToasts(layer).map((t) => t.statusId)).toEqual(['1']);
    expect(findSentToasts(toast('<a href="/b/status/2">View</a>')).map((t) => t.handle)).toEqual(['b']);
  });

  it('round-trips any handle and id (property)', () => {
    const handle = fc.stringMatching(/^[A-Za-z0-9_]{1,15}$/);
    const id = fc.bigInt({ min: 1n, max: 10n ** 19n }).map(String);
    fc.assert(
      fc.property(handle, id, (h, i) => {
        const parsed = parseSentToast(toast(`<a href="/${h}/status/${i}">View</a>`));
        expect(parsed).toEqual({ replyUrl: `https://x.com/${h}/status/${i}`, handle: h, statusId: i });
      }),
    );
  });
});
