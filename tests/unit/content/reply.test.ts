// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { postElementFor } from '@/entrypoints/content/reply';

vi.mock('@/entrypoints/content/messaging', () => ({ messaging: { onMessage: () => () => undefined } }));

describe('postElementFor', () => {
  it('finds the post under whichever of its keys this page load shows', () => {
    document.body.innerHTML = `
      <div data-replyline-post="facebook:990011"></div>
      <div id="shown" data-replyline-post="facebook:pfbid0BBB222"></div>
      <div data-replyline-post="facebook:pfbid0BBB222"></div>`;
    expect(postElementFor(document, ['facebook:pfbid0AAA111', 'facebook:pfbid0BBB222'])?.id).toBe('shown');
    expect(postElementFor(document, ['facebook:pfbid0AAA111'])).toBeNull();
    expect(postElementFor(document, [])).toBeNull();
  });
});
