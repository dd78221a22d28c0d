/**
 * Review rollups, maintained at write time so the review page never reads raw log rows
 * (100k rows ≈ 2 s from IndexedDB; the metrics budget is 500 ms).
 *
 * One record per `reason|day|agent|site|brandId`:
 * - `day` is the brand-local calendar day (YYYY-MM-DD) of `repliedAt` for replies and of
 *   `firstSeenAt` for queued mentions, so period filters are whole local days.
 * - `reason` is `*` for the bucket holding every row, or one reason code. A row with reason codes
 *   [a, b] is counted in `*`, `a` and `b`; filtering by one reason reads only that reason's buckets,
 *   so every metric stays exact. (Filtering by several reasons at once is not supported: an
 *   "a or b" union cannot be rebuilt from per-reason buckets without double counting.)
 * - distributions are kept exactly: FRT as whole-minute value → count maps (exact median/p90 at
 *   minute resolution), normalised reply texts as hash → count (repeat rate), local weekday×hour
 *   slots (`weekday*24+hour`) → count: replies by `repliedAt`, mentions by the post's own time
 *   (`postCreatedAt`).
 *
 * Idempotence: counters are not idempotent by themselves, so writes go through `upsertEntry` /
 * `upsertMention` with the row previously stored under the same id/key (the writer reads it in the
 * same transaction). Equal rows are a no-op; a changed row is removed (−1) and re-added (+1). So
 * re-importing a bundle, or merging it twice, leaves the rollups unchanged.
 *
 * If a brand's time zone changes, its rollups are stale: rebuild them with `buildRollups`.
 */
import type { ReplyLogEntry } from '../schemas/replies';
import type { MentionRecord, ReviewFilter, Rollup } from '../schemas/review';
import { ALL_REASONS, type TimeZoneOf } from './filter';
import { replyTextHash } from './normalise';
import { addCount, msToMinutes } from './stats';
import { localSlot } from './slots';
import { canonicalJson } from './canonical';

export type RollupMap = Map<string, Rollup>;

// Agent names and codes are free text; encode so '|' inside them cannot collide keys (the common
// plain case skips the encoder: this runs for every row on import).
const enc = (s: string): string => (/^[\w.*-]*$/.test(s) ? s : encodeURIComponent(s));

// Reason first, then day: one primary-key range (`rollupKeyRange`) then reads exactly the buckets a
// filter needs, instead of every reason's buckets for the days (≈ 3× fewer records on a quarter).
function keyOf(day: string, agent: string, site: string, brandId: string, reason: string): string {
  return `${enc(reason)}|${day}|${enc(agent)}|${site}|${enc(brandId)}`;
}

/**
 * Inclusive primary-key bounds holding every rollup the filter can use, for
 * `db.rollups.where('key').between(lower, upper, true, true)`; apply `rollupMatches` after.
 */
export function rollupKeyRange(filter: Pick<ReviewFilter, 'fromDay' | 'toDay' | 'reason'>): { lower: string; upper: string } {
  const reason = enc(filter.reason ?? ALL_REASONS);
  return { lower: `${reason}|${filter.fromDay ?? '0000-00-00'}`, upper: `${reason}|${filter.toDay ?? '9999-99-99'}|\uffff` };
}

function emptyRollup(key: string, day: string, agent: string, site: Rollup['site'], brandId: string, reason: string): Rollup {
  return {
    key, day, agent, site, brandId, reason,
    replies: 0, slaMet: 0, templated: 0, toneOverrides: 0, repliesWithOverride: 0, escalations: 0,
    frtWallMin: new Map(), frtBusinessMin: new Map(), textHashes: new Map(), replySlots: new Map(),
    mentions: 0, complaints: 0, complaintsAnswered: 0, answered: 0, ignored: 0, dismissed: 0,
    dismissReasons: new Map(), mentionSlots: new Map(),
  };
}

function reasonBuckets(codes: readonly string[]): string[] {
  return [ALL_REASONS, ...new Set(codes.filter((c) => c !== ALL_REASONS))];
}

export function isEscalation(e: ReplyLogEntry): boolean {
  return e.escalated || e.outcome === 'escalated';
}

/** Mention outcome classes; see metrics.ts for the definitions. */
export function mentionOutcome(m: MentionRecord): { answered: boolean; ignored: boolean; dismissed: boolean } {
  const answered = m.repliedAt !== undefined || m.state === 'replied';
  // `filtered` (a noise rule set it aside) counts as dismissed: a decision, not neglect.
  const dismissed = !answered && (m.state === 'dismissed' || m.state === 'filtered');
  const ignored = !answered && !dismissed && m.state !== 'escalated';
  return { answered, ignored, dismissed };
}

/** Key under which a dismissal is counted: its reason, `filtered:<rule reason>` for noise rules, '' for none. */
export function dismissReasonKey(m: MentionRecord): string {
  return m.state === 'filtered' ? `filtered:${m.dismissReason ?? ''}` : (m.dismissReason ?? '');
}

interface Placed {
  day: string;
  slot: number;
  keys: { key: string; reason: string }[];
}

function placeEntry(e: ReplyLogEntry, tzOf: TimeZoneOf): Placed {
  const { dayKey, weekday, hour } = localSlot(e.repliedAt, tzOf(e.brandId));
  return {
    day: dayKey,
    slot: weekday * 24 + hour,
    keys: reasonBuckets(e.reasonCodes).map((reason) => ({ key: keyOf(dayKey, e.agent, e.site, e.brandId, reason), reason })),
  };
}

function placeMention(m: MentionRecord, tzOf: TimeZoneOf): Placed {
  const { dayKey } = localSlot(m.firstSeenAt, tzOf(m.brandId));
  // Volume by when customers wrote, not when an agent's browser happened to see the post: a
  // weekend's posts read on Sunday morning belong to the weekend's hours.
  const posted = localSlot(m.postCreatedAt, tzOf(m.brandId));
  return {
    day: dayKey,
    slot: posted.weekday * 24 + posted.hour,
    keys: reasonBuckets(m.reasonCodes).map((reason) => ({ key: keyOf(dayKey, m.agent, m.site, m.brandId, reason), reason })),
  };
}

export function rollupKeysForEntry(e: ReplyLogEntry, tzOf: TimeZoneOf): string[] {
  return placeEntry(e, tzOf).keys.map((k) => k.key);
}

export function rollupKeysForMention(m: MentionRecord, tzOf: TimeZoneOf): string[] {
  return placeMention(m, tzOf).keys.map((k) => k.key);
}

function addEntryInPlace(r: Rollup, e: ReplyLogEntry, slot: number, hash: string, sign: 1 | -1): void {
  r.replies += sign;
  if (e.slaMet) r.slaMet += sign;
  if (e.templateId !== undefined) r.templated += sign;
  r.toneOverrides += sign * e.toneWarningsOverridden;
  if (e.toneWarningsOverridden > 0) r.repliesWithOverride += sign;
  if (isEscalation(e)) r.escalations += sign;
  addCount(r.frtWallMin, msToMinutes(e.frtWallMs), sign);
  addCount(r.frtBusinessMin, msToMinutes(e.frtBusinessMs), sign);
  addCount(r.textHashes, hash, sign);
  addCount(r.replySlots, slot, sign);
}

function addMentionInPlace(r: Rollup, m: MentionRecord, slot: number, sign: 1 | -1): void {
  const o = mentionOutcome(m);
  r.mentions += sign;
  if (m.complaint) r.complaints += sign;
  if (m.complaint && o.answered) r.complaintsAnswered += sign;
  if (o.answered) r.answered += sign;
  if (o.ignored) r.ignored += sign;
  if (o.dismissed) {
    r.dismissed += sign;
    addCount(r.dismissReasons, dismissReasonKey(m), sign);
  }
  addCount(r.mentionSlots, slot, sign);
}

function cloneRollup(r: Rollup): Rollup {
  return {
    ...r,
    frtWallMin: new Map(r.frtWallMin),
    frtBusinessMin: new Map(r.frtBusinessMin),
    textHashes: new Map(r.textHashes),
    replySlots: new Map(r.replySlots),
    dismissReasons: new Map(r.dismissReasons),
    mentionSlots: new Map(r.mentionSlots),
  };
}

type Touch = (rec: Rollup) => void;

/** Applies changes to copies of the touched records; inputs are never mutated. */
function touch(existing: ReadonlyMap<string, Rollup>, work: Map<string, Rollup>, placed: Placed, dims: { agent: string; site: Rollup['site']; brandId: string }, fn: Touch): void {
  for (const { key, reason } of placed.keys) {
    let rec = work.get(key);
    if (!rec) {
      const old = existing.get(key);
      rec = old ? cloneRollup(old) : emptyRollup(key, placed.day, dims.agent, dims.site, dims.brandId, reason);
      work.set(key, rec);
    }
    fn(rec);
  }
}

function entryChange(existing: ReadonlyMap<string, Rollup>, work: Map<string, Rollup>, e: ReplyLogEntry, tzOf: TimeZoneOf, sign: 1 | -1): void {
  const placed = placeEntry(e, tzOf);
  const hash = replyTextHash(e.text, e.postAuthor);
  touch(existing, work, placed, e, (r) => addEntryInPlace(r, e, placed.slot, hash, sign));
}

function mentionChange(existing: ReadonlyMap<string, Rollup>, work: Map<string, Rollup>, m: MentionRecord, tzOf: TimeZoneOf, sign: 1 | -1): void {
  const placed = placeMention(m, tzOf);
  touch(existing, work, placed, m, (r) => addMentionInPlace(r, m, placed.slot, sign));
}

/**
 * Rollups to put after a reply-log write. `existing` needs (at least) the records under
 * `rollupKeysForEntry` of `prev` and `next`; returns updated copies of the touched records only.
 * `prev` is what was stored under the same id before (undefined for a new entry).
 */
export function upsertEntry(existing: ReadonlyMap<string, Rollup>, prev: ReplyLogEntry | undefined, next: ReplyLogEntry, tzOf: TimeZoneOf): Rollup[] {
  if (prev && canonicalJson(prev) === canonicalJson(next)) return [];
  const work = new Map<string, Rollup>();
  if (prev) entryChange(existing, work, prev, tzOf, -1);
  entryChange(existing, work, next, tzOf, 1);
  return [...work.values()];
}

export function applyEntry(existing: ReadonlyMap<string, Rollup>, entry: ReplyLogEntry, tzOf: TimeZoneOf): Rollup[] {
  return upsertEntry(existing, undefined, entry, tzOf);
}

export function removeEntry(existing: ReadonlyMap<string, Rollup>, entry: ReplyLogEntry, tzOf: TimeZoneOf): Rollup[] {
  const work = new Map<string, Rollup>();
  entryChange(existing, work, entry, tzOf, -1);
  return [...work.values()];
}

/** Rollups to put after a queue write; `prev` is the mention as it was before (same key). */
export function upsertMention(existing: ReadonlyMap<string, Rollup>, prev: MentionRecord | undefined, next: MentionRecord, tzOf: TimeZoneOf): Rollup[] {
  if (prev && canonicalJson(prev) === canonicalJson(next)) return [];
  const work = new Map<string, Rollup>();
  if (prev) mentionChange(existing, work, prev, tzOf, -1);
  mentionChange(existing, work, next, tzOf, 1);
  return [...work.values()];
}

export function applyMention(existing: ReadonlyMap<string, Rollup>, mention: MentionRecord, tzOf: TimeZoneOf): Rollup[] {
  return upsertMention(existing, undefined, mention, tzOf);
}

export function removeMention(existing: ReadonlyMap<string, Rollup>, mention: MentionRecord, tzOf: TimeZoneOf): Rollup[] {
  const work = new Map<string, Rollup>();
  mentionChange(existing, work, mention, tzOf, -1);
  return [...work.values()];
}

/** Merges updated records into a map copy (for callers holding rollups in memory). */
export function withRollups(rollups: ReadonlyMap<string, Rollup>, updated: readonly Rollup[]): RollupMap {
  const out = new Map(rollups);
  for (const r of updated) out.set(r.key, r);
  return out;
}

/** A record with nothing left in it (after removals); the writer may delete it. */
export function isEmptyRollup(r: Rollup): boolean {
  return r.replies === 0 && r.mentions === 0;
}

/** Full rebuild (import, time-zone change, migration). Mutates only its own fresh records. */
export function buildRollups(entries: Iterable<ReplyLogEntry>, mentions: Iterable<MentionRecord>, tzOf: TimeZoneOf): RollupMap {
  const work: RollupMap = new Map();
  const none: ReadonlyMap<string, Rollup> = new Map();
  for (const e of entries) entryChange(none, work, e, tzOf, 1);
  for (const m of mentions) mentionChange(none, work, m, tzOf, 1);
  return work;
}
