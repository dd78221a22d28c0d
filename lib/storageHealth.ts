/**
 * Will the browser keep Replyline's data? Chromium evicts a non-persistent origin's IndexedDB when
 * the disk runs full (with 1 MB free it dropped the whole database), so the panels ask for
 * persistent storage once and warn while space is low, before that happens.
 */

/** Below this much room (quota minus usage) the panels warn. Imports of a few thousand customers take ~10 MB. */
export const LOW_STORAGE_BYTES = 200 * 1024 * 1024;

export interface StorageHealth {
  /** Bytes still available to Replyline, when the browser says. */
  freeBytes?: number;
  low: boolean;
  persisted: boolean;
}

export interface StorageManagerLike {
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

export function healthOf(estimate: { usage?: number; quota?: number }, persisted: boolean): StorageHealth {
  if (estimate.quota === undefined || estimate.usage === undefined) return { low: false, persisted };
  const freeBytes = Math.max(0, estimate.quota - estimate.usage);
  return { freeBytes, low: freeBytes < LOW_STORAGE_BYTES, persisted };
}

/** Asks for persistent storage (once granted it stays) and reports the room left. Never throws. */
export async function checkStorage(storage: StorageManagerLike | undefined): Promise<StorageHealth> {
  try {
    let persisted = (await storage?.persisted?.()) ?? false;
    if (!persisted) persisted = (await storage?.persist?.()) ?? false;
    return healthOf((await storage?.estimate?.()) ?? {}, persisted);
  } catch {
    return { low: false, persisted: false };
  }
}
