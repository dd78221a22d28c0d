// @vitest-environment happy-dom
/**
 * The name a joining device gets: browser and OS from Client Hints or the user-agent string, and
 * every word of it in the interface's language ("браузер", not "browser", when nothing is known).
 */
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { JoinTeamForm } from '@/components/team/JoinTeamForm';
import { deviceParts } from '@/components/team/deviceName';
import { localeGetMessage } from '../support/i18n';
import { until } from './live';

const UA = {
  chromeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  edgeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70',
  yandexWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 YaBrowser/24.12.0.0 Safari/537.36',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  firefoxMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) Gecko/20100101 Firefox/133.0',
  safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  safariIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  chromeAndroid: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  chromeOs: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};
const hints = (platform: string, ...brands: string[]) => ({ platform, brands: brands.map((brand) => ({ brand, version: '131' })) });

describe('deviceParts', () => {
  it.each([
    ['Chrome on Windows by its hints', { userAgent: UA.chromeWindows, userAgentData: hints('Windows', 'Google Chrome', 'Chromium', 'Not_A Brand') }, { browser: 'Chrome', os: 'Windows' }],
    ['Edge on Windows by its hints, whatever their order', { userAgent: UA.edgeWindows, userAgentData: hints('Windows', 'Not_A Brand', 'Chromium', 'Microsoft Edge') }, { browser: 'Edge', os: 'Windows' }],
    ['a Chromium build that names no brand', { userAgent: '', userAgentData: hints('Linux', 'Chromium', 'Not_A Brand') }, { browser: 'Chromium', os: 'Linux' }],
    ['a browser hidden behind GREASE only: the string decides', { userAgent: UA.yandexWindows, userAgentData: hints('Windows', 'Not_A Brand') }, { browser: 'Yandex Browser', os: 'Windows' }],
    ['malformed hints are ignored', { userAgent: UA.firefoxLinux, userAgentData: { brands: 'Chrome' } }, { browser: 'Firefox', os: 'Linux' }],
    ['Edge by its string', { userAgent: UA.edgeWindows }, { browser: 'Edge', os: 'Windows' }],
    ['Firefox on a Mac', { userAgent: UA.firefoxMac }, { browser: 'Firefox', os: 'macOS' }],
    ['Safari on a Mac', { userAgent: UA.safariMac }, { browser: 'Safari', os: 'macOS' }],
    ['Safari on an iPhone (its string also says "Mac OS X")', { userAgent: UA.safariIphone }, { browser: 'Safari', os: 'iOS' }],
    ['Chrome on Android (its string also says "Linux")', { userAgent: UA.chromeAndroid }, { browser: 'Chrome', os: 'Android' }],
    ['Chrome on a Chromebook', { userAgent: UA.chromeOs }, { browser: 'Chrome', os: 'ChromeOS' }],
    ['nothing known', { userAgent: '' }, { browser: undefined, os: undefined }],
  ])('%s', (_name, nav, parts) => {
    expect(deviceParts(nav)).toEqual(parts);
  });
});

/** Fills the join form, submits it, and hands back the device name it sent. */
async function joinAs(name: string): Promise<string> {
  vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
  vi.spyOn(fakeBrowser.runtime, 'lastError', 'get').mockReturnValue(undefined);
  const sent: string[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string; data: { deviceName?: string } }, reply?: (response: unknown) => void) => {
    if (message.type === 'teamJoin' && message.data.deviceName !== undefined) sent.push(message.data.deviceName);
    reply?.({ res: { ok: false, error: 'invite' } });
    return Promise.resolve();
  }) as unknown as typeof fakeBrowser.runtime.sendMessage);
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  root.render(<JoinTeamForm defaultName={name} />);
  await until(host, () => host.querySelector('form') !== null);
  for (const [field, value] of [['serverUrl', 'https://team.acme.example'], ['inviteCode', 'K7PQ-M2XD-9RTW']]) {
    const input = host.querySelector<HTMLInputElement>(`input[name="${field}"]`);
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input?.dispatchEvent(new Event('input', { bubbles: true }));
  }
  await until(host, () => host.querySelector<HTMLInputElement>('input[name="inviteCode"]')?.value === 'K7PQ-M2XD-9RTW');
  host.querySelector('form')?.requestSubmit();
  await until(host, () => host.querySelector('[role="alert"]') !== null);
  root.unmount();
  host.remove();
  return sent[0] ?? '';
}

/** Makes `navigator` report this browser until the test ends. */
function browserIs(nav: { userAgent: string; userAgentData?: unknown }): void {
  Object.defineProperty(navigator, 'userAgent', { value: nav.userAgent, configurable: true });
  Object.defineProperty(navigator, 'userAgentData', { value: nav.userAgentData, configurable: true });
}

describe('the join form names the device in the interface language', () => {
  const act = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'userAgent');
    Reflect.deleteProperty(navigator, 'userAgentData');
    vi.restoreAllMocks();
  });

  const chromeHints = { userAgent: UA.chromeWindows, userAgentData: hints('Windows', 'Google Chrome', 'Chromium') };
  const unknownBrowser = { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Unknown/1.0' };
  it.each([
    ['en', 'Chrome hints', chromeHints, 'Мария · Chrome on Windows'],
    ['ru', 'Chrome hints', chromeHints, 'Мария · Chrome на Windows'],
    ['zh_CN', 'Chrome hints', chromeHints, 'Мария · Windows 上的 Chrome'],
    ['ru', 'Firefox string', { userAgent: UA.firefoxLinux }, 'Мария · Firefox на Linux'],
    ['zh_CN', 'Firefox string', { userAgent: UA.firefoxLinux }, 'Мария · Linux 上的 Firefox'],
    ['en', 'nothing known', { userAgent: '' }, 'Мария · browser'],
    ['ru', 'nothing known', { userAgent: '' }, 'Мария · браузер'],
    ['zh_CN', 'nothing known', { userAgent: '' }, 'Мария · 浏览器'],
    ['ru', 'only the OS known', unknownBrowser, 'Мария · браузер на Linux'],
    ['zh_CN', 'only the OS known', unknownBrowser, 'Мария · Linux 上的浏览器'],
  ])('in %s, %s → %s', async (locale, _nav, nav, expected) => {
    const before = act.IS_REACT_ACT_ENVIRONMENT;
    act.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(localeGetMessage(locale));
      browserIs(nav);
      expect(await joinAs('Мария')).toBe(expected);
    } finally {
      act.IS_REACT_ACT_ENVIRONMENT = before;
    }
  });

  it('keeps a long name within the server limit of 120 characters', async () => {
    const before = act.IS_REACT_ACT_ENVIRONMENT;
    act.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(localeGetMessage('ru'));
      browserIs({ userAgent: UA.firefoxLinux });
      const name = 'Я'.repeat(118);
      const sent = await joinAs(name);
      expect(sent.startsWith(name)).toBe(true);
      expect(sent.length).toBe(120);
    } finally {
      act.IS_REACT_ACT_ENVIRONMENT = before;
    }
  });
});
