/**
 * The panel's live views mounted over the seeded database (./seed.ts), driven the way an agent
 * would (clicks), and read back as the strings they show. Every wait is for the view to show what
 * it was waiting for (a DOM change), never for time.
 */
import type { ReactNode } from 'react';
import { afterAll, beforeAll } from 'vitest';
import { createRoot } from 'react-dom/client';
import { i18n } from '#i18n';
import { EvictedBanner } from '@/components/EvictedBanner';
import { PageHealthBanner } from '@/components/PageHealthBanner';
import { QueueItemDetail, type DetailMode } from '@/components/QueueItemDetail';
import { ReloadTabsBanner } from '@/components/ReloadTabsBanner';
import { StorageBanner } from '@/components/StorageBanner';
import { BusinessHoursEditor } from '@/components/brand/BusinessHoursEditor';
import { InsertStatus } from '@/components/compose/InsertStatus';
import { DismissForm, EscalateForm, FollowUpForm, SnoozeForm } from '@/components/queue/ActionForms';
import { JoinTeamForm } from '@/components/team/JoinTeamForm';
import { TeamLiveLog } from '@/components/team/TeamLiveLog';
import { TeamNotices } from '@/components/team/TeamNotices';
import { TeamRowMark } from '@/components/team/TeamRowMark';
import { TeamStatusBar } from '@/components/team/TeamStatusBar';
import { App } from '@/entrypoints/sidepanel/App';
import { BrandsView } from '@/entrypoints/sidepanel/views/BrandsView';
import { QueueView } from '@/entrypoints/sidepanel/views/QueueView';
import { SettingsView } from '@/entrypoints/sidepanel/views/SettingsView';
import { TemplatesView } from '@/entrypoints/sidepanel/views/TemplatesView';
import { ReviewApp } from '@/entrypoints/review/ReviewApp';
import { GoalsView } from '@/components/review/GoalsView';
import { DEFAULT_BUSINESS_HOURS } from '@/lib/schemas/settings';
import { DRAFT, HELD_KEY, NOW, OPEN_KEY, heldItem, openItem, revokeThisDevice, seedBrandAndEmptyTeam, seedGoal, seedNothing } from './seed';

/**
 * For a block whose views update as their reads arrive: its tests wait for what the views show, not
 * for act(), so React's act environment is off while it runs. `cleanup` runs after the block.
 */
export function withoutActEnvironment(cleanup: () => Promise<void> | void): void {
  const act = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  const before = act.IS_REACT_ACT_ENVIRONMENT;
  beforeAll(() => {
    act.IS_REACT_ACT_ENVIRONMENT = false;
  });
  afterAll(async () => {
    act.IS_REACT_ACT_ENVIRONMENT = before;
    await cleanup();
  });
}

/** Resolves once `check` holds, looking again on every change under `root`. */
export function until(root: Node, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve();
    const observer = new MutationObserver(() => {
      if (!check()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}

/** Mounts `node`, waits until `ready(host)`, and hands back the host and its unmount. */
async function mount(node: ReactNode, ready: (host: HTMLElement) => boolean) {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  root.render(node);
  await until(host, () => ready(host));
  return {
    host,
    done: () => {
      root.unmount();
      host.remove();
    },
  };
}

/** `text` as the markup of an element showing it (a field's value is not in innerHTML). */
function textElement(text: string): string {
  const p = document.createElement('p');
  p.textContent = text;
  return p.outerHTML;
}

const has = (selector: string) => (host: HTMLElement) => host.querySelector(selector) !== null;
const hasText = (text: string) => (host: HTMLElement) => host.textContent?.includes(text) ?? false;

/** The button whose text (or aria-label) is the catalogue's `label`, clicked; then waits for `after`. */
async function click(host: HTMLElement, label: string, after: (host: HTMLElement) => boolean): Promise<void> {
  const button = [...host.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === label);
  if (!button) throw new Error(`no button "${label}" in ${host.textContent?.slice(0, 300) ?? ''}`);
  button.click();
  await until(host, () => after(host));
}

/** Sets a field's value the way typing does (React listens to the native setter's input event). */
function type(field: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The open item in team mode: claimed by me (composer with a template picked) and held by a teammate (escalate → assign). */
export async function renderOpenItem(): Promise<string> {
  const noop = () => undefined;
  const detail = (key: string, mode: DetailMode) => (
    <QueueItemDetail item={key === OPEN_KEY ? openItem : heldItem} now={NOW} mode={mode} onMode={noop} onClose={noop} onActed={noop} />
  );
  const mine = await mount(detail(OPEN_KEY, 'view'), (h) => has('[data-team-claim="mine"]')(h) && has('[data-pick-code="late"]')(h) && has('[data-team-viewers]')(h) && has('[data-team-notice]')(h));
  // The agent's own draft first: long, tripping every tone check (findings, blockers, length),
  // and already sent today to others and before to this customer (both repetition warnings).
  const draft = mine.host.querySelector<HTMLTextAreaElement>('textarea.draft-input');
  if (draft) type(draft, DRAFT);
  const repeated = (code: string) => has(`[data-tone-code="tone.${code}"]`)(mine.host);
  await until(mine.host, () => mine.host.querySelectorAll('.tone-findings li').length >= 6 && has('[data-length-over="true"]')(mine.host) && has('[data-insert-blocked]')(mine.host) && repeated('repeatedToday') && repeated('repeatedToAuthor'));
  // Then a template on top: its blanks, the stacked snippets (the draft becomes "your text").
  mine.host.querySelector<HTMLButtonElement>('[data-pick-code="late"] button')?.click();
  await until(mine.host, () => has('[data-snippet="late"]')(mine.host) && has('[data-missing-variable]')(mine.host) && has('[data-prompt]')(mine.host));
  const held = await mount(detail(HELD_KEY, 'escalate'), (h) => has('[data-team-claim="taken"]')(h) && has('select[name="assignee"] option')(h));
  const forms = await mount(
    <>
      <SnoozeForm onSubmit={noop} onCancel={noop} />
      <FollowUpForm onSubmit={noop} onCancel={noop} />
      <DismissForm onSubmit={noop} onCancel={noop} />
      <EscalateForm initialNote="" onSubmit={noop} onCancel={noop} />
      <InsertStatus result={{ ok: false, strategy: 'execCommand', verified: false, postEnabled: null, reason: 'claimed', claimedBy: 'Li Wei' }} />
      <InsertStatus result={{ ok: false, strategy: 'execCommand', verified: false, postEnabled: null, fallback: 'clipboard', copied: true, reason: 'noTab' }} />
      <TeamRowMark itemKey={HELD_KEY} now={NOW} />
    </>,
    has('[data-team-owner]'),
  );
  const html = mine.host.innerHTML + held.host.innerHTML + forms.host.innerHTML;
  for (const m of [mine, held, forms]) m.done();
  return html;
}

/** Settings in team mode as a lead: invite, devices, end of shift, leaving; the join form; the status bar and notices. */
export async function renderSettings(): Promise<string> {
  const settings = await mount(<SettingsView />, (h) => has('.team-members li')(h) && has('.export-log')(h));
  const { host } = settings;
  await click(host, i18n.t('team.lead.invite'), has('[data-invite-code]'));
  await click(host, i18n.t('team.lead.devices'), has('.team-devices li'));
  await click(host, i18n.t('team.shift.end'), has('select option'));
  await click(host, i18n.t('team.leave'), hasText(i18n.t('team.leaveConfirm')));
  const join = await mount(<JoinTeamForm defaultName="Мария" />, has('form'));
  join.host.querySelector('form')?.requestSubmit();
  await until(join.host, () => has('[role="alert"]')(join.host));
  const bars = await mount(
    <>
      <TeamStatusBar />
      <TeamNotices onOpen={() => undefined} />
    </>,
    (h) => has('[data-team-waiting]')(h) && has('[data-team-notice-key]')(h),
  );
  const brands = await mount(<BrandsView />, has('.card'));
  await click(brands.host, i18n.t('common.edit'), has('input[list]'));
  const html = host.innerHTML + join.host.innerHTML + bars.host.innerHTML + brands.host.innerHTML;
  for (const m of [settings, join, bars, brands]) m.done();
  return html;
}

/** The status bar of a device the lead removed from the team. */
export async function renderRemovedDevice(): Promise<string> {
  await revokeThisDevice();
  const bar = await mount(<TeamStatusBar />, has('[data-team-connection="revoked"]'));
  const html = bar.host.innerHTML;
  bar.done();
  return html;
}

/** The review page's goals with one goal's check-in. */
export async function renderGoals(): Promise<string> {
  await seedGoal();
  const view = await mount(<GoalsView today="2026-11-25" />, has('.goal .kr'));
  const html = view.host.innerHTML;
  view.done();
  return html;
}

/** The brand form's business hours with a split shift, an overnight one and a holiday. */
export async function renderBusinessHours(): Promise<string> {
  const hours = {
    ...DEFAULT_BUSINESS_HOURS,
    timeZone: 'Europe/Moscow',
    week: DEFAULT_BUSINESS_HOURS.week.map((day, i) => (i === 1 ? [{ start: '09:00', end: '13:00' }, { start: '14:00', end: '18:00' }] : i === 0 ? [{ start: '22:00', end: '06:00' }] : day)),
    holidays: ['2026-12-31'],
  };
  const view = await mount(<BusinessHoursEditor value={hours} onChange={() => undefined} zoneText="Europe/Moscow" onZoneText={() => undefined} />, has('input[type=time]'));
  const html = view.host.innerHTML;
  view.done();
  return html;
}

/** Every banner the panel can show, with storage running low. */
export async function renderBanners(): Promise<string> {
  const storage = { estimate: async () => ({ quota: 1_000_000_000, usage: 950_000_000 }), persisted: async () => false, persist: async () => false };
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
  try {
    const view = await mount(
      <>
        <PageHealthBanner />
        <ReloadTabsBanner />
        <EvictedBanner />
        <StorageBanner />
      </>,
      (h) => has('[data-testid="storage-low"]')(h) && has('[data-testid="evicted-banner"]')(h) && has('.reload-tabs li')(h) && h.textContent?.includes(i18n.t('health.cantRead')) === true,
    );
    const html = view.host.innerHTML;
    view.done();
    return html;
  } finally {
    Reflect.deleteProperty(navigator, 'storage');
  }
}

/**
 * A fresh install: the panel's every tab and the review page with nothing in them; then with a
 * brand but no mentions yet, and in a team that has sent no replies yet.
 */
export async function renderEmptyStates(): Promise<string> {
  await seedNothing();
  const panel = await mount(<App />, has('.empty'));
  let html = panel.host.innerHTML;
  for (const tab of [i18n.t('customers.tab'), i18n.t('templates.tab'), i18n.t('nav.settings'), i18n.t('nav.brands')]) {
    const button = [...panel.host.querySelectorAll<HTMLElement>('[role="tab"]')].find((b) => b.textContent?.trim() === tab);
    if (!button) throw new Error(`no tab ${tab}`);
    button.click();
    await until(panel.host, () => button.getAttribute('aria-selected') === 'true' && (panel.host.querySelector('.app-main')?.textContent ?? '') !== '');
    html += panel.host.querySelector('.app-main')?.innerHTML ?? '';
  }
  panel.done();
  const review = await mount(<ReviewApp />, has('.empty'));
  html += review.host.innerHTML;
  review.done();
  await seedBrandAndEmptyTeam();
  const queue = await mount(
    <>
      <QueueView onSetUpBrand={() => undefined} />
      <TeamLiveLog />
    </>,
    (h) => has('.empty')(h) && has('[data-team-live-log]')(h),
  );
  html += queue.host.innerHTML;
  queue.done();
  // No templates yet: the example the empty state offers, opened in the editor as the agent's own.
  const templates = await mount(<TemplatesView />, has('.empty'));
  await click(templates.host, i18n.t('templates.useExample'), (h) => (h.querySelector<HTMLInputElement>('input[maxlength="200"]')?.value ?? '') !== '');
  // A blank from the cheat sheet: its placeholder words land in the agent's own wording.
  const wordings = () => [...templates.host.querySelectorAll('textarea')].map((t) => t.value);
  await click(templates.host, '{{?…}}', () => wordings().some((w) => w.includes('{{?')));
  html += templates.host.innerHTML + wordings().map((w) => textElement(w)).join('');
  templates.done();
  return html;
}

/** The templates tab: the brand's templates, its tone notes and the tone rules form. */
export async function renderTemplatesTab(): Promise<string> {
  const view = await mount(<TemplatesView />, (h) => has('[data-tone-rule]')(h) && h.textContent?.includes('/late') === true);
  const html = view.host.innerHTML;
  view.done();
  return html;
}

/** The review page's live team log with replies. */
export async function renderTeamLog(): Promise<string> {
  const view = await mount(<TeamLiveLog />, has('[data-team-reply]'));
  const html = view.host.innerHTML;
  view.done();
  return html;
}
