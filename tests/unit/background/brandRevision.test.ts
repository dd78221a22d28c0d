/**
 * Content scripts pre-filter posts with the brands, so every brand change must reach them: the
 * background publishes a new revision (storage.local in the extension) and answers
 * `matchProfilesGet` with the current profiles.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { matchProfiles, registerBrandRevision } from '@/lib/background/brandRevision';
import { BRANDS_REVISION_KEY, brandsRevision } from '@/lib/pipeline/brandRevision';
import { messageSchemas } from '@/lib/messages';
import { BrandProfileSchema } from '@/lib/schemas/settings';
import { freshDb } from '../support/db';

const brand = (id: string, updatedAt: number) => BrandProfileSchema.parse({ id, name: id, names: [id], createdAt: 0, updatedAt });
const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('brandsRevision', () => {
  it.each([
    [[], ''],
    [[{ id: 'a', updatedAt: 1 }], 'a@1'],
    [[{ id: 'b', updatedAt: 2 }, { id: 'a', updatedAt: 1 }], 'a@1|b@2'],
  ])('%j → %s', (brands, expected) => {
    expect(brandsRevision(brands)).toBe(expected);
  });

  it('changes on add, edit and delete, and not on order', () => {
    const base = brandsRevision([{ id: 'a', updatedAt: 1 }, { id: 'b', updatedAt: 1 }]);
    expect(brandsRevision([{ id: 'b', updatedAt: 1 }, { id: 'a', updatedAt: 1 }])).toBe(base);
    expect(brandsRevision([{ id: 'a', updatedAt: 2 }, { id: 'b', updatedAt: 1 }])).not.toBe(base);
    expect(brandsRevision([{ id: 'a', updatedAt: 1 }])).not.toBe(base);
    expect(brandsRevision([{ id: 'a', updatedAt: 1 }, { id: 'b', updatedAt: 1 }, { id: 'c', updatedAt: 1 }])).not.toBe(base);
  });
});

describe('registerBrandRevision', () => {
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    fakeBrowser.reset();
  });

  it('publishes the revision at start and after every brand change, once per change', async () => {
    const db = await freshDb();
    await db.brands.put(brand('acme', 1));
    const published: string[] = [];
    stop = registerBrandRevision(db, async (revision) => void published.push(revision));
    await waitFor(() => published.length === 1);
    expect(published).toEqual(['acme@1']);

    await db.brands.put(brand('globex', 5));
    await waitFor(() => published.length === 2);
    await db.brands.put(brand('acme', 7));
    await waitFor(() => published.length === 3);
    await db.brands.delete('globex');
    await waitFor(() => published.length === 4);
    expect(published).toEqual(['acme@1', 'acme@1|globex@5', 'acme@7|globex@5', 'acme@7']);
  });

  it('by default writes the revision to storage.local, where content scripts listen', async () => {
    const db = await freshDb();
    await db.brands.put(brand('acme', 3));
    stop = registerBrandRevision(db);
    for (let i = 0; i < 100; i++) {
      const stored = await fakeBrowser.storage.local.get(BRANDS_REVISION_KEY);
      if (stored[BRANDS_REVISION_KEY] === 'acme@3') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await fakeBrowser.storage.local.get(BRANDS_REVISION_KEY)).toEqual({ [BRANDS_REVISION_KEY]: 'acme@3' });
  });

  it('answers matchProfilesGet with the brands and their revision', async () => {
    const db = await freshDb();
    await db.brands.bulkPut([brand('acme', 1), brand('globex', 2)]);
    // The answer must pass the schema the content script parses it with.
    const answer = messageSchemas.matchProfilesGet.output.parse(await matchProfiles(db));
    expect(answer.revision).toBe('acme@1|globex@2');
    expect(answer.brands.map((b) => b.id).sort()).toEqual(['acme', 'globex']);
  });
});
