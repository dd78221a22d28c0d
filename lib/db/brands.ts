/** Brand profiles and agent settings: small records, written whole after parsing. */
import { AgentSettingsSchema, BrandProfileSchema, type AgentSettings, type BrandProfile } from '../schemas/settings';
import type { ReplylineDb } from './db';
import { replaceMovedZones, reviewRebuildTables, timeZones } from './rollups';

export async function saveBrand(db: ReplylineDb, input: unknown): Promise<BrandProfile> {
  const brand = BrandProfileSchema.parse(input);
  // A new time zone re-places the brand's review rollups in the same transaction.
  await db.transaction('rw', reviewRebuildTables(db), async () => {
    const before = await timeZones(db);
    await db.brands.put(brand);
    await replaceMovedZones(db, [brand.id], before, await timeZones(db));
  });
  return brand;
}

export async function deleteBrand(db: ReplylineDb, id: string): Promise<void> {
  await db.transaction('rw', reviewRebuildTables(db), async () => {
    const before = await timeZones(db);
    await db.brands.delete(id);
    const settings = await db.settings.get('me');
    if (settings?.activeBrandId === id) await db.settings.put({ ...settings, activeBrandId: undefined });
    // Its replies and mentions stay in Review, now in an imported zone or UTC.
    await replaceMovedZones(db, [id], before, await timeZones(db));
  });
}

export async function getSettings(db: ReplylineDb): Promise<AgentSettings> {
  const stored = await db.settings.get('me');
  return stored ?? AgentSettingsSchema.parse({ id: 'me', updatedAt: 0 });
}

export async function saveSettings(db: ReplylineDb, patch: Partial<Omit<AgentSettings, 'id'>>, now = Date.now()): Promise<AgentSettings> {
  return db.transaction('rw', db.settings, async () => {
    const current = await getSettings(db);
    const next = AgentSettingsSchema.parse({ ...current, ...patch, id: 'me', updatedAt: now });
    await db.settings.put(next);
    return next;
  });
}
