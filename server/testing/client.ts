/**
 * A small typed client of the team protocol for tests, the chaos run and the bench: every answer
 * is parsed with the protocol's schema, as the extension does.
 */
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import type { z } from 'zod';
import {
  BEARER_PROTOCOL_PREFIX,
  ChangesResponseSchema,
  ClaimResultSchema,
  ErrorResponseSchema,
  ItemResultSchema,
  JoinResponseSchema,
  LIVE_PROTOCOL,
  RepliesPageSchema,
  RepliesResponseSchema,
  ServerMessageSchema,
  SightingsResponseSchema,
  type ReplyEntryInput,
  type ServerMessage,
  type Sighting,
} from '../../lib/team/protocol';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${status} ${code}: ${message}`);
  }
}

export class TeamClient {
  constructor(
    public baseUrl: string,
    public token?: string,
  ) {}

  async call<S extends z.ZodType>(schema: S, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<z.infer<S>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const error = ErrorResponseSchema.safeParse(json);
      throw new ApiError(response.status, error.success ? error.data.error.code : 'unknown', error.success ? error.data.error.message : JSON.stringify(json));
    }
    return schema.parse(json);
  }

  static async join(baseUrl: string, inviteCode: string, displayName: string, deviceName = 'test device'): Promise<TeamClient & { memberId: string; teamId: string }> {
    const joined = await new TeamClient(baseUrl).call(JoinResponseSchema, 'POST', '/v1/join', { inviteCode, displayName, deviceName });
    return Object.assign(new TeamClient(baseUrl, joined.token), { memberId: joined.member.id, teamId: joined.team.id });
  }

  sightings(sightings: Sighting[], opId: string = randomUUID()) {
    return this.call(SightingsResponseSchema, 'POST', '/v1/sightings', { opId, sightings });
  }
  claim(key: string, takeover = false, opId: string = randomUUID()) {
    return this.call(ClaimResultSchema, 'POST', '/v1/items/claim', { opId, key, takeover });
  }
  renew(key: string, opId: string = randomUUID()) {
    return this.call(ClaimResultSchema, 'POST', '/v1/items/renew', { opId, key });
  }
  release(key: string, opId: string = randomUUID()) {
    return this.call(ItemResultSchema, 'POST', '/v1/items/release', { opId, key });
  }
  replies(entries: ReplyEntryInput[]) {
    return this.call(RepliesResponseSchema, 'POST', '/v1/replies', { entries });
  }
  repliesSince(since: number, limit = 1000) {
    return this.call(RepliesPageSchema, 'GET', `/v1/replies?since=${since}&limit=${limit}`);
  }
  changes(since: number, limit = 1000) {
    return this.call(ChangesResponseSchema, 'GET', `/v1/changes?since=${since}&limit=${limit}`);
  }

  /** Opens /v1/live with the token as a subprotocol; resolves on the server's hello. */
  live(): Promise<LiveConnection> {
    const url = `${this.baseUrl.replace(/^http/, 'ws')}/v1/live`;
    const socket = new WebSocket(url, [LIVE_PROTOCOL, `${BEARER_PROTOCOL_PREFIX}${this.token ?? ''}`]);
    return LiveConnection.open(socket);
  }
}

/** A live connection that queues server messages and lets a test wait for the one it needs. */
export class LiveConnection {
  readonly messages: ServerMessage[] = [];
  private waiters: { match: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }[] = [];
  private readonly listeners = new Set<(m: ServerMessage) => void>();

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const message = ServerMessageSchema.parse(JSON.parse(data.toString('utf8')));
      this.messages.push(message);
      for (const fn of this.listeners) fn(message);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(message)) return true;
        w.resolve(message);
        return false;
      });
    });
  }

  static open(socket: WebSocket): Promise<LiveConnection> {
    const conn = new LiveConnection(socket);
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) => reject(new ApiError(res.statusCode ?? 0, 'unexpected-response', 'upgrade refused')));
      void conn.next((m) => m.type === 'hello').then(() => resolve(conn));
    });
  }

  /** The first message (already received or coming) that matches. */
  next<T extends ServerMessage>(match: (m: ServerMessage) => m is T): Promise<T>;
  next(match: (m: ServerMessage) => boolean): Promise<ServerMessage>;
  next(match: (m: ServerMessage) => boolean): Promise<ServerMessage> {
    const seen = this.messages.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** Calls `fn` with every later message. */
  subscribe(fn: (m: ServerMessage) => void): void {
    this.listeners.add(fn);
  }

  send(message: unknown): void {
    this.socket.send(JSON.stringify(message));
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}
