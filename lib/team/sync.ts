/**
 * Team sync, run by the background (the only DB writer). Without a membership it does nothing and
 * sends nothing. With one: catch up by cursor (a snapshot first), replay the outbox in order, then
 * follow the live WebSocket; on any failure reconnect with backoff (the scheduler is injected).
 * The local queue stays the working copy: actions land in the outbox first, so the panel works
 * offline and the server hears about them on reconnect.
 */
import { z } from 'zod';
import type { ReplylineDb } from '../db/db';
import {
  clearTeam,
  enqueue,
  getMembership,
  markSighted,
  mergeItems,
  outboxCount,
  outboxDone,
  outboxFailed,
  outboxHead,
  patchMembership,
  saveMembers,
  savePresence,
  saveTeamReplies,
  setConnection,
  sightingsFor,
} from '../db/team';
import { TeamApi, TeamHttpError, isUnauthorized, liveUrl, type FetchLike } from './api';
import { applyTeamConfig } from '../db/teamConfig';
import { forgetTeammatesReplies } from '../db/teamReview';
import { claimKey } from './claims';
import type { OutboxOpInput } from './ops';
import { BEARER_PROTOCOL_PREFIX, LIVE_PROTOCOL, MAX_BATCH, ServerMessageSchema, type Change, type ClientMessage, type MeResponse } from './protocol';
import type { OutboxEntry, TeamMembership } from './records';
import { backoffDelay, type Scheduler } from './scheduler';
import { socketText, type SocketFactory, type SocketLike } from './socket';

/** Failed attempts in a row before the panel says "offline" rather than "reconnecting". */
export const OFFLINE_AFTER_ATTEMPTS = 3;
/** Chrome keeps a service worker alive while its WebSocket exchanges a message every < 30 s. */
export const PING_INTERVAL_MS = 20_000;

export interface TeamSyncDeps {
  db: ReplylineDb;
  fetch: FetchLike;
  socket: SocketFactory;
  scheduler: Scheduler;
  /** Something worth telling (tests wait on it; the background logs it). */
  onEvent?: (event: SyncEvent) => void;
}

export type SyncEvent =
  | { type: 'connected' }
  | { type: 'disconnected'; error: string }
  | { type: 'caughtUp'; cursor: number }
  | { type: 'change'; cursor: number }
  | { type: 'presence' }
  | { type: 'flushed'; remaining: number }
  | { type: 'revoked' };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/** Failures that mean "try again later" (the outbox keeps the action). */
function retryable(error: unknown): boolean {
  return !(error instanceof TeamHttpError) || !error.permanent;
}

export class TeamSync {
  private membership: TeamMembership | undefined;
  private api: TeamApi | undefined;
  private socket: SocketLike | undefined;
  private attempt = 0;
  private generation = 0;
  private cancelRetry: (() => void) | undefined;
  private cancelPing: (() => void) | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private flushing: Promise<void> | undefined;
  private live = false;
  viewing: string | null = null;

  constructor(private readonly deps: TeamSyncDeps) {}

  get db(): ReplylineDb {
    return this.deps.db;
  }
  get scheduler(): Scheduler {
    return this.deps.scheduler;
  }
  get connected(): boolean {
    return this.live;
  }
  me(): TeamMembership | undefined {
    return this.membership;
  }
  client(): TeamApi | undefined {
    return this.api;
  }

  private emit(event: SyncEvent): void {
    this.deps.onEvent?.(event);
  }

  /** Runs DB work one piece at a time so the cursor never moves backwards under a race. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Starts (or restarts) from the stored membership; without one nothing happens. */
  async start(): Promise<void> {
    this.stop();
    this.membership = await getMembership(this.db);
    if (!this.membership || this.membership.revoked) return;
    this.api = new TeamApi(this.membership.serverUrl, this.membership.token, this.deps.fetch);
    this.attempt = 0;
    await this.connect(this.generation);
  }

  stop(): void {
    this.generation += 1;
    this.live = false;
    this.cancelRetry?.();
    this.cancelRetry = undefined;
    this.cancelPing?.();
    this.cancelPing = undefined;
    const socket = this.socket;
    this.socket = undefined;
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      socket.onerror = null;
      socket.close(1000, 'stop');
    }
  }

  /** The service worker woke up: reconnect now unless the socket is fine. */
  wake(): void {
    if (!this.membership || this.live) return;
    this.cancelRetry?.();
    this.cancelRetry = undefined;
    void this.connect(this.generation);
  }

  private async connect(generation: number): Promise<void> {
    const api = this.api;
    if (!api || generation !== this.generation) return;
    await setConnection(this.db, this.attempt === 0 ? 'connecting' : this.attempt >= OFFLINE_AFTER_ATTEMPTS ? 'offline' : 'reconnecting', this.deps.scheduler.now(), this.membership?.lastError);
    try {
      const me = await api.me();
      if (generation !== this.generation) return;
      await this.adoptMember(me);
      await saveMembers(this.db, (await api.members()).members);
      await this.refreshConfig();
      await this.catchUp();
      await this.flush();
      if (generation !== this.generation) return;
      this.openSocket(generation);
    } catch (error) {
      await this.failed(error, generation);
    }
  }

  private async failed(error: unknown, generation: number): Promise<void> {
    if (generation !== this.generation) return;
    this.live = false;
    if (isUnauthorized(error)) {
      this.stop();
      await patchMembership(this.db, { revoked: true, connection: 'offline', connectionChangedAt: this.deps.scheduler.now(), lastError: errorText(error) });
      this.emit({ type: 'revoked' });
      return;
    }
    this.attempt += 1;
    const state = this.attempt >= OFFLINE_AFTER_ATTEMPTS ? 'offline' : 'reconnecting';
    await setConnection(this.db, state, this.deps.scheduler.now(), errorText(error));
    this.emit({ type: 'disconnected', error: errorText(error) });
    this.cancelRetry?.();
    this.cancelRetry = this.deps.scheduler.after(backoffDelay(this.attempt - 1, this.deps.scheduler.random()), () => {
      this.cancelRetry = undefined;
      void this.connect(generation);
    });
  }

  private openSocket(generation: number): void {
    const membership = this.membership;
    if (!membership) return;
    const socket = this.deps.socket(liveUrl(membership.serverUrl), [LIVE_PROTOCOL, `${BEARER_PROTOCOL_PREFIX}${membership.token}`]);
    this.socket = socket;
    socket.onmessage = (event) => {
      const text = socketText(event.data);
      const parsed = text === undefined ? undefined : ServerMessageSchema.safeParse(safeJson(text));
      if (!parsed?.success) return;
      const message = parsed.data;
      if (message.type === 'hello') {
        this.live = true;
        this.attempt = 0;
        this.sendPresence();
        this.schedulePing(generation);
        void setConnection(this.db, 'connected', this.deps.scheduler.now()).then(() => this.emit({ type: 'connected' }));
        void this.serial(() => this.catchUp()).then(() => this.flush()).catch((error: unknown) => this.dropSocket(error, generation));
      } else if (message.type === 'change') {
        void this.serial(() => this.applyLive(message.change)).catch((error: unknown) => this.dropSocket(error, generation));
      } else if (message.type === 'presence') {
        void savePresence(this.db, message.members).then(() => this.emit({ type: 'presence' }));
      } else if (message.type === 'error' && message.code === 'unauthorized') {
        void this.failed(new TeamHttpError(401, message.code, message.message), generation);
      }
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.cancelPing?.();
      void this.failed(new Error('live connection closed'), generation);
    };
    socket.onerror = () => undefined; // onclose follows and reconnects
  }

  private dropSocket(error: unknown, generation: number): void {
    const socket = this.socket;
    this.socket = undefined;
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
    void this.failed(error, generation);
  }

  private schedulePing(generation: number): void {
    this.cancelPing?.();
    this.cancelPing = this.deps.scheduler.after(PING_INTERVAL_MS, () => {
      if (generation !== this.generation || !this.live) return;
      this.send({ type: 'ping', at: this.deps.scheduler.now() });
      this.schedulePing(generation);
    });
  }

  private send(message: ClientMessage): void {
    try {
      this.socket?.send(JSON.stringify(message));
    } catch {
      // A socket closing under us: onclose reconnects.
    }
  }

  /** Tells the team what this agent has open and whether they are on shift. */
  sendPresence(): void {
    if (!this.live) return;
    this.send({ type: 'presence', viewing: this.viewing, onShift: this.membership?.onShift ?? true });
  }

  // ---------------------------------------------------------------- catching up

  private async applyLive(change: Change): Promise<void> {
    const cursor = this.membership?.cursor ?? 0;
    if (change.seq <= cursor) return;
    // A gap means a change went by while we were not looking: read the feed instead.
    if (change.seq !== cursor + 1) return this.catchUp();
    await this.applyChanges([change]);
    await this.setCursor(change.seq);
    this.emit({ type: 'change', cursor: change.seq });
  }

  private async setCursor(cursor: number): Promise<void> {
    this.membership = (await patchMembership(this.db, { cursor })) ?? this.membership;
  }

  /** Snapshot on first contact, then the changes feed from the stored cursor. */
  async catchUp(): Promise<void> {
    const api = this.api;
    if (!api || !this.membership) return;
    let cursor = this.membership.cursor;
    if (cursor === 0) {
      let after: string | undefined;
      let first: number | undefined;
      do {
        const page = await api.items(after);
        first ??= page.cursor;
        await mergeItems(this.db, page.items, this.membership.memberId, this.deps.scheduler.now());
        after = page.next;
      } while (after);
      cursor = first;
      await this.setCursor(cursor);
    }
    for (;;) {
      const page = await api.changes(cursor);
      await this.applyChanges(page.changes);
      if (page.cursor !== cursor) await this.setCursor(page.cursor);
      cursor = page.cursor;
      if (!page.more) break;
    }
    await this.catchUpReplies();
    this.emit({ type: 'caughtUp', cursor });
  }

  private async catchUpReplies(): Promise<void> {
    const api = this.api;
    if (!api || !this.membership) return;
    let since = this.membership.replyCursor;
    for (;;) {
      const page = await api.repliesSince(since);
      await saveTeamReplies(this.db, page.entries);
      since = page.cursor;
      if (!page.more) break;
    }
    if (since !== this.membership.replyCursor) this.membership = (await patchMembership(this.db, { replyCursor: since })) ?? this.membership;
  }

  private async applyChanges(changes: readonly Change[]): Promise<void> {
    const me = this.membership?.memberId ?? '';
    const items = changes.flatMap((c) => (c.kind === 'item' ? [c.item] : []));
    await mergeItems(this.db, items, me, this.deps.scheduler.now());
    const replies = changes.flatMap((c) => (c.kind === 'reply' ? [c.entry] : []));
    await saveTeamReplies(this.db, replies);
    if (changes.some((c) => c.kind === 'config')) await this.refreshConfig();
    if (changes.some((c) => c.kind === 'members') && this.api) {
      const promoted = await this.adoptMember(await this.api.me()); // a revoked device answers 401 here
      await saveMembers(this.db, (await this.api.members()).members);
      if (promoted) await this.catchUpReplies();
    }
  }

  /**
   * Who this device's member is now. The team's reply log is the leads': a member who became a
   * lead reads it from the start (the server sent an agent only their own), and an agent's device
   * forgets teammates' replies it filed before (an older server sent them, or the member was a
   * lead). Returns whether the member just became a lead.
   */
  private async adoptMember(me: MeResponse): Promise<boolean> {
    const promoted = this.membership?.role === 'agent' && me.member.role === 'lead';
    this.membership = await patchMembership(this.db, {
      displayName: me.member.displayName,
      role: me.member.role,
      teamName: me.team.name,
      ...(promoted ? { replyCursor: 0 } : {}),
    });
    if (me.member.role !== 'lead') await forgetTeammatesReplies(this.db, me.member.id);
    return promoted;
  }

  private async refreshConfig(): Promise<void> {
    if (!this.api) return;
    await applyTeamConfig(this.db, await this.api.config());
  }

  // ---------------------------------------------------------------- outbox

  /** Queues an action and sends it at once when connected (in order with everything before it). */
  async submit(op: OutboxOpInput): Promise<OutboxEntry> {
    const entry = await enqueue(this.db, op, this.deps.scheduler.now());
    void this.flush().catch(() => undefined);
    return entry;
  }

  /** Replays the outbox oldest first; stops at the first failure that retrying may fix. */
  flush(): Promise<void> {
    if (!this.api || !this.membership) return Promise.resolve();
    this.flushing ??= this.flushAll().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async flushAll(): Promise<void> {
    for (;;) {
      const batch = await outboxHead(this.db, 20);
      if (batch.length === 0) break;
      for (const entry of batch) {
        if (entry.seq === undefined) continue;
        try {
          await this.perform(entry);
          await outboxDone(this.db, entry.seq);
        } catch (error) {
          if (retryable(error)) {
            await outboxFailed(this.db, entry.seq, errorText(error));
            this.emit({ type: 'flushed', remaining: await outboxCount(this.db) });
            throw error;
          }
          // Refused for good (invalid, forbidden): keeping it would block everything behind it.
          console.warn('Replyline: the team server refused an action', entry.op.kind, errorText(error));
          await outboxDone(this.db, entry.seq);
          await patchMembership(this.db, { lastError: errorText(error) });
        }
      }
    }
    this.emit({ type: 'flushed', remaining: 0 });
  }

  private async perform(entry: OutboxEntry): Promise<void> {
    const api = this.api;
    const me = this.membership;
    if (!api || !me) throw new Error('not in a team');
    const now = this.deps.scheduler.now();
    const { op, opId } = entry;
    switch (op.kind) {
      case 'sightings':
        await api.sightings({ opId, ...op.body });
        return;
      case 'replies':
        await api.replies(op.body);
        return;
      case 'claim': {
        const result = await api.claim({ opId, ...op.body });
        await claimKey(this.db, result, me, now);
        return;
      }
      case 'release':
        await mergeItems(this.db, [(await api.release({ opId, ...op.body })).item], me.memberId, now);
        return;
      case 'assign':
        await mergeItems(this.db, [(await api.assign({ opId, ...op.body })).item], me.memberId, now);
        return;
      case 'state': {
        // A refused change (claimed by a teammate, or stale) leaves the server's item in place.
        await mergeItems(this.db, [(await api.setState({ opId, ...op.body })).item], me.memberId, now);
        return;
      }
      case 'shiftEnd':
        await api.endShift({ opId, ...op.body });
        return;
    }
  }

  // ---------------------------------------------------------------- what the background reports

  /** Newly queued items: tell the team (once per item per device). */
  async queued(keys: readonly string[]): Promise<void> {
    if (!this.membership || keys.length === 0) return;
    const sightings = await sightingsFor(this.db, keys);
    for (let i = 0; i < sightings.length; i += MAX_BATCH) {
      const chunk = sightings.slice(i, i + MAX_BATCH);
      await this.submit({ kind: 'sightings', body: { sightings: chunk } });
      await markSighted(this.db, chunk.map((s) => s.post.key), this.deps.scheduler.now());
    }
  }

  async leave(): Promise<void> {
    const api = this.api;
    this.stop();
    if (api) await api.revokeSelf().catch(() => undefined); // best effort: the server may be away
    this.membership = undefined;
    this.api = undefined;
    await clearTeam(this.db);
  }
}

function safeJson(text: string): unknown {
  try {
    return z.json().parse(JSON.parse(text));
  } catch {
    return undefined;
  }
}

