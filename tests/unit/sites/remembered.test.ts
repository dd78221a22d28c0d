import { describe, expect, it } from 'vitest';
import { rememberedByHref } from '@/lib/sites/remembered';

describe('rememberedByHref', () => {
  it('parses each href once while it is among the last few, a missing answer included', () => {
    const parsed: string[] = [];
    const parse = rememberedByHref((href: string) => {
      parsed.push(href);
      return href.startsWith('/') ? href.length : undefined;
    }, 2);
    expect([parse('/a'), parse('/a'), parse('x'), parse('x')]).toEqual([2, 2, undefined, undefined]);
    expect(parsed).toEqual(['/a', 'x']);
    parse('/bb'); // a third href takes the oldest one's place
    parse('x');
    parse('/a');
    expect(parsed).toEqual(['/a', 'x', '/bb', '/a']);
  });

  it('knows an href by its value, not by the string object the page handed over', () => {
    let parses = 0;
    const parse = rememberedByHref((href: string) => {
      parses += 1;
      return href.length;
    });
    const token = 'x9'.repeat(150);
    // Built apart, as two getAttribute calls give two strings with the same characters.
    const first = ['https://www.facebook.com/acme/posts/1?t=', token].join('');
    const second = `https://www.facebook.com/acme/posts/1?t=${token}`;
    expect([parse(first), parse(second)]).toEqual([first.length, first.length]);
    expect(parses).toBe(1);
  });
});
