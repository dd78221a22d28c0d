/**
 * A realistic panel for the language checks: a Russian-speaking shop in team mode (a lead, two
 * teammates, claims, a notice, actions waiting for the server), its brand, templates, customer,
 * queue items and team reply log, plus what the background would answer. Written to the same
 * database and storage the views read, through their schemas.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { getDb } from '@/lib/db/db';
import { EVICTED_KEY } from '@/lib/db/eviction';
import { RELOAD_TABS_KEY } from '@/lib/pipeline/reloadTabs';
import { CustomerSchema } from '@/lib/schemas/customers';
import { PageHealthSchema, type Post } from '@/lib/schemas/posts';
import { ReplyLogEntrySchema } from '@/lib/schemas/replies';
import { GoalSchema } from '@/lib/schemas/review';
import { QueueItemSchema } from '@/lib/schemas/queue';
import { AgentSettingsSchema, ToneRulesSchema } from '@/lib/schemas/settings';
import { TemplateSchema, ToneNoteSchema } from '@/lib/schemas/templates';
import { TeamItemFieldsSchema, TeamMemberSchema, TeamMembershipSchema, TeamReplySchema } from '@/lib/team/records';
import { brand, post } from '../support/db';

export const NOW = Date.now();
const MIN = 60_000;
export const ME = '7b0c6a52-3d1e-4c1b-9a53-0c6f3f0a1a01';
export const LI = '7b0c6a52-3d1e-4c1b-9a53-0c6f3f0a1a02';
const ANNA = '7b0c6a52-3d1e-4c1b-9a53-0c6f3f0a1a03';

/** The open item (claimed by me) and one a teammate is replying to. */
export const OPEN_KEY = 'x:1861000000000000001';
export const HELD_KEY = 'x:1861000000000000002';

const posts: Post[] = [
  post('1861000000000000001', '@acme заказ #10023 так и не пришёл, уже неделю жду. Где он?', { authorHandle: 'jane_doe', authorName: 'Jane Doe', createdAt: NOW - 95 * MIN, seenAt: NOW - 90 * MIN }),
  post('1861000000000000002', '@acme 快递三天了还没到', { authorHandle: 'wang_li', authorName: '王丽', createdAt: NOW - 30 * MIN, seenAt: NOW - 29 * MIN }),
];

const item = (key: string, fields: Record<string, unknown>) =>
  QueueItemSchema.parse({
    key, site: 'x', brandId: 'acme', state: 'new', priority: 80, rank: 1, reasons: [], reasonCodes: [],
    postCreatedAt: NOW - 95 * MIN, queuedAt: NOW - 90 * MIN, firstSeenAt: NOW - 90 * MIN, updatedAt: NOW - 5 * MIN, ...fields,
  });

export const openItem = item(OPEN_KEY, {
  state: 'escalated', priority: 86, assignedAgent: 'Anna', note: 'VIP', sentiment: -0.62, matchedTerms: ['acme'],
  dueAt: NOW - 35 * MIN, followUpAt: NOW + 26 * 60 * MIN, complaint: true,
  answeredBy: { handle: 'AcmeHelp', at: NOW - 20 * MIN },
  customerMatch: { customerId: 'c1', confidence: 0.8, by: 'handle', why: 'handle @jane_doe' },
  reasons: [
    { code: 'customer', points: 30, detail: '', facts: { name: 'Jane Doe', orders: 2, spent: 389.5, currency: 'GBP' } },
    { code: 'overdue', points: 20, detail: '', facts: { waitingMin: 95, targetMin: 60, overdue: true } },
  ],
  reasonCodes: ['customer', 'overdue', 'complaint'],
});

export const heldItem = item(HELD_KEY, {
  state: 'filtered', priority: 12, filteredBy: { rule: 'giveaway', detail: '#giveaway' }, reasonCodes: ['spam.giveaway'], dismissReason: 'giveaway',
});

/**
 * The reply the agent types into the open item: long, and tripping every tone check (greeting,
 * banned and avoided words, a promise, two apologies, a private detail, an emoji), and sent
 * almost word for word today to five other people and before to this customer (the repetition
 * warnings).
 */
export const DRAFT = `Хай! Извините, это как бы проблема. Гарантируем, что завтра всё решим 🙂 Извините ещё раз. Пришлите ваш номер телефона. ${'Мы проверим всё и вернёмся с ответом. '.repeat(6)}`;
/** How many other people got that reply today. */
export const SENT_TODAY = 5;

const sentBefore = (n: number, author: string) => ReplyLogEntrySchema.parse({
  id: `sent-${n}`, postKey: `x:18610000000000001${String(n).padStart(2, '0')}`, site: 'x', brandId: 'acme', agent: 'Мария', text: DRAFT,
  postAuthor: author, reasonCodes: ['complaint'], postCreatedAt: NOW - 20 * MIN, firstSeenAt: NOW - 20 * MIN,
  // At NOW: "today" in any time zone, whenever the test runs.
  repliedAt: NOW, frtWallMs: 20 * MIN, frtBusinessMs: 20 * MIN, slaMet: true,
});

/** A fresh install: nothing stored, no team. */
export async function seedNothing(): Promise<void> {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
}

/** A brand and a team, but no mention and no team reply yet. */
export async function seedBrandAndEmptyTeam(): Promise<void> {
  await seedNothing();
  const db = getDb();
  await db.brands.put(brand());
  await db.teamMembership.put(membership);
}

const membership = TeamMembershipSchema.parse({
  id: 'team', serverUrl: 'https://team.acme.example', token: 'device-token', teamId: 'acme-care', teamName: 'Acme Care',
  memberId: ME, displayName: 'Мария', role: 'lead', deviceName: 'Мария · Linux', joinedAt: NOW - 86_400_000, connection: 'offline', onShift: true,
});

export async function seedTeamShop(): Promise<void> {
  await seedNothing();
  const db = getDb();
  await db.settings.put(AgentSettingsSchema.parse({ id: 'me', agentName: 'Мария', xPremium: false, onboarded: true, updatedAt: NOW }));
  // Every check on, greeting and sign-off blocking: the composer's findings and blockers all show.
  await db.brands.put(brand({
    supportEmail: 'help@acme.example',
    toneRules: ToneRulesSchema.parse({
      enabled: ['bannedPhrases', 'preferredPhrases', 'overPromising', 'greeting', 'signOff', 'emoji', 'empathy', 'privateDetails', 'repetition'],
      blocking: ['greeting', 'signOff'], bannedPhrases: ['как бы'], preferredPhrases: [{ avoid: 'проблема', prefer: 'вопрос' }],
      greetingRequired: true, bannedGreetings: ['Хай'], signOff: 'Команда Acme', emojiPolicy: 'noneInComplaints',
    }),
  }));
  await db.posts.bulkPut(posts);
  await db.queue.bulkPut([openItem, heldItem]);
  await db.customers.put(CustomerSchema.parse({
    id: 'c1', name: 'Jane Doe', email: 'jane@example.com', xHandle: 'jane_doe', orderCount: 2, totalSpent: 389.5, currency: 'GBP',
    orderNumbers: ['10023', '10024'], createdAt: NOW, updatedAt: NOW,
  }));
  await db.templates.bulkPut([
    TemplateSchema.parse({ id: 't1', shortCode: 'late', title: 'Задержка', scope: 'shared', tags: ['доставка'], createdAt: NOW, updatedAt: NOW,
      bodies: ['Здравствуйте, {{customer.first_name}}! Заказ {{order.number}}: {{order.status}}, {{?когда приедет}}. – {{agent.name}}', 'Извините за ожидание, {{customer.first_name}}. {{?что случилось}}'] }),
    TemplateSchema.parse({ id: 't2', shortCode: 'thanks', title: 'Спасибо', scope: 'shared', bodies: ['Спасибо, что написали!'], createdAt: NOW, updatedAt: NOW }),
  ]);
  await db.toneNotes.bulkPut([
    ToneNoteSchema.parse({ id: 'n1', brandId: 'acme', agent: '', text: 'Обращаемся на «вы».', createdAt: NOW }),
    ToneNoteSchema.parse({ id: 'n2', brandId: 'acme', agent: 'Мария', text: 'Без восклицательных знаков.', createdAt: NOW }),
  ]);

  await db.teamMembership.put(membership);
  await db.teamMembers.bulkPut([
    TeamMemberSchema.parse({ id: ME, displayName: 'Мария', role: 'lead', onShift: true, online: true, viewingKey: OPEN_KEY }),
    TeamMemberSchema.parse({ id: LI, displayName: 'Li Wei', role: 'agent', onShift: true, online: true, viewingKey: OPEN_KEY }),
    TeamMemberSchema.parse({ id: ANNA, displayName: 'Anna', role: 'agent', onShift: false, online: false }),
  ]);
  await db.teamItems.bulkPut([
    TeamItemFieldsSchema.parse({ key: OPEN_KEY, claimOwnerId: ME, claimOwnerName: 'Мария', leaseUntil: NOW + 10 * MIN,
      notice: { kind: 'assigned', by: 'Li Wei', note: 'Клиент ждёт с понедельника', at: NOW - 3 * MIN }, updatedAt: NOW }),
    TeamItemFieldsSchema.parse({ key: HELD_KEY, claimOwnerId: LI, claimOwnerName: 'Li Wei', leaseUntil: NOW + 10 * MIN, updatedAt: NOW }),
  ]);
  await db.replyLog.bulkPut([
    ...Array.from({ length: SENT_TODAY }, (_, n) => sentBefore(n, `buyer_${n}`)),
    { ...sentBefore(SENT_TODAY, 'jane_doe'), customerId: 'c1' },
  ]);
  // Three actions waiting for the server (the bar says how many, with its plural).
  for (const n of [1, 2, 3]) {
    await db.teamOutbox.add({ opId: `op-waiting-${n}`, op: { kind: 'release', body: { key: OPEN_KEY } }, createdAt: NOW, attempts: 1 });
  }
  await db.teamReplies.bulkPut([1, 2].map((n) => TeamReplySchema.parse({
    id: `r${n}`, postKey: n === 1 ? OPEN_KEY : HELD_KEY, site: 'x', brandId: 'acme', agent: n === 1 ? 'Li Wei' : 'Anna', text: n === 1 ? 'Здравствуйте! Проверим заказ.' : '已为您查询订单。',
    postAuthor: 'Jane Doe', reasonCodes: ['complaint'], postCreatedAt: NOW - 200 * MIN, firstSeenAt: NOW - 190 * MIN, repliedAt: NOW - n * 40 * MIN,
    frtWallMs: n * 70 * MIN, frtBusinessMs: n * 70 * MIN, slaMet: n === 1, memberId: n === 1 ? LI : ANNA, receivedAt: NOW - n * 40 * MIN, seq: n,
  })));
}

/** A quarter's goal on the review page: a count and a decimal target, a period of calendar days. */
export async function seedGoal(): Promise<void> {
  await getDb().goals.put(GoalSchema.parse({
    id: 'g1', objective: 'Отвечать быстрее в праздники', period: { fromDay: '2026-10-01', toDay: '2026-12-31' },
    keyResults: [{ id: 'kr1', metric: 'replies', comparator: 'gte', target: 1234 }, { id: 'kr2', metric: 'escalations', comparator: 'lte', target: 12.5 }],
    createdAt: NOW, updatedAt: NOW,
  }));
}

/** The lead removed this device from the team: the status bar says so and offers to leave. */
export async function revokeThisDevice(): Promise<void> {
  await getDb().teamMembership.put({ ...membership, revoked: true });
}

/** Banners: a tab that can't be read, tabs to reload, an eviction notice; low storage is the caller's. */
export async function seedBanners(): Promise<void> {
  const tab = await fakeBrowser.tabs.create({ url: 'https://x.com/search?q=acme', title: 'acme – Поиск / X' });
  // The fake browser's tabs.query does not filter by match pattern: this is the one site tab open.
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([tab]);
  await getDb().pageHealth.put(PageHealthSchema.parse({
    tabId: tab.id, site: 'x', pageKind: 'search', url: 'https://x.com/search?q=acme', candidates: 21, recognised: 0, extractionFailures: 0, matched: 0, ok: false, checkedAt: NOW,
  }));
  await fakeBrowser.storage.local.set({
    [RELOAD_TABS_KEY]: [{ tabId: 7, url: 'https://www.facebook.com/acme', title: '' }, { tabId: 8, url: 'https://x.com/home', title: 'Главная / X' }],
    [EVICTED_KEY]: { lost: { brands: 2, queue: 1234, replies: 56, team: true, at: NOW - 86_400_000 }, detectedAt: NOW },
  });
}

const ANSWERS: Record<string, (data: { key?: string }) => unknown> = {
  teamClaim: (data) => (data.key === HELD_KEY ? { status: 'taken', owner: 'Li Wei', leaseUntil: NOW + 10 * MIN } : { status: 'mine' }),
  teamRelease: () => ({ ok: true }),
  queueWake: () => ({ woken: 0 }),
  teamInvite: () => ({ code: 'K7PQ-M2XD-9RTW', role: 'agent', expiresAt: NOW + 72 * 60 * MIN }),
  teamDevices: () => ({
    devices: [
      { id: '5a0c6a52-3d1e-4c1b-9a53-0c6f3f0a1a01', memberId: ME, deviceName: 'Мария · Linux', createdAt: NOW - 86_400_000, lastSeenAt: NOW - 2 * MIN, revoked: false },
      { id: '5a0c6a52-3d1e-4c1b-9a53-0c6f3f0a1a02', memberId: LI, deviceName: 'Li Wei · MacIntel', createdAt: NOW - 86_400_000, lastSeenAt: NOW - 3 * 60 * MIN, revoked: false },
    ],
  }),
};

/**
 * The background's answers to the views' messages, in the messaging library's wire format
 * (`{ res }`, through chrome.runtime.sendMessage's callback, which the fake browser leaves out).
 */
export function answerLikeTheBackground(): void {
  // The fake browser keeps a standing `lastError`; a real one has none after a delivered message.
  vi.spyOn(fakeBrowser.runtime, 'lastError', 'get').mockReturnValue(undefined);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string; data: { key?: string } }, reply?: (response: unknown) => void) => {
    reply?.({ res: ANSWERS[message.type]?.(message.data) ?? { ok: true } });
    return Promise.resolve();
  }) as unknown as typeof fakeBrowser.runtime.sendMessage);
}
