/** Team configuration (brands, templates, tone notes, customers): read by all, edited by leads. */
import { z } from 'zod';
import { TeamConfigSchema, type ConfigSection, type TeamConfig } from '../../lib/team/protocol';
import type { Queryable } from '../db/types';

const ConfigRow = z.object({ section: z.string(), data: z.unknown() });

export async function readConfig(q: Queryable, teamId: string): Promise<TeamConfig> {
  const rows = await q.query('SELECT section, data FROM config WHERE team_id = $1 ORDER BY section, id', [teamId]);
  const config: Record<ConfigSection, unknown[]> = { brands: [], templates: [], toneNotes: [], customers: [] };
  for (const r of rows) {
    const row = ConfigRow.parse(r);
    const list = Reflect.get(config, row.section);
    if (Array.isArray(list)) list.push(row.data);
  }
  return TeamConfigSchema.parse(config);
}

export async function updateConfig(
  tx: Queryable,
  teamId: string,
  section: ConfigSection,
  upsert: readonly { id: string }[],
  remove: readonly string[],
  now: number,
): Promise<{ upserted: number; removed: number }> {
  // One row per id: a batch naming an id twice keeps its last version.
  const unique = [...new Map(upsert.map((r) => [r.id, r])).values()];
  if (unique.length > 0) {
    await tx.query(
      `INSERT INTO config (team_id, section, id, data, updated_at)
         SELECT $1, $2, r->>'id', r, $4 FROM jsonb_array_elements($3::jsonb) AS r
       ON CONFLICT (team_id, section, id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      [teamId, section, JSON.stringify(unique), now],
    );
  }
  const removed = remove.length > 0 ? await tx.query('DELETE FROM config WHERE team_id = $1 AND section = $2 AND id = ANY($3::text[]) RETURNING id', [teamId, section, [...remove]]) : [];
  return { upserted: unique.length, removed: removed.length };
}
