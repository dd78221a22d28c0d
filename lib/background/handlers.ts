/**
 * Registers every background message handler. Each domain adds its own `register*` module here so
 * this file stays a table of contents.
 */
import type { ReplylineDb } from '../db/db';
import { registerCoreHandlers } from './coreHandlers';
import { registerReplyHandlers } from './replyHandlers';

export function registerHandlers(db: ReplylineDb): void {
  registerCoreHandlers(db);
  registerReplyHandlers(db);
}
