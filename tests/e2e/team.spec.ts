/**
 * Team mode end to end: two real Chromiums with the extension and one team server (real
 * PostgreSQL in a throw-away cluster when CI=true, the embedded one otherwise). Lena (a lead) and
 * Kim (an agent) capture the same post → one team item; both open it → one claim wins and the
 * other sees who; the winner escalates to the other → it lands in their queue with a notice; the
 * reply the other sends shows in the lead's live Review, while the agent's Review says the team's log
 * is the leads' and lists the agent's own. All network is blocked except the team server's loopback
 * address.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { test, expect, EXTENSION_PATH, extensionIdOf, extensionLaunchArgs, routeSites } from './support/extension';
import { createBrand } from './support/panel';
import { makeTweets, xPage } from './support/xPage';
import { buildEditorFixtures } from '../../scripts/build-editor-fixtures';
import { realPgRequired, startPgCluster, startServer, type PgCluster, type RunningServer } from '../../server/testing';

let server: RunningServer;
let cluster: PgCluster | undefined;

test.beforeAll(async () => {
  if (realPgRequired()) {
    cluster = await startPgCluster();
    server = await startServer({ databaseUrl: await cluster.createDatabase('team_e2e'), teamName: 'Acme care' });
  } else {
    server = await startServer({ teamName: 'Acme care' });
  }
});

test.afterAll(async () => {
  await server?.stop();
  await cluster?.stop();
});

interface Browser {
  context: BrowserContext;
  panel: Page;
  site: Page;
  extensionId: string;
}

async function launch(pages: Map<string, string>): Promise<Browser> {
  const context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'replyline-team-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: !process.env.HEADED,
    viewport: { width: 1100, height: 800 },
    // REPLYLINE_EXTENSION: a copy of the build, so a long run does not hold .output.
    args: extensionLaunchArgs(process.env.REPLYLINE_EXTENSION ?? EXTENSION_PATH),
  });
  await routeSites(context, pages);
  // The one address that may be reached: the team server on loopback (routes added later win).
  const origin = new URL(server.url).origin;
  await context.route((url) => url.origin === origin, (route) => route.continue());
  const extensionId = await extensionIdOf(context);
  const panel = await context.newPage();
  // The browser's "Allow access to this site?" prompt cannot be clicked from a test: answer yes.
  await panel.addInitScript(() => {
    chrome.permissions.request = async () => true;
  });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  return { context, panel, site: await context.newPage(), extensionId };
}

async function join(panel: Page, inviteCode: string, name: string): Promise<void> {
  await panel.getByRole('tab', { name: /Settings/ }).click();
  const form = panel.getByRole('form', { name: 'Join a team' });
  await form.getByLabel('Server address').fill(server.url);
  await form.getByLabel('Invite code').fill(inviteCode);
  await form.getByLabel('Your name as teammates see it').fill(name);
  await form.getByRole('button', { name: 'Join' }).click();
  await expect(panel.locator('[data-team-connection]')).toHaveAttribute('data-team-connection', 'connected');
}

test.setTimeout(300_000);
test.use({ actionTimeout: 30_000 });

test('two agents share one queue: one item, one claim, escalation with a notice, the reply in the lead live Review', async () => {
  const bundles = await buildEditorFixtures();
  const tweets = makeTweets(2, (i) => (i === 0 ? '@acme my order #10419 never arrived, nobody answers' : 'lovely weather today'), 1873000000000000000n);
  const pages = new Map([['/home', xPage(tweets, bundles.xDraft)]]);
  const key = `x:${tweets[0]?.id}`;
  const lena = await launch(pages);
  const kim = await launch(pages);
  try {
    // Lena sets up the brand, joins as the lead and shares the brand with the team.
    await createBrand(lena.panel, { name: 'Acme', handles: 'acme, AcmeHelp', names: 'Acme' });
    await join(lena.panel, server.leadInvite ?? '', 'Lena');
    await lena.panel.getByRole('button', { name: 'Share my brands, templates and tone notes with the team' }).click();
    await expect(lena.panel.getByText('Shared with the team.')).toBeVisible();
    await lena.panel.getByRole('button', { name: 'Create invite code' }).click();
    const invite = (await lena.panel.locator('[data-invite-code]').textContent()) ?? '';

    // Kim joins with the invite and receives the team's brand.
    await join(kim.panel, invite, 'Kim');
    await kim.panel.getByRole('tab', { name: /Queue/ }).click();
    await lena.panel.getByRole('tab', { name: /Queue/ }).click();

    // Both browse X and capture the same post: one team item, in both queues.
    await Promise.all([lena.site.goto('https://x.com/home'), kim.site.goto('https://x.com/home')]);
    for (const b of [lena, kim]) await expect(b.site.locator(`[data-replyline-post="${key}"]`)).toHaveAttribute('data-replyline-priority', /\d/);
    for (const b of [lena, kim]) await expect(b.panel.locator(`[data-queue-key="${key}"]`)).toHaveCount(1);
    await expect.poll(async () => (await server.db.query('SELECT key FROM items')).map((r) => r.key)).toEqual([key]);

    // Both open it at once: one claim wins, the other sees who is replying.
    await Promise.all([lena.panel.locator(`[data-queue-key="${key}"]`).click(), kim.panel.locator(`[data-queue-key="${key}"]`).click()]);
    const claims = await Promise.all(
      [lena, kim].map(async (b) => {
        const claim = b.panel.locator('[data-team-claim]');
        await expect(claim).toHaveAttribute('data-team-claim', /^(mine|taken)$/);
        return claim.getAttribute('data-team-claim');
      }),
    );
    expect([...claims].sort()).toEqual(['mine', 'taken']);
    const [winner, loser] = claims[0] === 'mine' ? [lena, kim] : [kim, lena];
    const [winnerName, loserName] = winner === lena ? ['Lena', 'Kim'] : ['Kim', 'Lena'];
    await expect(loser.panel.getByText(`${winnerName} is replying to this item.`)).toBeVisible();
    await expect(loser.panel.getByLabel('Reply text')).toHaveCount(0);

    // The winner escalates to the other with a note: it lands in their queue with a notice.
    await winner.panel.getByRole('button', { name: /^Escalate/ }).click();
    const form = winner.panel.getByRole('form', { name: 'Assign to a teammate' });
    await form.getByLabel('Teammate').selectOption({ label: loserName });
    await form.getByLabel('Note for them').fill('VIP customer, refund approved');
    await form.getByRole('button', { name: 'Assign' }).click();
    const notice = loser.panel.locator(`[data-team-notice-key="${key}"]`);
    await expect(notice).toContainText(`${winnerName} assigned this to you`);
    await expect(notice).toContainText('VIP customer, refund approved');

    // The assignee opens it from the notice (now theirs), replies on X, and the lead sees it live.
    await notice.getByRole('button', { name: `${winnerName} assigned this to you` }).click();
    await expect(loser.panel.locator('[data-team-claim]')).toHaveAttribute('data-team-claim', 'mine');
    const review = await lena.context.newPage();
    await review.goto(`chrome-extension://${lena.extensionId}/review.html`);
    await expect(review.locator('[data-team-live-log]')).toBeVisible();

    const text = 'So sorry about order 10419, Customer 0: the refund is on its way.';
    await loser.panel.getByLabel('Reply text').fill(text);
    await loser.panel.getByRole('button', { name: "Put it in the site's reply box" }).click();
    // Send only once the reply is in X's editor (the insertion is asynchronous).
    await expect(loser.panel.locator('[data-insert-result]')).toHaveAttribute('data-insert-result', 'ok');
    const dialog = loser.site.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect.poll(() => loser.site.evaluate(() => (window as Window & { __draftText?: () => string }).__draftText?.())).toBe(text);
    await dialog.getByTestId('tweetButton').click();
    await expect(review.locator('[data-team-reply]')).toHaveCount(1);
    await expect(review.locator('[data-team-reply]')).toContainText(text);
    await expect(review.locator('[data-team-reply]')).toContainText(loserName);

    // Kim is an agent: the team's log is the leads'. Kim's Review says so and lists Kim's own only,
    // and the note fits a 320 px wide window.
    const kimReview = await kim.context.newPage();
    await kimReview.setViewportSize({ width: 320, height: 700 });
    await kimReview.goto(`chrome-extension://${kim.extensionId}/review.html`);
    await expect(kimReview.locator('[data-team-leads-only]')).toBeVisible();
    await expect(kimReview.locator('[data-team-reply]')).toHaveCount(loser === kim ? 1 : 0);
    const note = await kimReview.locator('[data-team-leads-only]').boundingBox();
    expect(note && note.x >= 0 && note.x + note.width <= 320).toBe(true);
  } finally {
    await lena.context.close();
    await kim.context.close();
  }
});
