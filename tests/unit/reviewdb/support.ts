/** Helpers for the review DB tests: table dumps that compare Maps by content, and bundle text. */
import type { ReplylineDb } from '@/lib/db/db';
import { timeZones } from '@/lib/db/rollups';
import { buildBundle, buildRollups, serialiseBundle } from '@/lib/review';
import type { ReplyLogEntry } from '@/lib/schemas/replies';
import type { BundleBrand, Goal, MentionRecord, Rollup } from '@/lib/schemas/review';

function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof Map) return [...v.entries()].map(([k, n]) => [String(k), n]).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)));
    }
    return v;
  });
}

/** Every review-relevant table, as comparable text. */
export async function dump(db: ReplylineDb): Promise<Record<string, string[]>> {
  const [replyLog, mentions, goals, rollups, reviewBrands, queue] = await Promise.all([
    db.replyLog.toArray(), db.mentions.toArray(), db.goals.toArray(), db.rollups.toArray(), db.reviewBrands.toArray(), db.queue.toArray(),
  ]);
  const rows = (list: readonly unknown[]) => list.map(stable).sort();
  return { replyLog: rows(replyLog), mentions: rows(mentions), goals: rows(goals), rollups: rows(rollups), reviewBrands: rows(reviewBrands), queue: rows(queue) };
}

/** The stored rollups, and what a full rebuild from the stored rows gives. */
export async function rollupsVsRebuild(db: ReplylineDb): Promise<{ stored: string[]; rebuilt: string[] }> {
  const tzOf = await timeZones(db);
  const [entries, mentions, stored] = await Promise.all([db.replyLog.toArray(), db.mentions.toArray(), db.rollups.toArray()]);
  const rebuilt: Rollup[] = [...buildRollups(entries, mentions, tzOf).values()];
  return { stored: stored.map(stable).sort(), rebuilt: rebuilt.map(stable).sort() };
}

export function bundleText(agent: string, entries: ReplyLogEntry[], mentions: MentionRecord[], goals: Goal[] = [], brands: BundleBrand[] = []): string {
  const all = [...entries.map((e) => e.repliedAt), ...mentions.map((m) => m.firstSeenAt)];
  const period = { from: Math.min(...all), to: Math.max(...all) };
  const bundle = buildBundle({ agent, exportedAt: period.to + 1, period, entries, mentions, goals });
  return serialiseBundle({ ...bundle, brands });
}
