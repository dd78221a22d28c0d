/**
 * The team server's HTTP API, typed by lib/team/protocol.ts. Every answer is parsed before use;
 * `fetch` is injected so unit tests run against a fake or an in-process server.
 */
import { z } from 'zod';
import {
  AssignRequestSchema,
  ChangesResponseSchema,
  ClaimRequestSchema,
  ClaimResultSchema,
  ConfigUpdateRequestSchemas,
  ConfigUpdateResponseSchema,
  type ConfigSection,
  CreateInviteRequestSchema,
  DevicesResponseSchema,
  ErrorResponseSchema,
  InviteResponseSchema,
  ItemResultSchema,
  ItemsPageSchema,
  JoinRequestSchema,
  JoinResponseSchema,
  LeaseRequestSchema,
  MeResponseSchema,
  MembersResponseSchema,
  OkResponseSchema,
  RepliesPageSchema,
  RepliesRequestSchema,
  RepliesResponseSchema,
  ShiftEndRequestSchema,
  ShiftEndResponseSchema,
  SightingsRequestSchema,
  SightingsResponseSchema,
  StateRequestSchema,
  TeamConfigSchema,
} from './protocol';

export interface FetchResponseLike {
  status: number;
  json(): Promise<unknown>;
}
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<FetchResponseLike>;

/** The server answered with an error (4xx/5xx); `code` is the protocol's error code when it sent one. */
export class TeamHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'TeamHttpError';
  }
  /** Trying again cannot help: the request itself is refused. */
  get permanent(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

/** The server could not be reached (offline, DNS, refused, CORS). */
export class TeamNetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamNetworkError';
  }
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof TeamHttpError && error.status === 401;
}

type Input<S extends z.ZodType> = z.input<S>;

export class TeamApi {
  constructor(
    readonly serverUrl: string,
    private readonly token: string | undefined,
    private readonly fetchImpl: FetchLike,
  ) {}

  private async call<S extends z.ZodType>(method: string, path: string, answer: S, body?: unknown): Promise<z.infer<S>> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: FetchResponseLike;
    try {
      response = await this.fetchImpl(`${this.serverUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      throw new TeamNetworkError(error instanceof Error ? error.message : String(error));
    }
    const json = await response.json().catch(() => undefined);
    if (response.status >= 400) {
      const parsed = ErrorResponseSchema.safeParse(json);
      throw parsed.success
        ? new TeamHttpError(response.status, parsed.data.error.code, parsed.data.error.message)
        : new TeamHttpError(response.status, 'internal', `HTTP ${response.status}`);
    }
    const parsed = answer.safeParse(json);
    if (!parsed.success) throw new TeamHttpError(response.status, 'bad_response', `Unexpected answer from ${path}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  }

  join(body: Input<typeof JoinRequestSchema>) {
    return this.call('POST', '/v1/join', JoinResponseSchema, JoinRequestSchema.parse(body));
  }
  me() {
    return this.call('GET', '/v1/me', MeResponseSchema);
  }
  revokeSelf() {
    return this.call('POST', '/v1/devices/self/revoke', OkResponseSchema, {});
  }
  devices() {
    return this.call('GET', '/v1/devices', DevicesResponseSchema);
  }
  revokeDevice(id: string) {
    return this.call('DELETE', `/v1/devices/${encodeURIComponent(id)}`, OkResponseSchema);
  }
  members() {
    return this.call('GET', '/v1/members', MembersResponseSchema);
  }
  createInvite(body: Input<typeof CreateInviteRequestSchema>) {
    return this.call('POST', '/v1/invites', InviteResponseSchema, CreateInviteRequestSchema.parse(body));
  }
  sightings(body: Input<typeof SightingsRequestSchema>) {
    return this.call('POST', '/v1/sightings', SightingsResponseSchema, SightingsRequestSchema.parse(body));
  }
  items(after?: string, limit = 200) {
    const query = new URLSearchParams({ limit: String(limit) });
    if (after) query.set('after', after);
    return this.call('GET', `/v1/items?${query.toString()}`, ItemsPageSchema);
  }
  changes(since: number, limit = 500) {
    return this.call('GET', `/v1/changes?since=${since}&limit=${limit}`, ChangesResponseSchema);
  }
  claim(body: Input<typeof ClaimRequestSchema>) {
    return this.call('POST', '/v1/items/claim', ClaimResultSchema, ClaimRequestSchema.parse(body));
  }
  renew(body: Input<typeof LeaseRequestSchema>) {
    return this.call('POST', '/v1/items/renew', ClaimResultSchema, LeaseRequestSchema.parse(body));
  }
  release(body: Input<typeof LeaseRequestSchema>) {
    return this.call('POST', '/v1/items/release', ItemResultSchema, LeaseRequestSchema.parse(body));
  }
  assign(body: Input<typeof AssignRequestSchema>) {
    return this.call('POST', '/v1/items/assign', ItemResultSchema, AssignRequestSchema.parse(body));
  }
  setState(body: Input<typeof StateRequestSchema>) {
    return this.call('POST', '/v1/items/state', ItemResultSchema, StateRequestSchema.parse(body));
  }
  endShift(body: Input<typeof ShiftEndRequestSchema>) {
    return this.call('POST', '/v1/shift/end', ShiftEndResponseSchema, ShiftEndRequestSchema.parse(body));
  }
  replies(body: Input<typeof RepliesRequestSchema>) {
    return this.call('POST', '/v1/replies', RepliesResponseSchema, RepliesRequestSchema.parse(body));
  }
  repliesSince(since: number, limit = 500) {
    return this.call('GET', `/v1/replies?since=${since}&limit=${limit}`, RepliesPageSchema);
  }
  config() {
    return this.call('GET', '/v1/config', TeamConfigSchema);
  }
  putConfig(section: ConfigSection, body: unknown) {
    return this.call('PUT', `/v1/config/${section}`, ConfigUpdateResponseSchema, ConfigUpdateRequestSchemas[section].parse(body));
  }
}

/** The WebSocket URL for the live feed of a server origin. */
export function liveUrl(serverUrl: string): string {
  const url = new URL('/v1/live', serverUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
