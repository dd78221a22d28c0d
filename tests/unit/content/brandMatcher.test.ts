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

const answers = vi.hoisted(() => ({ queue: [] as unknown[], calls: 0 }));
vi.mock('@/lib/messages', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/messages')>();
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
const until = async (check: () => boolean, ms = 3000) => {
  for (let t = 0; t < ms && !check(); t += 10) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('watchBrandMatcher', () => {
  const scope = new AbortController();
  afterEach(() => {
    answers.queue.length = 0;
    answers.calls = 0;
    fakeBrowser.reset();
  });

  it('compiles the brands at start and again after a published brand change', async () => {
    answers.queue.push({ revision: 'acme@1', brands: [brand('acme', ['Acme'], 1, ['@Acme_Help'])] });
    const matchers: Matcher[] = [];
    const handleTests: ((handle: string) => boolean)[] = [];
    watchBrandMatcher(scope.signal, (b) => {
      matchers.push(b.matcher);
      handleTests.push(b.isBrandHandle);
    });
    await until(() => matchers.length === 1);
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
    await until(() => matchers.length === 2);
    expect(matchers[1]?.match('I love Globex').length).toBe(1);
    expect(handleTests[1]?.('globex_care')).toBe(false);

    // Other keys and the same revision again change nothing.
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    await new Promise((r) => setTimeout(r, 50));
    expect(answers.calls).toBe(2);
    scope.abort();
  });

  it('retries while the background does not answer, and rejects a malformed answer', async () => {
    const local = new AbortController();
    answers.queue.push(new Error('Could not establish connection'), { revision: 'x', brands: [{ id: 'no name' }] }, { revision: 'acme@1', brands: [brand('acme', ['Acme'])] });
    const matchers: Matcher[] = [];
    watchBrandMatcher(local.signal, (b) => matchers.push(b.matcher));
    await until(() => matchers.length === 1, 5000);
    expect(answers.calls).toBe(3);
    expect(matchers[0]?.match('acme').length).toBe(1);
    local.abort();
  });

  it('reports a failure of the page applying the brands as itself, not as a sleeping worker to retry', async () => {
    const local = new AbortController();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    answers.queue.push({ revision: 'acme@1', brands: [brand('acme', ['Acme'])] });
    const overflow = new RangeError('Maximum call stack size exceeded');
    watchBrandMatcher(local.signal, () => {
      throw overflow;
    });
    await until(() => logged.mock.calls.length === 1);
    expect(logged.mock.calls[0]).toContain(overflow);
    expect(answers.calls).toBe(1);
    logged.mockRestore();
    local.abort();
  });

  it('stops listening once aborted', async () => {
    const local = new AbortController();
    answers.queue.push({ revision: 'acme@1', brands: [brand('acme', ['Acme'])] });
    const matchers: Matcher[] = [];
    watchBrandMatcher(local.signal, (b) => matchers.push(b.matcher));
    await until(() => matchers.length === 1);
    local.abort();
    answers.queue.push({ revision: 'acme@2', brands: [brand('acme', ['Acme'], 2)] });
    await fakeBrowser.storage.local.set({ [BRANDS_REVISION_KEY]: 'acme@2' });
    await new Promise((r) => setTimeout(r, 50));
    expect(matchers).toHaveLength(1);
    expect(answers.calls).toBe(1);
  });
});
