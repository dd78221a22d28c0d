/**
 * The content script's brand matcher follows the background: fetched at start, fetched again when
 * the published revision changes, retried while the service worker is not answering.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { watchBrandMatcher } from '@/entrypoints/content/brandMatcher';
import { BRANDS_REVISION_KEY } from '@/lib/pipeline/brandRevision';
import { BrandProfileSchema, type BrandProfile } from '@/lib/schemas/settings';
import type { Matcher } from '@/lib/matching/matcher';
import { recorder } from '../support/recorder';

const answers = vi.hoisted(() => ({ queue: [] as unknown[], calls: 0 }));
vi.mock('@/entrypoints/content/messaging', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/entrypoints/content/messaging')>();
  return {
    ...actual,
    sendMessage: async (name: string) => {
      if (name !== 'matchProfilesGet') throw new Error(`unexpected ${name}`);
      answers.calls += 1;
      const next = answers.queue.shift();
      if (next instanceof Error) throw next;
      return next;
    },
  };
});

const brand = (id: string, names: string[], updatedAt = 1, handles: string[] = []): BrandProfile =>
  BrandProfileSchema.parse({ id, name: id, names, handles, createdAt: 0, updatedAt });

describe('watchBrandMatcher', () => {
  const scope = new AbortController();
  afterEach(() => {
    answers.queue.length = 0;
    answers.calls = 0;
    fakeBrowser.reset();
  });

  it('compiles the brands at start and again after a published brand change', async () => {
    answers.queue.push({ revision: 'acme@1', brands: [brand('acme', ['Acme'], 1, ['@Acme_Help'])] });
    const compiled = recorder<Matcher>();
    const matchers = compiled.seen;
    const handleTests: ((handle: string) => boolean)[] = [];
    watchBrandMatcher(scope.signal, (b) => {
      handleTests.push(b.isBrandHandle);
      compiled.push(b.matcher);
    });
    await compiled.count(1);
    expect(matchers[0]?.match('I love Acme').length).toBe(1);
    expect(matchers[0]?.match('I love Globex').length).toBe(0);
    // The page's copy is the superset test: a whole post's textContent runs the time into the text.
    expect(matchers[0]?.match('Jane·5hAcme lost my order').length).toBe(1);
    // The brand's own handles, however they are spelt in the page; never a bare name.
    expect(['@Acme_Help', 'acme_help', 'ＡＣＭＥ_help', 'Acme', 'acme_helpdesk'].map((h) => handleTests[0]?.(h))).toEqual([true, true, true, false, false]);

    // Globex does not count thread replies as mentions: its handle is not asked about in the page.
    const globex = { ...brand('globex', ['Globex'], 2, ['globex_care']), threadMentions: false };
    answers.queue.push({ revision: 'acme@1|globex@2', brands: [brand('acme', ['Acme']), globex] });
    await fakeBrowser.storage.local.set({ [BRANDS_REVISION_KEY]: 'acme@1|globex@2' });
    await compiled.count(2);
    expect(matchers[1]?.match('I love Globex').length).toBe(1);
    expect(handleTests[1]?.('globex_care')).toBe(false);

    // Other keys and the same revision again change nothing: the next fetch is the next revision's.
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    await fakeBrowser.storage.local.set({ [BRANDS_REVISION_KEY]: 'acme@1|globex@2' });
    answers.queue.push({ revision: 'acme@3', brands: [brand('acme', ['Acme'], 3)] });
    await fakeBrowser.storage.local.set({ [BRANDS_REVISION_KEY]: 'acme@3' });
    await compiled.count(3);
    expect(answers.calls).toBe(3);
    expect(matchers[2]?.match('I love Globex').length).toBe(0);
    scope.abort();
  });

  it('retries while the background does not answer, and rejects a malformed answer', async () => {
    // The retry delays run on a fake clock: the test moves it, it never sleeps.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const local = new AbortController();
      answers.queue.push(new Error('Could not establish connection'), { revision: 'x', brands: [{ id: 'no name' }] }, { revision: 'acme@1', brands: [brand('acme', ['Acme'])] });
      const compiled = recorder<Matcher>();
      watchBrandMatcher(local.signal, (b) => compiled.push(b.matcher));
      // The first two retry delays (0.5 s, then 2 s).
      // The first two retry delays (0.5 s, then 2 s).
      await vi.advanceTimersByTimeAsync(2_500);
      expect(answers.calls).toBe(3);
      expect(compiled.seen).toHaveLength(1);
      expect(compiled.seen[0]?.match('acme').length).toBe(1);
      local.abort();
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a failure of the page applying the brands as itself, not as a sleeping worker to retry', async () => {
    const local = new AbortController();
    const errors = recorder<unknown[]>();
    const logged = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => errors.push(args));
    answers.queue.push({ revision: 'acme@1', brands: [brand('acme', ['Acme'])] });
    const overflow = new RangeError('Maximum call stack size exceeded');
    watchBrandMatcher(local.signal, () => {
      throw overflow;
    });
    await errors.count(1);
    expect(logged.mock.calls).toHaveLength(1);
    expect(logged.mock.calls[0]).toContain(overflow);
    expect(answers.calls).toBe(1);
    logged.mockRestore();
    local.abort();
  });

  it('stops listening once aborted', async () => {
    const local = new AbortController();
    answers.queue.push({ revision: 'acme@1', brands: [brand('acme', ['Acme'])] });
    const compiled = recorder<Matcher>();
    watchBrandMatcher(local.signal, (b) => compiled.push(b.matcher));
    await compiled.count(1);
    local.abort();
    answers.queue.push({ revision: 'acme@2', brands: [brand('acme', ['Acme'], 2)] });
    // storage.onChanged listeners run inside set(), and a fetch starts synchronously in them.
    await fakeBrowser.storage.local.set({ [BRANDS_REVISION_KEY]: 'acme@2' });
    expect(answers.calls).toBe(1);
    expect(compiled.seen).toHaveLength(1);
  });
});
