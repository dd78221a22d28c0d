// @vitest-environment node
/**
 * Server SQL migrations are append-only: shipped files are frozen by hash, and every version is
 * applied on a database seeded at the version before it.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { listMigrations, migrate } from '../../../server/db/migrate';
import { openEmbedded } from '../../../server/db/pglite';
import type { Db } from '../../../server/db/types';

// The embedded database takes a while to start on a loaded machine; waits are for events, not time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

/** Shipped migrations, frozen: never edit one, add the next file. */
const SHIPPED: Record<string, string> = {
  '0001_init.sql': 'd3bf220fe97ae5c05bae7215b6abd4accff56dd0ecb8c106369e3df28a2ee2c9',
};

/** Data a database at version N holds, written with that version's schema (keyed by N). */
const SEEDS: Record<number, string> = {
  0: '',
};

/** What each version must leave behind, checked after upgrading from the seeded version before it. */
const CHECKS: Record<number, (db: Db) => Promise<void>> = {
  1: async (db) => {
    const rows = await db.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
    const tables = rows.map((r) => z.object({ table_name: z.string() }).parse(r).table_name);
    expect(tables).toEqual(['aliases', 'changes', 'config', 'devices', 'invites', 'items', 'members', 'ops', 'presence', 'replies', 'schema_migrations', 'teams']);
  },
};

let db: Db;
beforeAll(async () => {
  db = await openEmbedded();
});
afterAll(async () => {
  await db?.close();
});

describe('server migrations', () => {
  it('are numbered without gaps and unchanged once shipped', () => {
    const files = listMigrations();
    for (const m of files) {
      const hash = createHash('sha256').update(m.sql).digest('hex');
      if (SHIPPED[m.name]) expect(`${m.name} ${hash}`).toBe(`${m.name} ${SHIPPED[m.name]}`);
    }
    expect(Object.keys(SHIPPED).every((name) => files.some((m) => m.name === name))).toBe(true);
  });

  it('has a seed and a check for every version', () => {
    const versions = listMigrations().map((m) => m.version);
    expect(versions.map((v) => [v, v - 1 in SEEDS, v in CHECKS])).toEqual(versions.map((v) => [v, true, true]));
  });

  it.each(listMigrations().map((m) => [m.version]))('upgrades a database seeded at the version before %i', async (version) => {
    expect(await migrate(db, version - 1)).toBe(version - 1);
    const seed = SEEDS[version - 1];
    if (seed) await db.exec(seed);
    expect(await migrate(db, version)).toBe(version);
    await CHECKS[version]?.(db);
  });

  it('does nothing the second time', async () => {
    const latest = listMigrations().length;
    expect(await migrate(db)).toBe(latest);
    expect(await migrate(db)).toBe(latest);
    const rows = await db.query('SELECT count(*) AS n FROM schema_migrations');
    expect(z.coerce.number().parse(rows[0]?.n)).toBe(latest);
  });
});
