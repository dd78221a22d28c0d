/** Brand profiles and agent settings: small records, written whole after parsing. */
import { AgentSettingsSchema, BrandProfileSchema, type AgentSettings, type BrandProfile } from '../schemas/settings';
import type { ReplylineDb } from './db';

export async function saveBrand(db: ReplylineDb, input: unknown): Promise<BrandProfile> {
  const brand = BrandProfileSchema.parse(input);
  await db.brands.put(brand);
  return brand;
}

export async function deleteBrand(db: ReplylineDb, id: string): Promise<void> {
  await db.transaction('rw', db.brands, db.settings, async () => {
    await db.brands.delete(id);
    const settings = await db.settings.get('me');
    if (settings?.activeBrandId === id) await db.settings.put({ ...settings, activeBrandId: undefined });
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
