/** Loads the demo data in one transaction (idempotent: fixed ids). */
import { demoData } from '../demo/seed';
import type { ReplylineDb } from './db';

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
}
