/**
 * Review rollup upkeep in the DB. Every write that changes a reply-log entry or a queued mention
 * calls `applyReviewChanges` (or `syncMentions` for queue writes) INSIDE its own transaction, with
 * the tables of `reviewUpkeepTables` in scope, so rollups never drift from the rows they count.
 *
 * Changes are applied as deltas: rollups of the new rows (+) and of the rows they replace (−), built
 * with the pure `buildRollups`, added to the stored records. That is exactly `upsertEntry` /
 * `upsertMention` (−prev +next) but costs one pass for a whole batch, which keeps a 100k-row import
 * linear (upserting row by row would copy each touched record's count maps once per row).
 */
import type { Transaction } from 'dexie';
import { canonicalJson } from '../review/canonical';
import type { Change } from '../review/bundle';
import { mentionFromQueueItem } from '../review/bundle';
import type { TimeZoneOf } from '../review/filter';
import { buildRollups, isEmptyRollup } from '../review/rollups';
import { addCount } from '../review/stats';
import { QueueItemSchema, type QueueItem } from '../schemas/queue';
import type { ReplyLogEntry } from '../schemas/replies';
import type { MentionRecord, Rollup } from '../schemas/review';
import { AgentSettingsSchema, BrandProfileSchema } from '../schemas/settings';
import type { ReplylineDb } from './db';

/** Tables a writer must add to its transaction scope to keep mentions and rollups in step. */
export function reviewUpkeepTables(db: ReplylineDb) {
  return [db.mentions, db.rollups, db.brands, db.reviewBrands, db.settings];
}

/** Brand → time zone: own brands first, then brands known from imported bundles, else UTC. */
export async function timeZones(db: ReplylineDb): Promise<TimeZoneOf> {
  const [own, imported] = await Promise.all([db.brands.toArray(), db.reviewBrands.toArray()]);
  const zones = new Map<string, string>();
  for (const b of imported) zones.set(b.id, b.businessHours.timeZone);
  for (const b of own) zones.set(b.id, b.businessHours.timeZone);
  return (brandId) => zones.get(brandId) ?? 'UTC';
}

/** The name own rows are logged under (as lib/db/replyLog.ts writes it). */
export async function ownAgentName(db: ReplylineDb): Promise<string> {
  const settings = await db.settings.get('me');
  return settings?.agentName || 'agent';
}

const COUNTERS = [
  'replies', 'slaMet', 'templated', 'toneOverrides', 'repliesWithOverride', 'escalations',
  'mentions', 'complaints', 'complaintsAnswered', 'answered', 'ignored', 'dismissed',
] as const satisfies readonly (keyof Rollup)[];
const NUMBER_MAPS = ['frtWallMin', 'frtBusinessMin', 'replySlots', 'mentionSlots'] as const satisfies readonly (keyof Rollup)[];
const STRING_MAPS = ['textHashes', 'dismissReasons'] as const satisfies readonly (keyof Rollup)[];

function zeroLike(r: Rollup): Rollup {
  const out: Rollup = { ...r };
  for (const c of COUNTERS) out[c] = 0;
  for (const m of NUMBER_MAPS) out[m] = new Map();
  for (const m of STRING_MAPS) out[m] = new Map();
  return out;
}

/** into += sign · delta (mutates `into`, a fresh copy read from the DB or built here). */
export function addRollup(into: Rollup, delta: Rollup, sign: 1 | -1): void {
  for (const c of COUNTERS) into[c] += sign * delta[c];
  for (const m of NUMBER_MAPS) for (const [k, n] of delta[m]) addCount(into[m], k, sign * n);
  for (const m of STRING_MAPS) for (const [k, n] of delta[m]) addCount(into[m], k, sign * n);
}

/** The rollups table, from `db` or from an upgrade transaction. */
export type RollupTable = Pick<ReplylineDb['rollups'], 'bulkGet' | 'bulkPut' | 'bulkDelete'>;

export interface ReviewChanges {
  entries?: readonly Change<ReplyLogEntry>[];
  mentions?: readonly Change<MentionRecord>[];
}

const unchanged = <T>(c: Change<T>): boolean => c.prev !== undefined && canonicalJson(c.prev) === canonicalJson(c.next);

/**
 * Adds the rollup effect of the changes to `rollups` (call inside the writer's transaction). Each
 * `prev` must be the row stored before under the same id/key, each id/key at most once.
 * Records left empty are deleted. Returns the number of records written or deleted.
 */
export async function applyReviewChanges(rollups: RollupTable, changes: ReviewChanges, tzOf: TimeZoneOf): Promise<number> {
  const entries = (changes.entries ?? []).filter((c) => !unchanged(c));
  const mentions = (changes.mentions ?? []).filter((c) => !unchanged(c));
  if (entries.length === 0 && mentions.length === 0) return 0;
  const plus = buildRollups(entries.map((c) => c.next), mentions.map((c) => c.next), tzOf);
  const minus = buildRollups(
    entries.flatMap((c) => (c.prev ? [c.prev] : [])),
    mentions.flatMap((c) => (c.prev ? [c.prev] : [])),
    tzOf,
  );
  const keys = [...new Set([...plus.keys(), ...minus.keys()])];
  const stored = await rollups.bulkGet(keys);
  const puts: Rollup[] = [];
  const deletes: string[] = [];
  keys.forEach((key, i) => {
    const add = plus.get(key);
    const sub = minus.get(key);
    const template = add ?? sub;
    if (!template) return;
    const rec = stored[i] ?? zeroLike(template);
    if (add) addRollup(rec, add, 1);
    if (sub) addRollup(rec, sub, -1);
    if (isEmptyRollup(rec)) deletes.push(key);
    else puts.push(rec);
  });
  if (puts.length > 0) await rollups.bulkPut(puts);
  if (deletes.length > 0) await rollups.bulkDelete(deletes);
  return puts.length + deletes.length;
}

/**
 * Rollups are placed in their brand's local days and hours, so a brand whose time zone moved (its
 * hours edited, an own brand deleted so an imported zone or UTC applies, a bundle bringing a new
 * zone) needs its rollups placed again: left as they were, the next delta of one of its rows would
 * subtract from the wrong day and the counts would drift. Call inside the writer's transaction with
 * `reviewRebuildTables` in scope, BEFORE writing new reply-log or mention rows, with `before` read
 * before the brand change. Returns the brands rebuilt. Rare (an admin edit): it reads every reply
 * and mention, which no index by brand would save (a rebuild needs all of a brand's rows anyway).
 */
export async function replaceMovedZones(db: ReplylineDb, brandIds: Iterable<string>, before: TimeZoneOf, after: TimeZoneOf): Promise<string[]> {
  const moved = new Set([...brandIds].filter((id) => before(id) !== after(id)));
  if (moved.size === 0) return [];
  const [stale, entries, mentions] = await Promise.all([
    db.rollups.filter((r) => moved.has(r.brandId)).primaryKeys(),
    db.replyLog.filter((e) => moved.has(e.brandId)).toArray(),
    db.mentions.filter((m) => moved.has(m.brandId)).toArray(),
  ]);
  await db.rollups.bulkDelete(stale);
  await db.rollups.bulkPut([...buildRollups(entries, mentions, after).values()]);
  return [...moved];
}

/** Tables `replaceMovedZones` reads and writes. */
export function reviewRebuildTables(db: ReplylineDb) {
  return [db.replyLog, ...reviewUpkeepTables(db)];
}

function lastPerKey(items: readonly QueueItem[]): QueueItem[] {
  return [...new Map(items.map((i) => [i.key, i])).values()];
}

/**
 * Mirrors queue items into `mentions` and the rollups (call inside the queue writer's transaction,
 * with `reviewUpkeepTables` in scope). The own queue is the truth for its mentions: the record is
 * overwritten, never merged. Returns the number of mentions that changed.
 */
export async function syncMentions(db: ReplylineDb, items: readonly QueueItem[], tzOf?: TimeZoneOf): Promise<number> {
  if (items.length === 0) return 0;
  const agent = await ownAgentName(db);
  const nexts = lastPerKey(items).map((item) => mentionFromQueueItem(item, agent));
  const prevs = await db.mentions.bulkGet(nexts.map((m) => m.key));
  const changes = nexts.map((next, i): Change<MentionRecord> => {
    const prev = prevs[i];
    return prev ? { prev, next } : { next };
  }).filter((c) => !unchanged(c));
  if (changes.length === 0) return 0;
  await db.mentions.bulkPut(changes.map((c) => c.next));
  await applyReviewChanges(db.rollups, { mentions: changes }, tzOf ?? (await timeZones(db)));
  return changes.length;
}

/** Version 2 upgrade: one mention per existing queue item, with its rollups. */
export async function upgradeToReviewV2(tx: Transaction): Promise<void> {
  const settings = AgentSettingsSchema.safeParse(await tx.table('settings').get('me'));
  const agent = (settings.success && settings.data.agentName) || 'agent';
  const zones = new Map<string, string>();
  for (const row of await tx.table('brands').toArray()) {
    const brand = BrandProfileSchema.pick({ id: true, businessHours: true }).safeParse(row);
    if (brand.success) zones.set(brand.data.id, brand.data.businessHours.timeZone);
  }
  const mentions: MentionRecord[] = [];
  for (const row of await tx.table('queue').toArray()) {
    // A row an older build wrote in another shape is skipped, not allowed to block the upgrade.
    const item = QueueItemSchema.safeParse(row);
    if (!item.success) continue;
    try {
      mentions.push(mentionFromQueueItem(item.data, agent));
    } catch {
      continue;
    }
  }
  if (mentions.length === 0) return;
  await tx.table<MentionRecord, string>('mentions').bulkPut(mentions);
  await applyReviewChanges(tx.table<Rollup, string>('rollups'), { mentions: mentions.map((next) => ({ next })) }, (id) => zones.get(id) ?? 'UTC');
}
