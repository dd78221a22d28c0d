// @vitest-environment happy-dom
/**
 * The Review page's team log as an agent and as a lead, in every language: an agent is told the
 * team's replies are the leads' and sees only their own (even with teammates' rows still stored);
 * a lead sees the whole team with who sent each reply.
 */
import { createRoot } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { TeamLiveLog } from '@/components/team/TeamLiveLog';
import { getDb } from '@/lib/db/db';
import { TeamMembershipSchema, TeamReplySchema } from '@/lib/team/records';
import { catalogue, localeGetMessage } from '../support/i18n';
import { KIM, ME, TEAM } from './fakeTransport';
import { until } from '../i18n/live';

const NOW = Date.UTC(2026, 11, 1, 12);

const reply = (id: string, member: { id: string; displayName: string }, text: string) =>
  TeamReplySchema.parse({
    id, postKey: `x:${id.length}00${id.charCodeAt(0)}`, site: 'x', brandId: 'acme', agent: member.displayName, text, postAuthor: 'Jane Doe',
    postCreatedAt: NOW - 3_600_000, firstSeenAt: NOW - 3_600_000, repliedAt: NOW - 60_000, frtWallMs: 600_000, frtBusinessMs: 600_000, slaMet: true,
    memberId: member.id, receivedAt: NOW, seq: 1,
  });
const MINE = 'Your parcel left the warehouse today.';
const THEIRS = 'A teammate wrote this one.';

async function seed(role: 'agent' | 'lead'): Promise<void> {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  await db.teamMembership.put(TeamMembershipSchema.parse({
    id: 'team', serverUrl: 'https://team.acme.example', token: 'device-token', teamId: TEAM.id, teamName: TEAM.name,
    memberId: ME.id, displayName: ME.displayName, role, joinedAt: NOW - 86_400_000, connection: 'connected',
  }));
  // Teammates' rows as an earlier version filed them: an agent's view must not show them.
  await db.teamReplies.bulkPut([reply('mine', ME, MINE), reply('theirs', KIM, THEIRS)]);
}

async function render(): Promise<{ host: HTMLElement; done: () => void }> {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  root.render(<TeamLiveLog />);
  await until(host, () => host.querySelector('[data-team-reply]') !== null);
  return { host, done: () => { root.unmount(); host.remove(); } };
}

const act = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
beforeAll(() => {
  act.IS_REACT_ACT_ENVIRONMENT = false;
});
afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});
afterAll(async () => {
  act.IS_REACT_ACT_ENVIRONMENT = undefined;
  await Promise.all(getDb().tables.map((t) => t.clear()));
});

describe.each(['en', 'ru', 'zh_CN'])('the team reply log (%s)', (locale) => {
  const words = catalogue(locale);
  const say = (key: string) => words.get(key) ?? `missing ${key}`;

  it('tells an agent the team\'s replies are the leads\' and lists only their own', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(localeGetMessage(locale));
    await seed('agent');
    const view = await render();
    const text = view.host.textContent ?? '';
    const note = view.host.querySelector('[role="note"][data-team-leads-only]');
    expect(note?.textContent).toBe(say('team.review.own.leadsOnly'));
    expect(view.host.querySelector('h2')?.textContent).toBe(say('team.review.own.title').replace('$1', TEAM.name));
    expect([text.includes(MINE), text.includes(THEIRS)]).toEqual([true, false]);
    expect([...view.host.querySelectorAll('[data-team-reply]')].map((r) => r.getAttribute('data-team-reply'))).toEqual(['mine']);
    expect([...view.host.querySelectorAll('th')].map((th) => th.textContent)).not.toContain(say('team.review.agent'));
    view.done();
  });

  it('shows a lead every teammate\'s reply with its sender, and no leads-only note', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(localeGetMessage(locale));
    await seed('lead');
    const view = await render();
    await until(view.host, () => view.host.querySelectorAll('[data-team-reply]').length === 2);
    const text = view.host.textContent ?? '';
    expect([text.includes(MINE), text.includes(THEIRS), text.includes(KIM.displayName)]).toEqual([true, true, true]);
    expect(view.host.querySelector('[data-team-leads-only]')).toBeNull();
    expect(view.host.querySelector('h2')?.textContent).toBe(say('team.review.title').replace('$1', TEAM.name));
    view.done();
  });
});
