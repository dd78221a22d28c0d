/** Handlers for customer import (stage → commit/cancel), manual edits and queue links. */
import type { ReplylineDb } from '../db/db';
import { deleteCustomer, saveCustomer, updateCustomerNotes } from '../db/customers';
import { commitImport } from '../db/customerImport';
import { linkCustomer, unlinkCustomer } from '../db/customerLinks';
import { ImportStaging } from '../db/importStaging';
import { handle } from '../messages';

export function registerCustomerHandlers(db: ReplylineDb, staging = new ImportStaging(db)): void {
  handle('customersImportStage', async ({ importId, customers }) => staging.add(importId, customers));

  handle('customersImportCommit', async ({ importId, fields, expected }) => {
    // Staged in IndexedDB: a service worker stopped since the preview finds it there.
    const customers = await staging.read(importId);
    // Cancelled, or dropped as stale: refuse rather than write a partial import.
    if (!customers) throw new Error(`Import ${importId} is no longer staged`);
    if (customers.length !== expected) throw new Error(`Import ${importId} has ${customers.length} rows staged, expected ${expected}`);
    const result = await commitImport(db, customers, fields);
    await staging.discard(importId);
    return result;
  });

  handle('customersImportCancel', async ({ importId }) => {
    await staging.discard(importId);
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
