/**
 * The one Dexie database, opened only in the extension origin (background and panels). A content
 * script must never import this: its IndexedDB would belong to the site.
 *
 * Versions are append-only and dated. To change the schema add a new `db.version(n)` block below
 * the last one, with an `upgrade` when data moves, and a test in tests/unit/db that seeds the
 * previous version first.
 */
import Dexie, { type EntityTable } from 'dexie';
import { upgradeToReviewV2 } from './rollups';
import { upgradeToSearchV4 } from './upgradeV4';
import { registerDerivedFields } from './derivedFields';
import type { StagedImportRow } from './importStaging';
import type { Customer } from '../schemas/customers';
import type { AuthorStats, PageHealth, Post, PostAlias } from '../schemas/posts';
import type { QueueItem } from '../schemas/queue';
import type { ReplyLogEntry } from '../schemas/replies';
import type { BundleBrand, Goal, MentionRecord, Rollup } from '../schemas/review';
import type { AgentSettings, BrandProfile } from '../schemas/settings';
import type { Template, ToneNote } from '../schemas/templates';
import type { OutboxEntry, TeamItemFields, TeamMember, TeamMembership, TeamReply } from '../team/records';

export const DB_NAME = 'replyline';

/** Records whose shape is owned by a domain module (review rollups, goals) are typed there. */
export interface KeyedRecord {
  key: string;
}
export interface IdRecord {
  id: string;
}

export type ReplylineDb = Dexie & {
  brands: EntityTable<BrandProfile, 'id'>;
  posts: EntityTable<Post, 'key'>;
  authors: EntityTable<AuthorStats, 'key'>;
  queue: EntityTable<QueueItem, 'key'>;
  customers: EntityTable<Customer, 'id'>;
  templates: EntityTable<Template, 'id'>;
  toneNotes: EntityTable<ToneNote, 'id'>;
  replyLog: EntityTable<ReplyLogEntry, 'id'>;
  settings: EntityTable<AgentSettings, 'id'>;
  pageHealth: EntityTable<PageHealth, 'tabId'>;
  goals: EntityTable<Goal, 'id'>;
  rollups: EntityTable<Rollup, 'key'>;
  /** Since version 2: one record per queued mention (own queue and imported bundles). */
  mentions: EntityTable<MentionRecord, 'key'>;
  /** Since version 2: brands known only from imported bundles (time zone, staffed hours). */
  reviewBrands: EntityTable<BundleBrand, 'id'>;
  /** Since version 3: other keys a post arrived under → the key it is filed under. */
  postAliases: EntityTable<PostAlias, 'alias'>;
  /** Since version 4: customer imports between preview and confirm (lib/db/importStaging.ts). */
  importStaging: EntityTable<StagedImportRow, 'id'>;
  /** Since version 5 (team mode): the one membership record, id 'team'; absent = no team. */
  teamMembership: EntityTable<TeamMembership, 'id'>;
  /** Since version 5: actions waiting for the team server, replayed in `seq` order. */
  teamOutbox: EntityTable<OutboxEntry, 'seq'>;
  /** Since version 5: team-side fields of queue items (assignee, claim, lease, version). */
  teamItems: EntityTable<TeamItemFields, 'key'>;
  /** Since version 5: teammates and their presence. */
  teamMembers: EntityTable<TeamMember, 'id'>;
  /** Since version 5: the team's reply log as the server sends it (leads' live Review). */
  teamReplies: EntityTable<TeamReply, 'id'>;
};

export function openDb(name = DB_NAME): ReplylineDb {
  const db = new Dexie(name) as ReplylineDb;

  // 2026-11-23 — version 1. Only fields that are queried are indexed.
  db.version(1).stores({
    brands: 'id',
    posts: 'key, authorHandle',
    authors: 'key',
    // [state+rank] serves the queue page (priority desc, oldest first); brand filter has its own.
    queue: 'key, [state+rank], [brandId+state+rank], customerId, *reasonCodes, snoozedUntil, followUpAt',
    customers: 'id, email, xHandle, nameKey, facebookUrl, *orderNumbers',
    templates: 'id, shortCode, scope',
    toneNotes: 'id, brandId',
    replyLog: 'id, postKey, repliedAt, customerId, [agent+repliedAt]',
    settings: 'id',
    pageHealth: 'tabId',
    goals: 'id',
    rollups: 'key, day',
  });

  // 2026-11-23 — version 2: review data. `mentions` mirrors every queued mention (outcome only) so
  // the review rollups, exports and drill-downs never read the queue; firstSeenAt / repliedAt serve
  // the period reads (export, drill-down). Filled from the existing queue in the upgrade.
  db.version(2)
    .stores({
      mentions: 'key, firstSeenAt, repliedAt',
      reviewBrands: 'id',
    })
    .upgrade((tx) => upgradeToReviewV2(tx));

  // 2026-11-24 — version 3: post aliases. Facebook's `pfbid…` permalinks change between page loads;
  // every key a post arrived under points at the one it was first filed under. `key` is indexed for
  // the way back (a reply must find the post on the page under whichever key it shows). Starts empty.
  db.version(3).stores({
    postAliases: 'alias, key',
  });

  // 2026-12-06 — version 4: the agent's day. customers.searchTokens (multi-entry): every word a
  // customer is found by; posts.matchKeys (multi-entry): the identifiers the author matcher looks up,
  // so a changed customer re-matches its queue items by index. Both are derived on every write
  // (./derivedFields.ts) and filled for existing rows in the upgrade. importStaging: customer
  // imports between preview and confirm, which outlive a stopped service worker.
  db.version(4)
    .stores({
      posts: 'key, authorHandle, *matchKeys',
      customers: 'id, email, xHandle, nameKey, facebookUrl, *orderNumbers, *searchTokens',
      importStaging: 'id, importId, touched',
    })
    .upgrade((tx) => upgradeToSearchV4(tx));

  // 2026-12-06 — version 5: team mode. All new tables, empty until the agent joins a team, so the
  // local-only extension is unchanged. The outbox replays in insertion order (++seq); opId is
  // unique so an action is queued once. Items are looked up by assignee (my queue) and claim owner
  // (end of shift).
  db.version(5).stores({
    teamMembership: 'id',
    teamOutbox: '++seq, &opId',
    teamItems: 'key, assigneeId, claimOwnerId',
    teamMembers: 'id',
    teamReplies: 'id, repliedAt',
  });

  registerDerivedFields(db);
  return db;
}

let singleton: ReplylineDb | undefined;

/** The extension's database; tests pass their own via openDb(name). */
export function getDb(): ReplylineDb {
  singleton ??= openDb();
  reopenIfFailed(singleton);
  return singleton;
}

/**
 * A failed open (the disk was full) leaves Dexie closed for good ("DatabaseClosedError:
 * QuotaExceededError" on every call); this lets the next call open it again. A deliberate
 * `close()` stays closed.
 */
export function reopenIfFailed(db: Dexie): boolean {
  if (db.isOpen() || !db.hasFailed() || db.hasBeenClosed()) return false;
  db.close({ disableAutoOpen: false });
  return true;
}
