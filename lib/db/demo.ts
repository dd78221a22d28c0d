/** Loads the demo data (idempotent: fixed ids), then the demo team's log bundles for the Review page. */
import { demoData } from '../demo/seed';
import { demoTeamBundles } from '../demo/team';
import type { ReplylineDb } from './db';
import { importBundles } from './review';

export async function loadDemoData(db: ReplylineDb, now = Date.now()): Promise<void> {
  const data = demoData(now);
  await db.transaction('rw', [db.brands, db.customers, db.templates, db.toneNotes, db.settings], async () => {
    await db.brands.put(data.brand);
    await db.customers.bulkPut(data.customers);
    await db.templates.bulkPut(data.templates);
    await db.toneNotes.bulkPut(data.toneNotes);
    const settings = await db.settings.get('me');
    await db.settings.put({
      id: 'me',
      agentName: settings?.agentName || 'Sam',
      xPremium: settings?.xPremium ?? false,
      onboarded: true,
      activeBrandId: data.brand.id,
      updatedAt: now,
    });
  });
  // Through the same import a team lead uses, so rollups and goals are built the usual way.
  await importBundles(db, demoTeamBundles(data.brand, now).map((b) => ({ name: `${b.agent}.json`, text: JSON.stringify(b) })));
}
