/**
 * The team server's HTTP and WebSocket API (lib/team/protocol.ts). `buildApp` takes an open,
 * migrated database; `main.ts` wires configuration, start-up and shutdown.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import { ZodError, z } from 'zod';
import {
  BEARER_PROTOCOL_PREFIX,
  ClientMessageSchema,
  LIVE_PROTOCOL,
  MAX_CLIENT_MESSAGE_BYTES,
  type ErrorResponse,
} from '../lib/team/protocol';
import type { Db } from './db/types';
import { HttpError } from './errors';
import { Live } from './live';
import type { Caller, Clock } from './store/context';
import { authenticate } from './store/teams';
import { registerRoutes } from './routes';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

export interface AppOptions {
  db: Db;
  clock?: Clock;
  nodeId?: string;
  /** Pino options or false; tests pass false. */
  logger?: boolean | { level: string };
  /** Invite redemptions per IP and minute. */
  joinsPerMinute?: number;
  /** Fastify's trustProxy: set behind a reverse proxy so rate limits see the agent's address. */
  trustProxy?: boolean | string;
}

export interface TeamServer {
  app: FastifyInstance;
  live: Live;
  db: Db;
  clock: Clock;
}

/** Only the extension's own pages may call the server from a browser. */
export const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[a-z0-9-]{1,64}$/;

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/.exec(header) : null;
  return match?.[1];
}

/** The device token from the WebSocket subprotocols (`bearer.<token>`), for browsers that cannot set headers. */
function protocolToken(request: FastifyRequest): string | undefined {
  const header = request.headers['sec-websocket-protocol'];
  const offered = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((p) => p.trim());
  const found = offered.find((p) => p.startsWith(BEARER_PROTOCOL_PREFIX));
  return found?.slice(BEARER_PROTOCOL_PREFIX.length);
}

function errorBody(code: ErrorResponse['error']['code'], message: string, issues?: ErrorResponse['error']['issues']): ErrorResponse {
  return { error: { code, message, ...(issues ? { issues } : {}) } };
}

export async function buildApp(options: AppOptions): Promise<TeamServer> {
  const { db } = options;
  const clock = options.clock ?? Date.now;
  const nodeId = options.nodeId ?? randomUUID();
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    // Only behind a proxy: else anyone could pick their address (and rate-limit bucket) by header.
    trustProxy: options.trustProxy ?? false,
  });
  const live = new Live(db, app.log, nodeId, clock);

  app.decorateRequest('caller', null);

  app.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof ZodError) {
      const issues = error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      return reply.status(400).send(errorBody('bad_request', z.prettifyError(error), issues));
    }
    if (error instanceof HttpError) return reply.status(error.status).send(errorBody(error.code, error.message));
    const status: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'statusCode') : undefined;
    const message = error instanceof Error ? error.message : 'error';
    if (status === 413) return reply.status(413).send(errorBody('payload_too_large', message));
    if (status === 429) return reply.status(429).send(errorBody('rate_limited', message));
    if (typeof status === 'number' && status >= 400 && status < 500) return reply.status(status).send(errorBody('bad_request', message));
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(errorBody('internal', 'internal error'));
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send(errorBody('not_found', 'no such endpoint')));

  await app.register(cors, {
    origin: (origin, cb) => cb(null, origin !== undefined && EXTENSION_ORIGIN.test(origin)),
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new HttpError('rate_limited', 'Too many attempts; wait a minute and try again.'),
  });
  await app.register(websocket, {
    options: {
      maxPayload: MAX_CLIENT_MESSAGE_BYTES,
      // Select our protocol, never echo the one carrying the token.
      handleProtocols: (protocols) => (protocols.has(LIVE_PROTOCOL) ? LIVE_PROTOCOL : false),
    },
  });

  /** Every /v1 route but join and live requires a device token. */
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/v1/') || path === '/v1/join' || path === '/v1/live') return;
    const token = bearer(request);
    const caller = token ? await authenticate(db, token, clock()) : undefined;
    if (!caller) throw new HttpError('unauthorized', 'missing, unknown or revoked device token');
    request.caller = caller;
  });

  app.get('/health', async () => {
    await db.query('SELECT 1');
    return { ok: true, db: db.kind, node: nodeId };
  });

  await registerRoutes(app, { db, clock, live, joinsPerMinute: options.joinsPerMinute ?? 10 });

  app.get(
    '/v1/live',
    {
      websocket: true,
      preValidation: async (request) => {
        const token = protocolToken(request);
        if (token === undefined) return;
        const caller = await authenticate(db, token, clock());
        if (!caller) throw new HttpError('unauthorized', 'unknown or revoked device token');
        request.caller = caller;
      },
    },
    (socket, request) => {
      const caller = request.caller;
      const token = protocolToken(request);
      if (caller && token) {
        void live.attach(socket, caller, token).catch((error: unknown) => {
          request.log.warn({ err: error }, 'live attach failed');
          socket.close(1011, 'attach failed');
        });
        return;
      }
      // No subprotocol token: the first message must be `{type:'auth'}`, within 10 s.
      const timer = setTimeout(() => socket.close(4001, 'auth timeout'), 10_000);
      socket.once('message', (data: Buffer, isBinary: boolean) => {
        clearTimeout(timer);
        void (async () => {
          let parsed: unknown;
          try {
            parsed = isBinary ? undefined : JSON.parse(data.toString('utf8'));
          } catch {
            parsed = undefined;
          }
          const message = ClientMessageSchema.safeParse(parsed);
          const first = message.success && message.data.type === 'auth' ? message.data : undefined;
          const authed = first ? await authenticate(db, first.token, clock()) : undefined;
          if (!first || !authed) {
            socket.send(JSON.stringify({ type: 'error', code: 'unauthorized', message: 'first message must be a valid auth' }));
            socket.close(4001, 'unauthorized');
            return;
          }
          await live.attach(socket, authed, first.token);
        })().catch((error: unknown) => {
          request.log.warn({ err: error }, 'live auth failed');
          socket.close(1011, 'attach failed');
        });
      });
    },
  );

  return { app, live, db, clock };
}
