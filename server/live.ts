/**
 * Live pushes over WebSocket. Nodes keep no state that matters: every change is announced through
 * PostgreSQL NOTIFY (delivered on commit, to every node), each node reads it once and sends it to
 * its own connections of that team. Presence lives in the `presence` table, so every node's
 * connections see every node's members; rows of a node that died expire.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { ClientMessageSchema, MAX_CLIENT_MESSAGE_BYTES, PresenceMemberSchema, type PresenceMember, type ServerMessage } from '../lib/team/protocol';
import type { Db } from './db/types';
import type { Caller, Clock } from './store/context';
import { CHANGES_CHANNEL, parseNotice, readChanges, teamCursor } from './store/changes';
import { authenticate } from './store/teams';
import { changeFor } from './store/visibility';

export const PRESENCE_CHANNEL = 'replyline_presence';
/** A connection's presence row is refreshed by its node this often and expires after PRESENCE_TTL_MS. */
export const PRESENCE_BEAT_MS = 20_000;
export const PRESENCE_TTL_MS = 60_000;

interface Conn {
  id: string;
  socket: WebSocket;
  caller: Caller;
  token: string;
  /** Highest change seq sent on this connection. */
  sent: number;
}

interface TeamState {
  conns: Set<Conn>;
  chain: Promise<void>;
  /** Highest seq announced by NOTIFY; never lowered. */
  target: number;
  /** Catch up with everything committed, whatever was announced (attach, lost LISTEN). */
  full: boolean;
}

const PresenceRow = z.object({ id: z.string(), display_name: z.string(), on_shift: z.boolean(), viewing: z.string().nullable() });

export class Live {
  private readonly teams = new Map<string, TeamState>();
  private readonly unlisten: (() => Promise<void>)[] = [];
  private beat: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    readonly nodeId: string,
    private readonly clock: Clock,
  ) {}

  async start(): Promise<void> {
    this.unlisten.push(
      await this.db.listen(CHANGES_CHANNEL, (payload) => {
        const notice = parseNotice(payload);
        if (notice) this.catchUp(notice.teamId, notice.seq);
      }),
      await this.db.listen(PRESENCE_CHANNEL, (teamId) => this.pushPresence(teamId)),
    );
    this.beat = setInterval(() => void this.heartbeat().catch((error: unknown) => this.log.warn({ err: error }, 'presence heartbeat failed')), PRESENCE_BEAT_MS);
    this.beat.unref();
  }

  /** After a lost LISTEN connection: NOTIFYs may have been missed, so every team catches up. */
  resync(): void {
    for (const teamId of this.teams.keys()) {
      this.catchUp(teamId);
      this.pushPresence(teamId);
    }
  }

  get connectionCount(): number {
    let n = 0;
    for (const t of this.teams.values()) n += t.conns.size;
    return n;
  }

  /** A socket authenticated as `caller`: hello with the cursor, then changes and presence. */
  async attach(socket: WebSocket, caller: Caller, token: string): Promise<void> {
    const conn: Conn = { id: `${caller.deviceId}:${randomUUID()}`, socket, caller, token, sent: 0 };
    let closed = false;
    socket.on('close', () => {
      closed = true;
      void this.detach(conn);
    });
    await this.db.query('INSERT INTO presence (conn_id, team_id, member_id, node_id, viewing, seen_at) VALUES ($1, $2, $3, $4, NULL, $5)', [
      conn.id,
      caller.teamId,
      caller.memberId,
      this.nodeId,
      this.clock(),
    ]);
    conn.sent = await teamCursor(this.db, caller.teamId);
    if (closed) {
      await this.detach(conn);
      return;
    }
    this.send(conn, {
      type: 'hello',
      member: { id: caller.memberId, displayName: caller.displayName, role: caller.role, onShift: caller.onShift },
      team: { id: caller.teamId, name: caller.teamName },
      cursor: conn.sent,
    });
    socket.on('message', (data, isBinary) => void this.onMessage(conn, data, isBinary));
    this.team(caller.teamId).conns.add(conn);
    await this.notifyPresence(caller.teamId);
    // Changes committed between the cursor read and joining the team set.
    this.catchUp(caller.teamId);
  }

  async close(): Promise<void> {
    if (this.beat) clearInterval(this.beat);
    for (const fn of this.unlisten.splice(0)) await fn().catch(() => undefined);
    const conns = [...this.teams.values()].flatMap((t) => [...t.conns]);
    for (const conn of conns) conn.socket.close(1001, 'server shutting down');
    await this.db.query('DELETE FROM presence WHERE node_id = $1', [this.nodeId]).catch(() => undefined);
    this.teams.clear();
  }

  private team(teamId: string): TeamState {
    let team = this.teams.get(teamId);
    if (!team) {
      team = { conns: new Set(), chain: Promise.resolve(), target: 0, full: false };
      this.teams.set(teamId, team);
    }
    return team;
  }

  private send(conn: Conn, message: ServerMessage): void {
    if (conn.socket.readyState === conn.socket.OPEN) conn.socket.send(JSON.stringify(message));
  }

  private async detach(conn: Conn): Promise<void> {
    const team = this.teams.get(conn.caller.teamId);
    team?.conns.delete(conn);
    if (team && team.conns.size === 0) this.teams.delete(conn.caller.teamId);
    await this.db.query('DELETE FROM presence WHERE conn_id = $1', [conn.id]).catch(() => undefined);
    await this.notifyPresence(conn.caller.teamId).catch(() => undefined);
  }

  private async onMessage(conn: Conn, data: unknown, isBinary: boolean): Promise<void> {
    const text = !isBinary && Buffer.isBuffer(data) && data.length <= MAX_CLIENT_MESSAGE_BYTES ? data.toString('utf8') : undefined;
    let parsed: unknown;
    try {
      parsed = text === undefined ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const message = ClientMessageSchema.safeParse(parsed);
    if (!message.success) {
      this.send(conn, { type: 'error', code: 'bad_request', message: 'unreadable message' });
      return;
    }
    const m = message.data;
    if (m.type === 'ping') this.send(conn, { type: 'pong', at: this.clock() });
    else if (m.type === 'presence') {
      try {
        await this.db.query('UPDATE presence SET viewing = $2, seen_at = $3 WHERE conn_id = $1', [conn.id, m.viewing, this.clock()]);
        await this.db.query('UPDATE members SET on_shift = $3 WHERE team_id = $1 AND id = $2', [conn.caller.teamId, conn.caller.memberId, m.onShift]);
        await this.notifyPresence(conn.caller.teamId);
      } catch (error) {
        this.log.warn({ err: error }, 'presence update failed');
      }
    }
  }

  private notifyPresence(teamId: string): Promise<unknown> {
    return this.db.query('SELECT pg_notify($1, $2)', [PRESENCE_CHANNEL, teamId]);
  }

  /** Sends changes up to `seq` (without one: everything committed) to the team's connections, in order. */
  private catchUp(teamId: string, seq?: number): void {
    const team = this.teams.get(teamId);
    if (!team) return;
    if (seq === undefined) team.full = true;
    else team.target = Math.max(team.target, seq);
    team.chain = team.chain
      .then(async () => {
        for (;;) {
          const conns = [...team.conns];
          if (conns.length === 0) return;
          const from = Math.min(...conns.map((c) => c.sent));
          if (from >= team.target && !team.full) return;
          const page = await readChanges(this.db, teamId, from, 500, false);
          // Roles and devices first: what a connection may read follows its member as they are now.
          if (page.changes.some((c) => c.kind === 'members')) await this.refreshCallers(conns);
          for (const conn of conns) {
            for (const change of page.changes) if (change.seq > conn.sent) this.send(conn, { type: 'change', cursor: change.seq, change: changeFor(conn.caller, change) });
            conn.sent = Math.max(conn.sent, page.cursor);
          }
          if (!page.more) {
            // Everything committed is sent; a NOTIFY that arrives later queues its own step.
            team.full = false;
            return;
          }
        }
      })
      .catch((error: unknown) => this.log.warn({ err: error, teamId }, 'live catch-up failed'));
  }

  /** Re-reads each connection's member (its role may have changed); closes revoked devices. */
  private async refreshCallers(conns: readonly Conn[]): Promise<void> {
    for (const conn of conns) {
      const caller = await authenticate(this.db, conn.token, this.clock());
      if (caller) {
        conn.caller = caller;
        continue;
      }
      this.send(conn, { type: 'error', code: 'unauthorized', message: 'this device was removed from the team' });
      conn.socket.close(4001, 'revoked');
    }
  }

  private pushPresence(teamId: string): void {
    const team = this.teams.get(teamId);
    if (!team) return;
    team.chain = team.chain
      .then(async () => {
        const members = await this.presenceOf(teamId);
        for (const conn of team.conns) this.send(conn, { type: 'presence', members });
      })
      .catch((error: unknown) => this.log.warn({ err: error, teamId }, 'presence push failed'));
  }

  async presenceOf(teamId: string): Promise<PresenceMember[]> {
    const rows = await this.db.query(
      `SELECT m.id, m.display_name, m.on_shift,
          (array_agg(p.viewing ORDER BY p.seen_at DESC) FILTER (WHERE p.viewing IS NOT NULL))[1] AS viewing
       FROM presence p JOIN members m ON m.id = p.member_id AND m.team_id = p.team_id
       WHERE p.team_id = $1 AND p.seen_at > $2
       GROUP BY m.id, m.display_name, m.on_shift ORDER BY m.display_name, m.id`,
      [teamId, this.clock() - PRESENCE_TTL_MS],
    );
    return rows.map((r) => {
      const row = PresenceRow.parse(r);
      return PresenceMemberSchema.parse({ id: row.id, displayName: row.display_name, onShift: row.on_shift, viewing: row.viewing });
    });
  }

  private async heartbeat(): Promise<void> {
    const now = this.clock();
    await this.db.query('UPDATE presence SET seen_at = $2 WHERE node_id = $1', [this.nodeId, now]);
    const gone = await this.db.query('DELETE FROM presence WHERE seen_at < $1 RETURNING team_id', [now - PRESENCE_TTL_MS]);
    const teams = new Set(gone.map((r) => z.object({ team_id: z.string() }).parse(r).team_id));
    for (const teamId of teams) await this.notifyPresence(teamId);
  }
}
