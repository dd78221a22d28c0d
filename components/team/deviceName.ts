/**
 * The name a joining device gets on the team's device list (the lead revokes devices by it):
 * "Мария · Chrome на Windows". Browser and OS come from User-Agent Client Hints where the browser
 * has them (Chromium), else from the user-agent string; `navigator.platform` is deprecated and
 * only says "Win32" or "MacIntel".
 */
import { z } from 'zod';
import { i18n } from '#i18n';

export type DeviceParts = { browser?: string; os?: string };

// Client Hints as Chromium exposes them (not in TypeScript's DOM types yet): parsed, never trusted.
const UaDataSchema = z.object({
  brands: z.array(z.object({ brand: z.string() })),
  platform: z.string(),
});

// First match wins: Edge, Opera and Yandex also say "Chrome"; Chrome also says "Safari".
const BROWSERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bYaBrowser\//, 'Yandex Browser'],
  [/\bVivaldi\//, 'Vivaldi'],
  [/\b(?:Firefox|FxiOS)\//, 'Firefox'],
  [/\b(?:Chrome|CriOS)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

// Mobile systems first: Android's user agent also says "Linux", iOS's "like Mac OS X".
const SYSTEMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bAndroid\b/, 'Android'],
  [/\b(?:iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b|\bX11\b/, 'Linux'],
];

// Client Hints brands: the real browser's name, among "Chromium" and a GREASE "Not A;Brand".
const HINT_BROWSERS: Readonly<Record<string, string>> = {
  'Microsoft Edge': 'Edge',
  Opera: 'Opera',
  Yandex: 'Yandex Browser',
  YaBrowser: 'Yandex Browser',
  Vivaldi: 'Vivaldi',
  'Google Chrome': 'Chrome',
  Chromium: 'Chromium',
};
const HINT_SYSTEMS: Readonly<Record<string, string>> = {
  Windows: 'Windows', macOS: 'macOS', Linux: 'Linux', Android: 'Android', 'Chrome OS': 'ChromeOS', ChromeOS: 'ChromeOS', iOS: 'iOS',
};

const firstMatch = (text: string, table: ReadonlyArray<readonly [RegExp, string]>): string | undefined => table.find(([re]) => re.test(text))?.[1];

/** Browser and OS, each only when recognised. */
export function deviceParts(nav: { userAgent: string; userAgentData?: unknown }): DeviceParts {
  const fromString = { browser: firstMatch(nav.userAgent, BROWSERS), os: firstMatch(nav.userAgent, SYSTEMS) };
  const hints = UaDataSchema.safeParse(nav.userAgentData);
  if (!hints.success) return fromString;
  const names = hints.data.brands.map((b) => HINT_BROWSERS[b.brand]).filter((b): b is string => b !== undefined);
  // A branded browser before plain "Chromium", which every Chromium-based browser also lists.
  const browser = names.find((b) => b !== 'Chromium') ?? names[0] ?? fromString.browser;
  return { browser, os: HINT_SYSTEMS[hints.data.platform] ?? fromString.os };
}

/** The default device name in the interface's language, at most 120 characters (the server's limit). */
export function defaultDeviceName(displayName: string, nav: { userAgent: string; userAgentData?: unknown }): string {
  const { browser, os } = deviceParts(nav);
  // Chinese writes no space before a Chinese word but one before a Latin name: a message per case.
  const device = browser
    ? os ? i18n.t('team.join.device.onSystem', [browser, os]) : browser
    : os ? i18n.t('team.join.device.browserOnSystem', [os]) : i18n.t('team.join.device.browser');
  return i18n.t('team.join.device.name', [displayName, device]).slice(0, 120);
}
