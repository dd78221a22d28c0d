import { describe, expect, it } from 'vitest';
import { leftTheSites } from '@/lib/background/coreHandlers';

// Without `tabs`, Chrome leaves `url` out of tab updates for sites we have no host permission for.
describe('leftTheSites: which tab updates drop a page-health warning', () => {
  it.each<[string, { status?: string; url?: string; title?: string }, { url?: string }, boolean]>([
    ['SPA move within X', { url: 'https://x.com/search?q=acme' }, { url: 'https://x.com/search?q=acme' }, false],
    ['full load of another X page', { status: 'loading' }, { url: 'https://x.com/home' }, false],
    ['navigated to an unrelated site (URL hidden)', { status: 'loading' }, {}, true],
    ['URL shown and not one of the sites', { url: 'https://example.com/' }, { url: 'https://example.com/' }, true],
    ['title or favicon change on an unrelated site', { title: 'x' }, {}, false],
    ['page finished loading on Facebook', { status: 'complete' }, { url: 'https://www.facebook.com/acme' }, false],
  ])('%s → %s', (_label, change, tab, left) => {
    expect(leftTheSites(change, tab)).toBe(left);
  });
});
