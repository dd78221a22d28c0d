/**
 * Versioned SQL migrations, append-only: `server/migrations/NNNN_name.sql`, applied in order at start
 * inside one transaction under an advisory lock, so nodes starting together apply each once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from './types';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));
const MIGRATION_LOCK = 7_310_415; // any constant shared by every node

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((file, i) => {
      const version = Number(file.slice(0, 4));
      if (version !== i + 1) throw new Error(`migration ${file}: expected version ${i + 1}`);
      return { version, name: file, sql: readFileSync(path.join(dir, file), 'utf8') };
    });
}

const VersionRow = z.object({ version: z.coerce.number().int() });

/** Applies migrations above the database's version, up to `target` (default: all). Returns the version. */
export async function migrate(db: Db, target?: number): Promise<number> {
  const all = listMigrations();
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)',
    );
    const rows = await tx.query('SELECT coalesce(max(version), 0) AS version FROM schema_migrations');
    let current = VersionRow.parse(rows[0]).version;
    for (const m of all) {
      if (m.version <= current || (target !== undefined && m.version > target)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, Date.now()]);
      current = m.version;
    }
    return current;
  });
}
