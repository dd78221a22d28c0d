/** Handlers for customer import (stage → commit/cancel), manual edits and queue links. */
import type { ReplylineDb } from '../db/db';
import { ImportStaging, commitImport, deleteCustomer, linkCustomer, saveCustomer, unlinkCustomer, updateCustomerNotes } from '../db/customers';
import { handle } from '../messages';

export function registerCustomerHandlers(db: ReplylineDb, staging = new ImportStaging()): void {
  handle('customersImportStage', async ({ importId, customers }) => staging.add(importId, customers));

  handle('customersImportCommit', async ({ importId, fields, expected }) => {
    const customers = staging.take(importId);
    // A restarted service worker lost the staged rows: refuse rather than write a partial import.
    if (!customers) throw new Error(`Import ${importId} is no longer staged`);
    if (customers.length !== expected) throw new Error(`Import ${importId} has ${customers.length} rows staged, expected ${expected}`);
    return commitImport(db, customers, fields);
  });

  handle('customersImportCancel', async ({ importId }) => {
    staging.discard(importId);
    return { ok: true };
  });

  handle('customerSave', async (customer) => {
    const saved = await saveCustomer(db, customer);
    return { id: saved.id };
  });

  handle('customerNotesSave', async ({ id, notes, tags }) => {
    await updateCustomerNotes(db, id, { notes, tags });
    return { ok: true };
  });

  handle('customerDelete', async ({ id }) => {
    await deleteCustomer(db, id);
    return { ok: true };
  });

  handle('queueLinkCustomer', async ({ key, customerId }) => {
    await linkCustomer(db, key, customerId);
    return { ok: true };
  });

  handle('queueUnlinkCustomer', async ({ key }) => {
    await unlinkCustomer(db, key);
    return { ok: true };
  });
}
