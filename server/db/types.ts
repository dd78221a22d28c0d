/**
 * The one database interface the server uses, over embedded PGlite or a real PostgreSQL (`pg`).
 * Rows come back untyped: callers parse them with Zod row schemas.
 */
export interface Queryable {
  query(sql: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'embedded' | 'postgres';
  /** Runs `fn` in one READ COMMITTED transaction; retried on deadlock/serialization failure. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** LISTEN on a channel; NOTIFY payloads arrive after the sender commits. Returns the unlisten. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** SQLSTATEs worth one more try: deadlock_detected, serialization_failure. */
const RETRYABLE = new Set(['40P01', '40001']);

export function isRetryable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code: unknown = Reflect.get(error, 'code');
  return typeof code === 'string' && RETRYABLE.has(code);
}

export async function withRetry<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (error) {
      if (i >= attempts || !isRetryable(error)) throw error;
    }
  }
}
