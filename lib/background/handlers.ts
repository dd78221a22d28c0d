/**
 * Registers every background message handler. Each domain adds its own `register*` module here so
 * this file stays a table of contents.
 */
import type { ReplylineDb } from '../db/db';
import { registerCoreHandlers } from './coreHandlers';
import { registerReplyHandlers } from './replyHandlers';
import { registerTemplateHandlers } from './templateHandlers';
import { registerQueueHandlers } from './queueHandlers';
import { registerProfileHandlers } from './profileHandlers';
import { registerCustomerHandlers } from './customerHandlers';
import { registerReviewHandlers } from './reviewHandlers';
import { registerBrandRevision } from './brandRevision';

export function registerHandlers(db: ReplylineDb): void {
  registerCoreHandlers(db);
  registerReplyHandlers(db);
  registerTemplateHandlers(db);
  registerQueueHandlers(db);
  registerProfileHandlers(db);
  registerCustomerHandlers(db);
  registerReviewHandlers(db);
  registerBrandRevision(db);
}
