/**
 * The team lead's review page at 100,000 replies, in real Chromium with the built extension:
 *   - import + merge of 10 agents' log bundles (100k replies + 25k queued mentions in total)
 *     through the real path: file input → background → planImport → one write per batch, rollups
 *     maintained in the same transaction;
 *   - re-importing one bundle (the idempotent merge: nothing to write);
 *   - computing every metric of the page for the quarter (tiles, per-agent, per-week) from the
 *     rollups, as the page does it (the `replyline:review-metrics` measure around read + compute).
 * Bundles are generated in Node with the seeded generator the unit tests use.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { buildBundle, quarterOf, serialiseBundle } from '../../../lib/review';
import { BRAND_TZ, generateLogs } from '../../unit/review/fixtures';
import { median, round, withExtension } from './session';

export interface ReviewBrowserOptions {
  bundles?: number;
  entriesTotal?: number;
  metricRepeats?: number;
  limitMs?: number;
  log?: (line: string) => void;
}

export interface ReviewBrowserResult {
  bundles: number;
  entries: number;
  mentions: number;
  bundleMb: number;
  importMs: number;
  reimportMs: number;
  rollupsRead: number;
  metricsMs: number;
  metricsSamplesMs: number[];
  goalMs: number;
}

const MeasureSchema = z.array(z.object({ duration: z.number(), detail: z.object({ filter: z.string(), rollups: z.number(), replies: z.number() }) }));

function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function benchReviewBrowser(opts: ReviewBrowserOptions = {}): Promise<ReviewBrowserResult> {
  const bundles = opts.bundles ?? 10;
  const total = opts.entriesTotal ?? 100_000;
  const log = opts.log ?? (() => undefined);
  // The current quarter: the page opens on it by default.
  const quarter = quarterOf(localDay(Date.now()));
  const fromMs = Date.parse(`${quarter.fromDay}T00:00:00Z`);
  const days = Math.round((Date.parse(`${quarter.toDay}T00:00:00Z`) - fromMs) / 86_400_000) + 1;
  const brands = Object.entries(BRAND_TZ).map(([id, timeZone]) => ({ id, name: id, businessHours: { timeZone, week: [[], [{ start: '09:00', end: '17:00' }], [{ start: '09:00', end: '17:00' }], [{ start: '09:00', end: '17:00' }], [{ start: '09:00', end: '17:00' }], [{ start: '09:00', end: '17:00' }], []] } }));

  const dir = mkdtempSync(path.join(tmpdir(), 'replyline-review-bench-'));
  const files: string[] = [];
  let entries = 0;
  let mentions = 0;
  let bytes = 0;
  for (let b = 0; b < bundles; b++) {
    const agent = `agent${b}`;
    const logs = generateLogs({ entries: Math.floor(total / bundles), agents: 1, fromMs, days, seed: 100 + b });
    const e = logs.entries.map((x) => ({ ...x, id: `${agent}-${x.id}`, agent, postKey: `${x.site}:${agent}-${x.postKey.split(':')[1] ?? ''}` }));
    const m = logs.mentions.map((x) => ({ ...x, key: `${x.site}:${agent}-${x.key.split(':')[1] ?? ''}`, agent }));
    const bundle = buildBundle({ agent, exportedAt: Date.now(), period: { from: fromMs, to: fromMs + days * 86_400_000 }, entries: e, mentions: m });
    const text = serialiseBundle({ ...bundle, brands });
    const file = path.join(dir, `${agent}.json`);
    writeFileSync(file, text);
    files.push(file);
    // buildBundle keeps only rows inside the period (a few long waits end after it).
    entries += bundle.entries.length;
    mentions += bundle.mentions.length;
    bytes += text.length;
  }
  log(`  ${bundles} bundles, ${entries} replies + ${mentions} mentions, ${round(bytes / 1e6)} MB`);

  try {
    return await withExtension(opts.limitMs ?? 15 * 60_000, async ({ context, extensionId }) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/review.html`);
      await page.getByTestId('bundle-input').waitFor();

      let t0 = Date.now();
      await page.getByTestId('bundle-input').setInputFiles(files);
      // Files go in ≤ 16 MB batches; the header counts every row once the last batch is in.
      try {
        await page.getByTestId('review-counts').filter({ hasText: `${entries} replies · ${mentions} mentions` }).waitFor({ timeout: 8 * 60_000 });
      } catch (e) {
        log(`  import did not complete: ${await page.locator('body').innerText().then((t) => t.slice(0, 600)).catch(() => '?')}`);
        throw e;
      }
      const importMs = Date.now() - t0;
      log(`  import + merge: ${importMs} ms`);

      await page.getByRole('tab', { name: 'Import' }).click();
      t0 = Date.now();
      await page.getByTestId('bundle-input').setInputFiles(files[0] ?? '');
      await page.getByTestId('import-result').filter({ hasText: '0 new, 0 changed' }).waitFor({ timeout: 5 * 60_000 });
      const reimportMs = Date.now() - t0;

      // Metrics for the whole quarter: switch away (one agent) and back, several times.
      await page.getByRole('tab', { name: 'Overview' }).click();
      await page.getByTestId('tile-frt-wall').waitFor();
      const agentSelect = page.locator('.review-filters select').nth(1);
      const repeats = opts.metricRepeats ?? 5;
      for (let i = 0; i < repeats; i++) {
        await agentSelect.selectOption('agent3');
        await page.waitForTimeout(300);
        await agentSelect.selectOption('');
        await page.waitForTimeout(300);
      }
      await page.waitForTimeout(1000);
      const measures = MeasureSchema.parse(
        await page.evaluate(() => performance.getEntriesByName('replyline:review-metrics').map((m) => ({ duration: m.duration, detail: m instanceof PerformanceMeasure ? m.detail : null }))),
      );
      const full = measures.filter((m) => !m.detail.filter.includes('agents'));
      // The first full read ran while the import was still settling; the later ones are the steady state.
      const samples = full.slice(-repeats).map((m) => round(m.duration));

      log(`  re-import one bundle: ${reimportMs} ms; metrics for the quarter: ${samples.join(', ')} ms over ${full[full.length - 1]?.detail.rollups ?? 0} rollups`);

      // Goal progress for the quarter, as the Goals tab computes it (save → check-in shown).
      let goalMs = Number.NaN;
      try {
        await page.getByRole('tab', { name: /Goals/ }).click();
        await page.getByRole('button', { name: 'New goal' }).click();
        await page.locator('.goal-editor input').first().fill('Bench goal');
        t0 = Date.now();
        await page.getByRole('button', { name: 'Save goal' }).click();
        await page.getByText(/key results met/).first().waitFor({ timeout: 120_000 });
        goalMs = Date.now() - t0;
      } catch (e) {
        log(`  goal check-in not measured: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      }

      return {
        bundles,
        entries,
        mentions,
        bundleMb: round(bytes / 1e6),
        importMs,
        reimportMs,
        rollupsRead: full[full.length - 1]?.detail.rollups ?? 0,
        metricsMs: median(samples),
        metricsSamplesMs: samples,
        goalMs,
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
