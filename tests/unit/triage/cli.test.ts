import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';

const CLI = resolve(import.meta.dirname, '../../../scripts/triage.ts');
const LineSchema = z.object({ id: z.string(), complaintProbability: z.number() });

/** `npm run triage -- FILE [--brand FILE]`, one parsed line per post. */
function triage(csv: string, brand?: object): z.infer<typeof LineSchema>[] {
  const dir = mkdtempSync(join(tmpdir(), 'replyline-cli-'));
  writeFileSync(join(dir, 'posts.csv'), csv);
  const args = ['--import', 'tsx', CLI, join(dir, 'posts.csv')];
  if (brand) {
    writeFileSync(join(dir, 'brand.json'), JSON.stringify(brand));
    args.push('--brand', join(dir, 'brand.json'));
  }
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out.trim().split('\n').map((line) => LineSchema.parse(JSON.parse(line)));
}

describe('npm run triage with a brand file', () => {
  // Written for this test: no "@", no service word; only the brand file says who it is about.
  const csv = 'id,text\nnamed,"so done with Skylane"\nmood,"so done with this week"\n';
  const brand = { id: 'skylane', name: 'Skylane', names: ['Skylane'], handles: ['skylane'], createdAt: 0, updatedAt: 0 };

  it('reads a post naming the brand as about the brand, as the extension does', () => {
    const bare = triage(csv);
    const withBrand = triage(csv, brand);
    const p = (rows: typeof bare, id: string) => rows.find((r) => r.id === id)?.complaintProbability ?? Number.NaN;
    expect(p(withBrand, 'named')).toBeGreaterThan(p(bare, 'named') + 0.1);
    // A post that does not name it scores as without the file.
    expect(p(withBrand, 'mood')).toBeCloseTo(p(bare, 'mood'), 6);
  }, 30_000);
});
