/** Errors that map to the protocol's `ErrorResponse` (lib/team/protocol.ts). */
import type { z } from 'zod';
import type { ErrorCodeSchema } from '../lib/team/protocol';

export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invite_invalid: 400,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
};

export class HttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}
