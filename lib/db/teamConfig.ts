/**
 * The team's configuration (brands, templates, tone notes, customers) as leads edit it on the
 * server, written over the local records with the same ids in one transaction. Local records the
 * team does not name stay: an agent may keep private templates.
 */
import type { TeamConfig } from '../team/protocol';
import type { ReplylineDb } from './db';
import { replaceMovedZones, reviewRebuildTables, timeZones } from './rollups';

export async function applyTeamConfig(db: ReplylineDb, config: TeamConfig): Promise<void> {
  await db.transaction('rw', [...reviewRebuildTables(db), db.templates, db.toneNotes, db.customers], async () => {
    if (config.brands.length > 0) {
      const before = await timeZones(db);
      await db.brands.bulkPut(config.brands);
      // A lead who moved a brand's hours to another zone: its review rollups follow.
      await replaceMovedZones(db, config.brands.map((b) => b.id), before, await timeZones(db));
    }
    if (config.templates.length > 0) await db.templates.bulkPut(config.templates);
    if (config.toneNotes.length > 0) await db.toneNotes.bulkPut(config.toneNotes);
    if (config.customers.length > 0) await db.customers.bulkPut(config.customers);
  });
}

/** What a lead publishes to the team: every local record of the three shared kinds. */
export async function localConfig(db: ReplylineDb): Promise<Omit<TeamConfig, 'customers'>> {
  const [brands, templates, toneNotes] = await Promise.all([db.brands.toArray(), db.templates.toArray(), db.toneNotes.toArray()]);
  return { brands, templates, toneNotes };
}
