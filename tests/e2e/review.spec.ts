/**
 * The team lead's review page in real Chromium: two agents' log bundles (made here, with a DST
 * change in New York on 2026-11-01 and a weekend reply) → hand-computed tiles → drill-down from a
 * histogram bar and a heat-map cell → one interaction opened; a malformed bundle is rejected with
 * field and entry named and nothing changes; re-importing changes nothing.
 */
import { test, expect } from './support/extension';
import { buildBundle, serialiseBundle } from '../../lib/review';
import { ReplyLogEntrySchema, type ReplyLogEntry } from '../../lib/schemas/replies';
import { GoalSchema, MentionRecordSchema, type MentionRecord } from '../../lib/schemas/review';

const MIN = 60_000;
const utc = (m: number, d: number, h: number, min = 0) => Date.UTC(2026, m - 1, d, h, min);
const nineToFive = [{ start: '09:00', end: '17:00' }];
const ACME = { id: 'acme', name: 'Acme', businessHours: { timeZone: 'America/New_York', week: [[], nineToFive, nineToFive, nineToFive, nineToFive, nineToFive, []] } };

interface Reply {
  id: string;
  key: string;
  agent: string;
  repliedAt: number;
  wallMin: number;
  bizMin: number;
  sla: boolean;
  template?: string;
  text: string;
  author: string;
  complaint?: boolean;
  tone?: number;
  escalated?: boolean;
}

const REPLIES: Reply[] = [
  // Fri 30 Oct 09:10 EDT (UTC−4): before the DST change.
  { id: 'r-a1', key: 'x:1001', agent: 'anna', repliedAt: utc(10, 30, 13, 10), wallMin: 10, bizMin: 10, sla: true, template: 't1', text: 'Hi Ann, sorry about order 1001. A replacement ships today.', author: 'Ann', complaint: true },
  // Mon 2 Nov 09:20 EST (UTC−5): after it. Same text as r-a1 but for the name and number → a repeat.
  { id: 'r-a2', key: 'x:1002', agent: 'anna', repliedAt: utc(11, 2, 14, 20), wallMin: 20, bizMin: 20, sla: true, template: 't1', text: 'Hi Ben, sorry about order 1002. A replacement ships today.', author: 'Ben' },
  // Saturday: two hours of wall clock, none of business time.
  { id: 'r-a3', key: 'x:1003', agent: 'anna', repliedAt: utc(11, 7, 15, 0), wallMin: 120, bizMin: 0, sla: true, text: "We're on it, Cara! Our weekend team has your parcel.", author: 'Cara', tone: 1 },
  { id: 'r-b1', key: 'x:2001', agent: 'bob', repliedAt: utc(11, 2, 14, 40), wallMin: 40, bizMin: 40, sla: true, text: 'Thanks for the photo, we will refund you today.', author: 'Dan', complaint: true, escalated: true },
  { id: 'r-b2', key: 'x:2002', agent: 'bob', repliedAt: utc(11, 3, 22, 0), wallMin: 300, bizMin: 90, sla: false, template: 't2', text: 'Sorry for the wait, Eve.', author: 'Eve' },
];

function entryOf(r: Reply): ReplyLogEntry {
  const seen = r.repliedAt - r.wallMin * MIN;
  return ReplyLogEntrySchema.parse({
    id: r.id, postKey: r.key, site: 'x', brandId: 'acme', agent: r.agent, templateId: r.template, text: r.text,
    postText: `@acme question from ${r.author}`, postAuthor: r.author, complaint: r.complaint ?? false,
    reasonCodes: r.complaint ? ['complaint'] : [], postCreatedAt: seen, firstSeenAt: seen, repliedAt: r.repliedAt,
    frtWallMs: r.wallMin * MIN, frtBusinessMs: r.bizMin * MIN, slaMet: r.sla, toneWarningsOverridden: r.tone ?? 0, escalated: r.escalated ?? false,
  });
}

function mentionOf(r: Reply): MentionRecord {
  const seen = r.repliedAt - r.wallMin * MIN;
  return MentionRecordSchema.parse({ key: r.key, site: 'x', brandId: 'acme', state: 'replied', complaint: r.complaint ?? false, reasonCodes: r.complaint ? ['complaint'] : [], postCreatedAt: seen, firstSeenAt: seen, repliedAt: r.repliedAt, agent: r.agent });
}

const open = (key: string, agent: string, state: MentionRecord['state'], at: number, extra: Partial<MentionRecord> = {}): MentionRecord =>
  MentionRecordSchema.parse({ key, site: 'x', brandId: 'acme', state, postCreatedAt: at, firstSeenAt: at, agent, ...extra });

function bundleFor(agent: string, extra: MentionRecord[], goals: unknown[] = []): string {
  const mine = REPLIES.filter((r) => r.agent === agent);
  const bundle = buildBundle({
    agent, exportedAt: utc(11, 20, 12), period: { from: utc(10, 1, 0), to: utc(11, 20, 0) },
    entries: mine.map(entryOf), mentions: [...mine.map(mentionOf), ...extra], goals: goals.map((g) => GoalSchema.parse(g)),
  });
  return serialiseBundle({ ...bundle, brands: [ACME] });
}

const GOAL = { id: 'g-q4', objective: 'Answer every complaint fast', keyResults: [{ id: 'k1', metric: 'complaintsAnsweredPct', comparator: 'gte', target: 90 }, { id: 'k2', metric: 'medianFrtBusinessMin', comparator: 'lte', target: 30 }], period: { fromDay: '2026-10-01', toDay: '2026-12-31' }, createdAt: 1, updatedAt: 1 };
const ANNA = bundleFor('anna', [
  open('x:1004', 'anna', 'dismissed', utc(11, 4, 15), { dismissReason: 'spam' }),
  open('x:1005', 'anna', 'new', utc(11, 5, 16), { complaint: true, reasonCodes: ['complaint'] }),
], [GOAL]);
const BOB = bundleFor('bob', [open('x:2003', 'bob', 'snoozed', utc(11, 6, 18)), open('x:2004', 'bob', 'escalated', utc(11, 6, 19))]);
const file = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

test('review: import two bundles, hand-computed metrics, drill-down, rejected and repeated imports', async ({ context, extensionId }) => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`chrome-extension://${extensionId}/review.html`);
  await expect(page.getByText('Each agent opens Replyline')).toBeVisible();

  await page.getByTestId('bundle-input').setInputFiles([file('anna.json', ANNA), file('bob.json', BOB)]);
  const counts = page.getByTestId('review-counts');
  await expect(counts).toHaveText('Replies: 5 · mentions: 9 · goals: 1');

  // The whole Q4 2026, whatever day the test runs.
  await page.locator('.review-filters select').first().selectOption('custom');
  await page.locator('.review-filters input[type=date]').nth(0).fill('2026-10-01');
  await page.locator('.review-filters input[type=date]').nth(1).fill('2026-12-31');

  // Hand-computed: wall 10,20,40,120,300 → median 40, p90 300; business 0,10,20,40,90 → 20 / 90.
  const tiles: [string, string][] = [
    ['frt-wall', '40 min'], ['frt-business', '20 min'], ['sla', '80%'], ['complaints', '66.7%'], ['ignored', '22.2%'],
    ['dismissed', '1'], ['templates', '60%'], ['repeat', '40%'], ['tone', '1'], ['escalations', '1'],
  ];
  for (const [id, value] of tiles) await expect(page.getByTestId(`tile-${id}`)).toHaveText(value);
  await expect(page.getByText('90% within 5 hr')).toBeVisible();
  // Chromium has Intl.DurationFormat: its short style separates units with a comma.
  await expect(page.getByText('90% within 1 hr, 30 min')).toBeVisible();

  // Histogram (business hours), first bar = [0, 15) min: the weekend reply (0) and r-a1 (10).
  await page.locator('.histogram [data-bin="b0"]').click();
  const drill = page.getByTestId('drilldown');
  await expect(drill.getByTestId('drill-count')).toHaveText('2 interactions');
  await expect(drill.locator('[data-row-id]')).toHaveCount(2);
  expect(await drill.locator('[data-row-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-id')))).toEqual(['r-a1', 'r-a3']);
  await drill.locator('[data-row-id="r-a3"]').click();
  await expect(drill.getByTestId('detail-reply')).toHaveText("We're on it, Cara! Our weekend team has your parcel.");
  await expect(drill.getByTestId('detail-post')).toHaveText('@acme question from Cara');

  // Heat map in New York time across the DST change: Friday 09:00 EDT and Monday 09:00 EST.
  await expect(page.locator('.heatmap [data-weekday="5"][data-hour="9"]')).toHaveAttribute('data-value', '1');
  await expect(page.locator('.heatmap [data-weekday="5"][data-hour="8"]')).toHaveAttribute('data-value', '0');
  const monday9 = page.locator('.heatmap [data-weekday="1"][data-hour="9"]');
  await expect(monday9).toHaveAttribute('data-value', '2');
  await expect(monday9).toHaveClass(/staffed/);
  // Saturday 08:00 (the weekend mention) is not staffed.
  await expect(page.locator('.heatmap [data-weekday="6"][data-hour="8"]')).not.toHaveClass(/staffed/);
  // Keyboard: focus the cell and press Enter.
  await monday9.focus();
  await page.keyboard.press('Enter');
  await expect(drill.getByTestId('drill-count')).toHaveText('2 interactions');
  expect(await drill.locator('[data-row-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-id')).sort())).toEqual(['x:1002', 'x:2001']);
  await drill.locator('[data-row-id="x:2001"]').press('Enter');
  await expect(drill.getByTestId('drill-detail')).toContainText('Thanks for the photo, we will refund you today.');

  // Per-agent bar → that agent's interactions (3 replies + 5 mentions for anna).
  await page.locator('.bars [data-bar="anna"]').click();
  await expect(drill.getByTestId('drill-count')).toHaveText('8 interactions');

  // A malformed bundle: rejected, naming the field and the entry; counts unchanged.
  const broken = JSON.parse(BOB) as { entries: Record<string, unknown>[] };
  const second = broken.entries[1];
  if (!second) throw new Error('fixture');
  second.repliedAt = 'yesterday';
  await page.getByRole('tab', { name: 'Import' }).click();
  await page.getByTestId('bundle-input').setInputFiles([file('bob-broken.json', JSON.stringify(broken))]);
  const error = page.getByTestId('import-error');
  await expect(error).toContainText('entries[1].repliedAt');
  await expect(error).toContainText('"r-b2"');
  await expect(page.getByTestId('import-result')).toContainText('0 new, 0 changed');
  await expect(counts).toHaveText('Replies: 5 · mentions: 9 · goals: 1');

  // A foreign JSON file is rejected as such.
  await page.getByTestId('bundle-input').setInputFiles([file('notes.json', '{"hello": "world"}')]);
  await expect(error).toContainText('not a Replyline log bundle');

  // Re-importing both: nothing changes.
  await page.getByTestId('bundle-input').setInputFiles([file('anna.json', ANNA), file('bob.json', BOB)]);
  await expect(page.getByTestId('import-result')).toContainText('0 new, 0 changed');
  await expect(page.getByTestId('import-result')).toContainText('(15 already here)');
  await expect(counts).toHaveText('Replies: 5 · mentions: 9 · goals: 1');

  // The goal came with the bundle; its check-in judges the KRs.
  await page.getByRole('tab', { name: /Goals/ }).click();
  await expect(page.getByText('Answer every complaint fast')).toBeVisible();
  await expect(page.getByText('1 of 2 key results met')).toBeVisible();
  expect(errors).toEqual([]);
});
