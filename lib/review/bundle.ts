/**
 * Log bundles: what an agent exports and a team lead imports.
 *
 * Format (JSON, versioned; `LogBundleSchema` in lib/schemas/review.ts):
 *   { format: "replyline.log-bundle", version: 1, agent, exportedAt, period: { from, to },
 *     entries: ReplyLogEntry[], mentions: MentionRecord[], goals: Goal[] }
 * Times are epoch ms. `entries` are the replies sent in the period; `mentions` one record per
 * queued mention first seen (or answered) in the period; `goals` the agent's copy of the team goals.
 * Readers reject other `format`s and any version newer than they know; older versions will be
 * upgraded here when version 2 exists.
 *
 * Merge conflict rule (deterministic, order-independent: the winner is the maximum of a total order):
 * - entries, by `id`: the later `repliedAt` wins (a re-export carries the newest state of the reply).
 *   Entries are owned by their agent: on import (`planImport`) another agent's entry under a stored
 *   id never replaces it, and is reported as a conflict instead;
 * - mentions, by `key` (the same post may sit in several agents' queues): the most-handled record
 *   wins, answered > escalated > dismissed > inProgress > snoozed > new > filtered; among answered ones the
 *   earliest `repliedAt` (the first response is what the customer saw);
 * - goals, by `id`: the later `updatedAt` wins;
 * - remaining ties between different records: the larger canonical JSON wins.
 * Hence merge(a, a) = a, merge(merge(a, b), b) = merge(a, b) and merge(a, b) = merge(b, a).
 */
import { z } from 'zod';
import type { QueueItem } from '../schemas/queue';
import { ReplyLogEntrySchema, type ReplyLogEntry } from '../schemas/replies';
import { BundleBrandSchema, GoalSchema, LOG_BUNDLE_FORMAT, LOG_BUNDLE_VERSION, LogBundleSchema, MentionRecordSchema, type Goal, type LogBundle, type MentionRecord } from '../schemas/review';
import { canonicalJson } from './canonical';

export type BundleErrorCode =
  | 'notJson' | 'notObject' | 'foreignFormat' | 'futureVersion' | 'badVersion' | 'invalid'
  // Set by the importer: a valid file that could not be written (disk full, database closed), a
  // big file whose parts did not all arrive, a file too big to send.
  | 'storageFull' | 'notSaved' | 'uploadLost' | 'tooBig';

export interface BundleIssue {
  /** e.g. `entries[12].repliedAt` */
  path: string;
  /** Id (entries, goals) or key (mentions) of the row the issue sits in, when it has one. */
  rowId?: string;
  /** Zod's description, e.g. `expected number, received string`. */
  problem: string;
}

export interface BundleError {
  code: BundleErrorCode;
  /** First issue rendered for logs/developers: `entries[12].repliedAt: expected number (id "r-12")`. */
  message: string;
  issues: BundleIssue[];
  /** For `futureVersion`: the version found. */
  version?: number;
}

export type ParseBundleResult = { ok: true; bundle: LogBundle } | { ok: false; error: BundleError };

/** Issues listed per file: enough to find the fault, few enough to show (and to never overflow). */
export const MAX_ISSUES = 20;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

function rowIdOf(row: unknown): string | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const id: unknown = Reflect.get(row, 'id') ?? Reflect.get(row, 'key');
  return typeof id === 'string' ? id : undefined;
}

function fail(code: BundleErrorCode, issues: BundleIssue[], version?: number): ParseBundleResult {
  const first = issues[0];
  const message = first
    ? `${first.path || '(root)'}: ${first.problem}${first.rowId !== undefined ? ` (id ${JSON.stringify(first.rowId)})` : ''}`
    : code;
  return { ok: false, error: { code, message, issues, ...(version !== undefined ? { version } : {}) } };
}

const problemOf = (issue: z.core.$ZodIssue): string => issue.message.replace(/^Invalid input: /, '');

// The envelope is checked whole; rows one by one, so a file with 300k bad rows stops at
// MAX_ISSUES instead of building 300k issues (Zod's error formatting overflows the stack on those).
const EnvelopeSchema = LogBundleSchema.extend({
  entries: z.array(z.unknown()),
  mentions: z.array(z.unknown()).default([]),
  goals: z.array(z.unknown()).default([]),
  brands: z.array(z.unknown()).optional(),
});

/** `schema` may be classic or zod/mini (both are `zod/v4/core` types). */
function parseRows<T>(list: string, rows: readonly unknown[], schema: z.core.$ZodType<T>, issues: BundleIssue[]): T[] {
  const out: T[] = [];
  for (const [index, row] of rows.entries()) {
    if (issues.length >= MAX_ISSUES) break;
    const parsed = z.safeParse(schema, row);
    if (parsed.success) {
      out.push(parsed.data);
      continue;
    }
    const rowId = rowIdOf(row);
    for (const issue of parsed.error.issues.slice(0, MAX_ISSUES - issues.length)) {
      issues.push({ path: formatPath([list, index, ...issue.path]), ...(rowId !== undefined ? { rowId } : {}), problem: problemOf(issue) });
    }
  }
  return out;
}

function parseChecked(input: object): ParseBundleResult {
  const format: unknown = Reflect.get(input, 'format');
  if (format !== LOG_BUNDLE_FORMAT) {
    return fail('foreignFormat', [{ path: 'format', problem: `expected ${JSON.stringify(LOG_BUNDLE_FORMAT)}, received ${JSON.stringify(format) ?? 'undefined'}` }]);
  }
  const version: unknown = Reflect.get(input, 'version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('badVersion', [{ path: 'version', problem: `expected a positive integer, received ${JSON.stringify(version) ?? 'undefined'}` }]);
  }
  if (version > LOG_BUNDLE_VERSION) {
    return fail('futureVersion', [{ path: 'version', problem: `version ${version} is newer than ${LOG_BUNDLE_VERSION}` }], version);
  }
  const envelope = EnvelopeSchema.safeParse(input);
  if (!envelope.success) {
    return fail('invalid', envelope.error.issues.slice(0, MAX_ISSUES).map((issue) => ({ path: formatPath(issue.path), problem: problemOf(issue) })));
  }
  const issues: BundleIssue[] = [];
  const { brands: rawBrands, ...e } = envelope.data;
  const entries = parseRows('entries', e.entries, ReplyLogEntrySchema, issues);
  const mentions = parseRows('mentions', e.mentions, MentionRecordSchema, issues);
  const goals = parseRows('goals', e.goals, GoalSchema, issues);
  const brands = rawBrands === undefined ? undefined : parseRows('brands', rawBrands, BundleBrandSchema, issues);
  if (issues.length > 0) return fail('invalid', issues);
  return { ok: true, bundle: { ...e, entries, mentions, goals, ...(brands !== undefined ? { brands } : {}) } };
}

/** Parses a bundle (an object, or the JSON text of one). Never throws. */
export function parseBundle(json: unknown): ParseBundleResult {
  let input = json;
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input);
    } catch (e) {
      return fail('notJson', [{ path: '', problem: e instanceof Error ? e.message : 'invalid JSON' }]);
    }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('notObject', [{ path: '', problem: 'expected object' }]);
  }
  try {
    return parseChecked(input);
  } catch (e) {
    // Validation itself failed (e.g. nesting deep enough to overflow): the file is rejected, never thrown.
    return fail('invalid', [{ path: '', problem: e instanceof Error ? e.message : String(e) }]);
  }
}

/** Ids (entries, goals) and keys (mentions) that occur more than once in one bundle, first MAX_ISSUES. */
export function duplicateIds(bundle: Pick<LogBundle, 'entries' | 'mentions' | 'goals'>): { ids: string[]; total: number } {
  const ids: string[] = [];
  let total = 0;
  for (const [list, keys] of [
    ['entries', bundle.entries.map((r) => r.id)],
    ['mentions', bundle.mentions.map((r) => r.key)],
    ['goals', bundle.goals.map((r) => r.id)],
  ] as const) {
    const seen = new Set<string>();
    const reported = new Set<string>();
    for (const key of keys) {
      if (!seen.has(key)) seen.add(key);
      else if (!reported.has(key)) {
        reported.add(key);
        total++;
        if (ids.length < MAX_ISSUES) ids.push(`${list}:${key}`);
      }
    }
  }
  return { ids, total };
}

// ---------------------------------------------------------------- merge

export interface LogSet {
  entries: ReplyLogEntry[];
  mentions: MentionRecord[];
  goals: Goal[];
}

function byCanonical(a: unknown, b: unknown): number {
  const ca = canonicalJson(a);
  const cb = canonicalJson(b);
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

/** > 0 when `a` wins over `b`. */
export function compareEntries(a: ReplyLogEntry, b: ReplyLogEntry): number {
  return a.repliedAt - b.repliedAt || byCanonical(a, b);
}

// A noise rule's automatic `filtered` ranks below anything a person did.
const MENTION_RANK: Record<MentionRecord['state'], number> = { filtered: -1, new: 0, snoozed: 1, inProgress: 2, dismissed: 3, escalated: 4, replied: 5 };

function mentionRank(m: MentionRecord): number {
  return m.repliedAt !== undefined ? 6 : MENTION_RANK[m.state];
}

export function compareMentions(a: MentionRecord, b: MentionRecord): number {
  const rank = mentionRank(a) - mentionRank(b);
  if (rank !== 0) return rank;
  if (a.repliedAt !== undefined && b.repliedAt !== undefined && a.repliedAt !== b.repliedAt) return b.repliedAt - a.repliedAt;
  return byCanonical(a, b);
}

export function compareGoals(a: Goal, b: Goal): number {
  return a.updatedAt - b.updatedAt || byCanonical(a, b);
}

function mergeBy<T>(a: readonly T[], b: readonly T[], idOf: (t: T) => string, cmp: (x: T, y: T) => number): T[] {
  const out = new Map<string, T>();
  for (const row of [...a, ...b]) {
    const id = idOf(row);
    const cur = out.get(id);
    if (cur === undefined || cmp(row, cur) > 0) out.set(id, row);
  }
  return [...out.keys()].sort().map((id) => out.get(id)).filter((t): t is T => t !== undefined);
}

/** Pure, idempotent, commutative merge (rule in the header). Rows come out sorted by id/key. */
export function mergeBundles(existing: LogSet, incoming: LogSet): LogSet {
  return {
    entries: mergeBy(existing.entries, incoming.entries, (e) => e.id, compareEntries),
    mentions: mergeBy(existing.mentions, incoming.mentions, (m) => m.key, compareMentions),
    goals: mergeBy(existing.goals, incoming.goals, (g) => g.id, compareGoals),
  };
}

export interface Change<T> {
  prev?: T;
  next: T;
}

/** An entry another agent claimed: it was not imported, the owner's entry stays as it was. */
export interface EntryConflict {
  id: string;
  owner: string;
  claimedBy: string;
}

export interface ImportPlan {
  entries: Change<ReplyLogEntry>[];
  mentions: Change<MentionRecord>[];
  goals: Change<Goal>[];
  counts: { added: number; updated: number; unchanged: number };
  conflicts: EntryConflict[];
}

function planBy<T>(existing: ReadonlyMap<string, T>, incoming: readonly T[], idOf: (t: T) => string, cmp: (x: T, y: T) => number, counts: ImportPlan['counts']): Change<T>[] {
  const winners = new Map<string, T>();
  for (const row of incoming) {
    const id = idOf(row);
    const cur = winners.get(id);
    if (cur === undefined || cmp(row, cur) > 0) winners.set(id, row);
  }
  const out: Change<T>[] = [];
  for (const id of [...winners.keys()].sort()) {
    const next = winners.get(id);
    if (next === undefined) continue;
    const prev = existing.get(id);
    if (prev === undefined) {
      counts.added++;
      out.push({ next });
    } else if (cmp(next, prev) > 0) {
      counts.updated++;
      out.push({ prev, next });
    } else counts.unchanged++;
  }
  return out;
}

/**
 * The writes an import needs: only rows that change the merged result, each with the row it
 * replaces, so the writer can `upsertEntry(prev, next)` the rollups in the same transaction.
 * Importing the same bundle twice yields an empty plan the second time.
 */
export function planImport(
  existing: { entries: ReadonlyMap<string, ReplyLogEntry>; mentions: ReadonlyMap<string, MentionRecord>; goals: ReadonlyMap<string, Goal> },
  incoming: LogSet,
): ImportPlan {
  const counts = { added: 0, updated: 0, unchanged: 0 };
  const { owned, conflicts } = ownedEntries(existing.entries, incoming.entries);
  return {
    entries: planBy(existing.entries, owned, (e) => e.id, compareEntries, counts),
    mentions: planBy(existing.mentions, incoming.mentions, (m) => m.key, compareMentions, counts),
    goals: planBy(existing.goals, incoming.goals, (g) => g.id, compareGoals, counts),
    counts,
    conflicts,
  };
}

/**
 * Keeps only entries claimed by their id's owner: the stored entry's agent, else (a new id several
 * agents claim in one import) the agent of the earliest claim, so the outcome does not depend on
 * file order. Every other claim is a conflict.
 */
export function ownedEntries(existing: ReadonlyMap<string, ReplyLogEntry>, incoming: readonly ReplyLogEntry[]): { owned: ReplyLogEntry[]; conflicts: EntryConflict[] } {
  const firstClaim = new Map<string, ReplyLogEntry>();
  for (const e of incoming) {
    const cur = firstClaim.get(e.id);
    if (cur === undefined || compareEntries(e, cur) < 0) firstClaim.set(e.id, e);
  }
  const owned: ReplyLogEntry[] = [];
  const conflicts = new Map<string, EntryConflict>();
  for (const e of incoming) {
    const owner = existing.get(e.id)?.agent ?? firstClaim.get(e.id)?.agent ?? e.agent;
    if (e.agent === owner) owned.push(e);
    else conflicts.set(`${e.id}\u0000${e.agent}`, { id: e.id, owner, claimedBy: e.agent });
  }
  return { owned, conflicts: [...conflicts.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.claimedBy < b.claimedBy ? -1 : 1)) };
}

// ---------------------------------------------------------------- export

/** A queue item as exported: outcome only, no page text. `agent` fills in unassigned items. */
export function mentionFromQueueItem(item: QueueItem, agent: string): MentionRecord {
  return MentionRecordSchema.parse({
    key: item.key,
    site: item.site,
    brandId: item.brandId,
    state: item.state,
    complaint: item.complaint,
    reasonCodes: item.reasonCodes,
    // A noise rule's verdict is the reason a filtered mention was set aside.
    dismissReason: item.dismissReason ?? (item.state === 'filtered' ? item.filteredBy?.rule : undefined),
    postCreatedAt: item.postCreatedAt,
    firstSeenAt: item.firstSeenAt,
    repliedAt: item.repliedAt,
    agent: item.assignedAgent ?? agent,
  });
}

export interface BuildBundleInput {
  agent: string;
  exportedAt: number;
  /** Inclusive epoch-ms bounds. */
  period: { from: number; to: number };
  entries: Iterable<ReplyLogEntry>;
  mentions: Iterable<MentionRecord>;
  goals?: Iterable<Goal>;
}

/** The bundle for a period: replies sent in it and mentions first seen or answered in it. */
export function buildBundle(input: BuildBundleInput): LogBundle {
  const { from, to } = input.period;
  const within = (ms: number | undefined): boolean => ms !== undefined && ms >= from && ms <= to;
  const entries = [...input.entries].filter((e) => within(e.repliedAt)).sort((a, b) => a.repliedAt - b.repliedAt || (a.id < b.id ? -1 : 1));
  const mentions = [...input.mentions].filter((m) => within(m.firstSeenAt) || within(m.repliedAt)).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const goals = [...(input.goals ?? [])].map((g) => GoalSchema.parse(g));
  return LogBundleSchema.parse({
    format: LOG_BUNDLE_FORMAT,
    version: LOG_BUNDLE_VERSION,
    agent: input.agent,
    exportedAt: input.exportedAt,
    period: { from, to },
    entries,
    mentions,
    goals,
  });
}

/** JSON text of a bundle, for the download. */
export function serialiseBundle(bundle: LogBundle): string {
  return JSON.stringify(bundle);
}
