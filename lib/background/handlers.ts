/**
 * Registers every background message handler. Each domain adds its own `register*` module here so
 * this file stays a table of contents.
 */
import { reopenIfFailed, type ReplylineDb } from '../db/db';
import { sendableError } from '../db/storageErrors';
import { guardHandlers } from '../messages';
import { registerCoreHandlers } from './coreHandlers';
import { registerReplyHandlers } from './replyHandlers';
import { registerTemplateHandlers } from './templateHandlers';
import { registerQueueHandlers } from './queueHandlers';
import { registerProfileHandlers } from './profileHandlers';
import { registerCustomerHandlers } from './customerHandlers';
import { registerReviewHandlers } from './reviewHandlers';
import { registerBrandRevision } from './brandRevision';
import { registerTeamHandlers } from './teamHandlers';

export function registerHandlers(db: ReplylineDb): void {
  // After a failed open (disk full) the next message reopens the database; storage failures go
  // back to the panel named, so it can say what was not saved in plain words.
  guardHandlers({ before: () => reopenIfFailed(db), mapError: sendableError });
  registerCoreHandlers(db);
  registerReplyHandlers(db);
  registerTemplateHandlers(db);
  registerQueueHandlers(db);
  registerProfileHandlers(db);
  registerCustomerHandlers(db);
  registerReviewHandlers(db);
  registerBrandRevision(db);
  registerTeamHandlers(db);
}
