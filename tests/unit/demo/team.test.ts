/**
 * The demo's team looks like a real team to a prospect: several agents, weeks of replies in and
 * out of business hours, complaints answered and missed, goals part-met; and none of the strings
 * tests use to probe HTML handling.
 */
import { describe, expect, it } from 'vitest';
import { demoData } from '@/lib/demo/seed';
import { demoTeamBundles, DEMO_DAYS } from '@/lib/demo/team';
import { DEMO_TWEETS } from '../../e2e/support/demoPages';
import { buildRollups, computeMetrics } from '@/lib/review';
import { goalProgress } from '@/lib/review/goals';
import { isBusinessTime } from '@/lib/time/businessHours';

const NOW = Date.UTC(2026, 11, 6, 10, 30);
const { brand, customers, templates } = demoData(NOW);
const bundles = demoTeamBundles(brand, NOW);
const entries = bundles.flatMap((b) => b.entries);
const mentions = bundles.flatMap((b) => b.mentions);
const metrics = computeMetrics(buildRollups(entries, mentions, () => brand.businessHours.timeZone).values());

describe('demo team', () => {
  it('has several agents, each with replies', () => {
    expect(bundles.map((b) => b.agent)).toEqual(['Sam', 'Priya', 'Tomás', 'Mei']);
    for (const b of bundles) expect(b.entries.length).toBeGreaterThan(10);
  });

  it('spans the weeks of the period, never the future', () => {
    const days = new Set(entries.map((e) => Math.floor(e.repliedAt / 86_400_000)));
    expect(days.size).toBeGreaterThanOrEqual(DEMO_DAYS - 2);
    expect(Math.max(...entries.map((e) => e.repliedAt))).toBeLessThanOrEqual(NOW);
    expect(Object.keys(metrics).length).toBeGreaterThan(0);
  });

  it('has posts in and out of business hours, and off-hours posts wait longer', () => {
    const inHours = entries.filter((e) => isBusinessTime(e.postCreatedAt, brand.businessHours));
    const offHours = entries.filter((e) => !isBusinessTime(e.postCreatedAt, brand.businessHours));
    expect(inHours.length).toBeGreaterThan(30);
    expect(offHours.length).toBeGreaterThan(30);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    expect(median(offHours.map((e) => e.frtWallMs))).toBeGreaterThan(median(inHours.map((e) => e.frtWallMs)));
  });

  it('answers most complaints and misses some; noise is filtered and some posts dismissed', () => {
    expect(metrics.complaints).toBeGreaterThan(30);
    expect(metrics.complaintsAnsweredPct).toBeGreaterThan(70);
    expect(metrics.complaintsAnsweredPct).toBeLessThan(100);
    expect(mentions.some((m) => m.state === 'filtered')).toBe(true);
    expect(mentions.some((m) => m.state === 'dismissed')).toBe(true);
  });

  it('has goals, some key results met and some not', () => {
    const goals = bundles.flatMap((b) => b.goals);
    expect(goals.length).toBeGreaterThan(0);
    const rollups = [...buildRollups(entries, mentions, () => brand.businessHours.timeZone).values()];
    const met = goals.flatMap((g) => goalProgress(g, rollups, '2026-12-06').keyResults.map((k) => k.met));
    expect(met).toContain(true);
    expect(met).toContain(false);
  });

  it('writes the same rows when loaded again later the same day', () => {
    const later = new Map(demoTeamBundles(brand, NOW + 3_600_000).flatMap((b) => b.entries).map((e) => [e.id, JSON.stringify(e)]));
    for (const e of entries) expect(later.get(e.id)).toBe(JSON.stringify(e));
  });

  it('shows no markup or script probes anywhere', () => {
    const text = JSON.stringify({ bundles, customers, templates, DEMO_TWEETS });
    expect(text).not.toMatch(/<\s*(img|script|svg|iframe)|onerror|javascript:/i);
  });
});

describe('demo noise', () => {
  it('names only noise rules the product knows', async () => {
    const { NOISE_RULE_IDS } = await import('@/lib/triage/rules');
    const rules = mentions.filter((m) => m.state === 'filtered').map((m) => m.dismissReason ?? '');
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(NOISE_RULE_IDS).toContain(rule);
  });
});
