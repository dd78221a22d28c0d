/** A scriptable team server for sync tests: answers by route, records every request, fakes the socket. */
import type { FetchLike, FetchResponseLike } from '@/lib/team/api';
import type { SocketFactory, SocketLike } from '@/lib/team/socket';
import type { ServerMessage, TeamItem } from '@/lib/team/protocol';
import { post } from '../support/db';

export interface Call {
  method: string;
  path: string;
  body: unknown;
}

type Route = (call: Call) => { status: number; body: unknown } | Promise<{ status: number; body: unknown }>;

export class FakeServer {
  calls: Call[] = [];
  routes = new Map<string, Route>();
  down = false;
  sockets: FakeSocket[] = [];

  fetch: FetchLike = async (url, init) => {
    const parsed = new URL(url);
    const call = { method: init.method, path: parsed.pathname + parsed.search, body: init.body === undefined ? undefined : JSON.parse(init.body) };
    if (this.down) throw new TypeError('Failed to fetch');
    this.calls.push(call);
    const route = this.routes.get(`${init.method} ${parsed.pathname}`);
    const answer = route ? await route(call) : { status: 404, body: { error: { code: 'not_found', message: 'no route' } } };
    const response: FetchResponseLike = { status: answer.status, json: async () => answer.body };
    return response;
  };

  socket: SocketFactory = (url, protocols) => {
    const socket = new FakeSocket(url, protocols);
    this.sockets.push(socket);
    return socket;
  };

  on(route: string, answer: Route | unknown): void {
    this.routes.set(route, typeof answer === 'function' ? (answer as Route) : () => ({ status: 200, body: answer }));
  }

  paths(): string[] {
    return this.calls.map((c) => `${c.method} ${c.path.split('?')[0]}`);
  }
}

export class FakeSocket implements SocketLike {
  sent: unknown[] = [];
  closed = false;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {}
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(): void {
    this.closed = true;
  }
  push(message: ServerMessage): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  /** A message this build's types do not describe (a newer server's). */
  pushUntyped(message: Record<string, unknown>): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(): void {
    this.onclose?.({ code: 1006 });
  }
}

export const ME = { id: '11111111-1111-4111-8111-111111111111', displayName: 'Dana' };
export const KIM = { id: '22222222-2222-4222-8222-222222222222', displayName: 'Kim' };
export const TEAM = { id: '33333333-3333-4333-8333-333333333333', name: 'Acme care' };
export const TOKEN = `rlt_${'a'.repeat(43)}`;

export function membership(over: Record<string, unknown> = {}) {
  return {
    id: 'team',
    serverUrl: 'http://127.0.0.1:7777',
    token: TOKEN,
    teamId: TEAM.id,
    teamName: TEAM.name,
    memberId: ME.id,
    displayName: ME.displayName,
    role: 'agent',
    joinedAt: 1,
    ...over,
  };
}

export function teamItem(id: string, over: Partial<TeamItem> = {}): TeamItem {
  const p = post(id, 'Acme my order never came');
  return {
    key: p.key,
    site: 'x',
    brandId: 'acme',
    state: 'new',
    priority: 70,
    reasons: [],
    reasonCodes: [],
    matchedTerms: ['acme'],
    complaint: true,
    question: false,
    praise: false,
    restored: false,
    customerUnlinked: false,
    postCreatedAt: p.createdAt ?? 0,
    queuedAt: 5,
    firstSeenAt: p.seenAt,
    updatedAt: 5,
    post: p,
    aliases: [],
    version: 1,
    ...over,
  };
}

/** Routes every healthy connection needs. */
export function healthyServer(server: FakeServer, cursor = 0): void {
  server.on('GET /v1/me', { deviceId: '44444444-4444-4444-8444-444444444444', member: { ...ME, role: 'agent', onShift: true }, team: TEAM, cursor });
  server.on('GET /v1/members', { members: [{ ...ME, role: 'agent', onShift: true }, { ...KIM, role: 'agent', onShift: true }] });
  server.on('GET /v1/config', { brands: [], templates: [], toneNotes: [], customers: [] });
  server.on('GET /v1/items', { items: [], cursor, });
  server.on('GET /v1/changes', { changes: [], cursor, more: false });
  server.on('GET /v1/replies', { entries: [], cursor: 0, more: false });
}
