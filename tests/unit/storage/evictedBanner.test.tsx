// @vitest-environment happy-dom
/** The notice the background records after an eviction is shown in plain words until dismissed. */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { EvictedBanner } from '@/components/EvictedBanner';
import { EVICTED_KEY, type EvictedNotice } from '@/lib/db/eviction';
import { englishGetMessage } from '../support/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLElement;

const notice = (team: boolean): EvictedNotice => ({
  lost: { brands: 2, queue: 1234, replies: 56, team, at: Date.UTC(2026, 11, 5, 9) },
  detectedAt: Date.UTC(2026, 11, 6, 9),
});

/** Lets storage reads and React updates settle (they are promise chains, no timers). */
const settle = () => act(async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
});

async function mount() {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root.render(<EvictedBanner />));
  await settle();
}

describe('EvictedBanner', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishGetMessage());
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });

  it('shows nothing without a notice', async () => {
    await mount();
    expect(host.querySelector('[data-testid="evicted-banner"]')).toBeNull();
  });

  it.each([
    [false, false],
    [true, true],
  ])('says what was lost and what to do (team %s → team line %s), and is dismissed', async (team, teamLine) => {
    await fakeBrowser.storage.local.set({ [EVICTED_KEY]: notice(team) });
    await mount();
    const banner = host.querySelector('[data-testid="evicted-banner"]');
    expect(banner?.textContent).toContain('disk was out of space');
    expect(host.querySelector('[data-testid="evicted-lost"]')?.textContent).toContain('brands: 2, queue items: 1,234, replies: 56');
    expect(banner?.textContent).toContain('re-import your customers and templates');
    expect(banner?.textContent?.includes('team server still has the queue')).toBe(teamLine);
    await act(async () => host.querySelector('button')?.click());
    await settle();
    expect(host.querySelector('[data-testid="evicted-banner"]')).toBeNull();
    expect(await fakeBrowser.storage.local.get(EVICTED_KEY)).toEqual({});
  });
});
