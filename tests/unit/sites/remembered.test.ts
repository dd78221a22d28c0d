import { describe, expect, it } from 'vitest';
import { rememberedByHref } from '@/lib/sites/remembered';

describe('rememberedByHref', () => {
  it('parses each href once, a missing answer included, and starts over past its limit', () => {
    const parsed: string[] = [];
    const parse = rememberedByHref((href: string) => {
      parsed.push(href);
      return href.startsWith('/') ? href.length : undefined;
    }, 2);
    expect([parse('/a'), parse('/a'), parse('x'), parse('x')]).toEqual([2, 2, undefined, undefined]);
    expect(parsed).toEqual(['/a', 'x']);
    parse('/bb'); // a third href: the remembered two are dropped
    parse('/a');
    expect(parsed).toEqual(['/a', 'x', '/bb', '/a']);
  });
});
