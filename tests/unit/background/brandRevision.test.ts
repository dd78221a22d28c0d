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
import { recorder } from '../support/recorder';

const brand = (id: string, updatedAt: number) => BrandProfileSchema.parse({ id, name: id, names: [id], createdAt: 0, updatedAt });

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
    const published = recorder<string>();
    stop = registerBrandRevision(db, async (revision) => published.push(revision));
    await published.count(1);
    expect(published.seen).toEqual(['acme@1']);

    await db.brands.put(brand('globex', 5));
    await published.count(2);
    await db.brands.put(brand('acme', 7));
    await published.count(3);
    await db.brands.delete('globex');
    await published.count(4);
    expect(published.seen).toEqual(['acme@1', 'acme@1|globex@5', 'acme@7|globex@5', 'acme@7']);
  });

  it('by default writes the revision to storage.local, where content scripts listen', async () => {
    const db = await freshDb();
    await db.brands.put(brand('acme', 3));
    // The write itself is the event: storage.onChanged reports it.
    const written = recorder<unknown>();
    fakeBrowser.storage.local.onChanged.addListener((changes: Record<string, { newValue?: unknown }>) => {
      if (BRANDS_REVISION_KEY in changes) written.push(changes[BRANDS_REVISION_KEY]?.newValue);
    });
    stop = registerBrandRevision(db);
    await written.count(1);
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
