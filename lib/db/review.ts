/**
 * Review data in the DB: importing agents' log bundles (background only), exporting one's own
 * (any extension page may read), and the indexed reads behind the review page.
 *
 * Import: every file is parsed and validated first, each on its own (a file that cannot be read
 * never takes the others with it); a bad file is reported (code, field, entry) and contributes
 * nothing. The good ones are planned against what is stored (`planImport`: only rows that change
 * the merged result; another agent's entries are never replaced, only reported) and written in ONE
 * transaction with their rollups, so a failure leaves the DB exactly as it was, and importing the
 * same bundle again writes nothing. Nothing here throws: every outcome is a per-file result.
 */
import {
  buildBundle,
  coarseTimeRange,
  drillDown,
  duplicateIds,
  MAX_ISSUES,
  parseBundle,
  planImport,
  type EntryConflict,
  rollupKeyRange,
  rollupMatches,
  type BundleError,
  type DrillCell,
} from '../review';
import type { ReplyLogEntry } from '../schemas/replies';
import { BundleBrandSchema, type BundleBrand, type LogBundle, type MentionRecord, type ReviewFilter, type Rollup } from '../schemas/review';
import type { TimeZoneOf } from '../review/filter';
import { canonicalJson } from '../review/canonical';
import type { ReplylineDb } from './db';
import { applyReviewChanges, ownAgentName, replaceMovedZones, timeZones } from './rollups';
import { isStorageFull } from './storageErrors';

export interface ImportFile {
  name: string;
  text: string;
}

export interface ImportFileResult {
  name: string;
  ok: boolean;
  agent?: string;
  entries?: number;
  mentions?: number;
  goals?: number;
  error?: BundleError;
  /** Ids found more than once in this file (first MAX_ISSUES, as `entries:<id>`), and how many. */
  duplicates?: { ids: string[]; total: number };
  /** Entries of other agents this file tried to change (first MAX_ISSUES): not imported. */
  conflicts?: EntryConflict[];
  conflictCount?: number;
}

export interface ImportResult {
  files: ImportFileResult[];
  /** Rows (entries, mentions, goals) added / changed / already there, over all accepted files. */
  added: number;
  updated: number;
  unchanged: number;
}

function byId<T>(rows: readonly (T | undefined)[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const row of rows) {
    if (row === undefined || typeof row !== 'object' || row === null) continue;
    const id: unknown = Reflect.get(row, 'id') ?? Reflect.get(row, 'key');
    if (typeof id === 'string') out.set(id, row);
  }
  return out;
}

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];

/** Brands carried by the bundles; for the same id, the latest export wins. */
function bundleBrands(bundles: readonly LogBundle[]): BundleBrand[] {
  const out = new Map<string, { at: number; brand: BundleBrand }>();
  for (const b of bundles) {
    for (const brand of b.brands ?? []) {
      const cur = out.get(brand.id);
      if (!cur || b.exportedAt >= cur.at) out.set(brand.id, { at: b.exportedAt, brand });
    }
  }
  return [...out.values()].map((v) => v.brand);
}

function safeParse(file: ImportFile): ReturnType<typeof parseBundle> {
  try {
    return parseBundle(file.text);
  } catch (e) {
    return { ok: false, error: { code: 'invalid', message: e instanceof Error ? e.message : String(e), issues: [] } };
  }
}

/** An entry in a bundle is its agent's own: one naming another agent is that agent's to change. */
function splitForeign(b: LogBundle): { own: ReplyLogEntry[]; foreign: EntryConflict[] } {
  const own: ReplyLogEntry[] = [];
  const foreign: EntryConflict[] = [];
  for (const e of b.entries) {
    if (e.agent === b.agent) own.push(e);
    else foreign.push({ id: e.id, owner: e.agent, claimedBy: b.agent });
  }
  return { own, foreign };
}

export async function importBundles(db: ReplylineDb, files: readonly ImportFile[]): Promise<ImportResult> {
  const results: ImportFileResult[] = [];
  const accepted: { bundle: LogBundle; result: ImportFileResult; foreign: EntryConflict[] }[] = [];
  for (const file of files) {
    const parsed = safeParse(file);
    if (!parsed.ok) {
      results.push({ name: file.name, ok: false, error: parsed.error });
      continue;
    }
    const b = parsed.bundle;
    const { own, foreign } = splitForeign(b);
    const duplicates = duplicateIds(b);
    const result: ImportFileResult = {
      name: file.name, ok: true, agent: b.agent, entries: b.entries.length, mentions: b.mentions.length, goals: b.goals.length,
      ...(duplicates.total > 0 ? { duplicates } : {}),
    };
    results.push(result);
    accepted.push({ bundle: { ...b, entries: own }, result, foreign });
  }
  if (accepted.length === 0) return { files: results, added: 0, updated: 0, unchanged: 0 };
  const bundles = accepted.map((a) => a.bundle);

  const incoming = {
    entries: bundles.flatMap((b) => b.entries),
    mentions: bundles.flatMap((b) => b.mentions),
    goals: bundles.flatMap((b) => b.goals),
  };
  const brands = bundleBrands(bundles);
  const tables = [db.replyLog, db.mentions, db.goals, db.rollups, db.brands, db.reviewBrands];
  try {
    const { counts, conflicts } = await db.transaction('rw', tables, async () => {
      const [entries, mentions, goals] = await Promise.all([
        db.replyLog.bulkGet(unique(incoming.entries.map((e) => e.id))),
        db.mentions.bulkGet(unique(incoming.mentions.map((m) => m.key))),
        db.goals.bulkGet(unique(incoming.goals.map((g) => g.id))),
      ]);
      const plan = planImport({ entries: byId(entries), mentions: byId(mentions), goals: byId(goals) }, incoming);
      // Brand zones first: the rollups of the new rows are placed in their brand's local days.
      const knownBrands = await db.reviewBrands.bulkGet(brands.map((b) => b.id));
      const brandWrites = brands.filter((b, i) => canonicalJson(knownBrands[i] ?? null) !== canonicalJson(b));
      const zonesBefore = await timeZones(db);
      if (brandWrites.length > 0) await db.reviewBrands.bulkPut(brandWrites);
      const tzOf = await timeZones(db);
      // Rows already stored for a brand whose zone this bundle moves are re-placed before the
      // new rows' deltas go in (those subtract each replaced row in the new zone).
      await replaceMovedZones(db, brandWrites.map((b) => b.id), zonesBefore, tzOf);
      if (plan.entries.length > 0) await db.replyLog.bulkPut(plan.entries.map((c) => c.next));
      if (plan.mentions.length > 0) await db.mentions.bulkPut(plan.mentions.map((c) => c.next));
      if (plan.goals.length > 0) await db.goals.bulkPut(plan.goals.map((c) => c.next));
      await applyReviewChanges(db.rollups, { entries: plan.entries, mentions: plan.mentions }, tzOf);
      return { counts: plan.counts, conflicts: plan.conflicts };
    });
    for (const { bundle, result, foreign } of accepted) {
      const ids = new Set(bundle.entries.map((e) => e.id));
      const mine = [...foreign, ...conflicts.filter((c) => c.claimedBy === bundle.agent && ids.has(c.id))];
      if (mine.length > 0) {
        result.conflicts = mine.slice(0, MAX_ISSUES);
        result.conflictCount = mine.length;
      }
    }
    return { files: results, ...counts };
  } catch (e) {
    // Nothing of the accepted files was written (one transaction): each says so, nothing is thrown.
    const error = storageProblem(e);
    for (const { result } of accepted) {
      result.ok = false;
      result.error = error;
    }
    return { files: results, added: 0, updated: 0, unchanged: 0 };
  }
}

function storageProblem(e: unknown): BundleError {
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { code: isStorageFull(e) ? 'storageFull' : 'notSaved', message, issues: [] };
}

// ---------------------------------------------------------------- export (agent side)

export interface Period {
  from: number;
  to: number;
}

/** Replies this agent sent in the period, oldest first. */
export async function ownEntries(db: ReplylineDb, period: Period): Promise<ReplyLogEntry[]> {
  const agent = await ownAgentName(db);
  return db.replyLog.where('[agent+repliedAt]').between([agent, period.from], [agent, period.to], true, true).toArray();
}

/** Mentions from this browser's own queue first seen or answered in the period. */
export async function ownMentions(db: ReplylineDb, period: Period): Promise<MentionRecord[]> {
  const [seen, answered] = await Promise.all([
    db.mentions.where('firstSeenAt').between(period.from, period.to, true, true).toArray(),
    db.mentions.where('repliedAt').between(period.from, period.to, true, true).toArray(),
  ]);
  const all = [...new Map([...seen, ...answered].map((m) => [m.key, m])).values()];
  // Imported mentions (other agents') are not in this queue: only own ones are exported.
  const queued = await db.queue.bulkGet(all.map((m) => m.key));
  return all.filter((_, i) => queued[i] !== undefined);
}

/** The log bundle an agent hands to the team lead. */
export async function buildAgentBundle(db: ReplylineDb, period: Period, now = Date.now()): Promise<LogBundle> {
  const [agent, entries, mentions, goals, brands] = await Promise.all([
    ownAgentName(db),
    ownEntries(db, period),
    ownMentions(db, period),
    db.goals.toArray(),
    db.brands.toArray(),
  ]);
  const used = new Set([...entries.map((e) => e.brandId), ...mentions.map((m) => m.brandId)]);
  const bundle = buildBundle({ agent, exportedAt: now, period, entries, mentions, goals });
  const carried = brands.filter((b) => used.has(b.id)).map((b) => BundleBrandSchema.parse({ id: b.id, name: b.name, businessHours: b.businessHours }));
  return { ...bundle, brands: carried };
}

// ---------------------------------------------------------------- review page reads

/** Rollups for a filter: one primary-key range, then the exact match. */
export async function loadRollups(db: ReplylineDb, filter: ReviewFilter): Promise<Rollup[]> {
  const { lower, upper } = rollupKeyRange(filter);
  const rows = await db.rollups.where('key').between(lower, upper, true, true).toArray();
  return rows.filter((r) => rollupMatches(r, filter));
}

export interface DrillRows {
  entries: ReplyLogEntry[];
  mentions: MentionRecord[];
}

/** Raw rows behind a chart cell: an indexed time range narrowed by the cell's predicate. */
export async function drillRows(db: ReplylineDb, filter: ReviewFilter, cell: DrillCell, tzOf: TimeZoneOf, repeated?: ReadonlySet<string>): Promise<DrillRows> {
  const p = drillDown(filter, cell, tzOf, repeated);
  const { fromMs, toMs } = coarseTimeRange(filter);
  const lo = fromMs ?? 0;
  const hi = toMs ?? Number.MAX_SAFE_INTEGER;
  const [entries, mentions] = await Promise.all([
    p.rows === 'mentions' ? [] : db.replyLog.where('repliedAt').between(lo, hi, true, true).filter(p.entry).toArray(),
    p.rows === 'entries' ? [] : db.mentions.where('firstSeenAt').between(lo, hi, true, true).filter(p.mention).toArray(),
  ]);
  entries.sort((a, b) => a.repliedAt - b.repliedAt || (a.id < b.id ? -1 : 1));
  mentions.sort((a, b) => a.firstSeenAt - b.firstSeenAt || (a.key < b.key ? -1 : 1));
  return { entries, mentions };
}

/** Every row of the filter, for the CSV export. */
export function filterRows(db: ReplylineDb, filter: ReviewFilter, tzOf: TimeZoneOf): Promise<DrillRows> {
  return drillRows(db, filter, { kind: 'all' }, tzOf);
}

/** Distinct agents, brands and reasons present in the rollups (filter choices). */
export async function reviewDimensions(db: ReplylineDb): Promise<{ agents: string[]; brandIds: string[]; reasons: string[]; days: { first?: string; last?: string } }> {
  const agents = new Set<string>();
  const brandIds = new Set<string>();
  const reasons = new Set<string>();
  // Keys only: `reason|day|agent|site|brand`, URI-encoded parts (lib/review/rollups.ts).
  const keys = await db.rollups.toCollection().primaryKeys();
  let first: string | undefined;
  let last: string | undefined;
  for (const key of keys) {
    const [reason, day, agent, , brand] = key.split('|');
    if (reason === undefined || day === undefined || agent === undefined || brand === undefined) continue;
    const r = decodeURIComponent(reason);
    if (r !== '*') reasons.add(r);
    else {
      agents.add(decodeURIComponent(agent));
      brandIds.add(decodeURIComponent(brand));
      if (first === undefined || day < first) first = day;
      if (last === undefined || day > last) last = day;
    }
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return { agents: sorted(agents), brandIds: sorted(brandIds), reasons: sorted(reasons), days: { first, last } };
}

export async function countRows(db: ReplylineDb): Promise<{ entries: number; mentions: number; goals: number }> {
  const [entries, mentions, goals] = await Promise.all([db.replyLog.count(), db.mentions.count(), db.goals.count()]);
  return { entries, mentions, goals };
}
