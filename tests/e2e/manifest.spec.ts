import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { z } from 'zod';

const Icons = z.record(z.string(), z.string());
const Manifest = z.looseObject({
  manifest_version: z.number(),
  permissions: z.array(z.string()).default([]),
  host_permissions: z.array(z.string()).optional(),
  optional_host_permissions: z.array(z.string()).optional(),
  optional_permissions: z.array(z.string()).optional(),
  content_security_policy: z.unknown().optional(),
  side_panel: z.unknown().optional(),
  sidebar_action: z.looseObject({ default_icon: Icons.optional() }).optional(),
  action: z.looseObject({ default_icon: Icons.optional() }).optional(),
  browser_action: z.looseObject({ default_icon: Icons.optional() }).optional(),
  icons: Icons.optional(),
  browser_specific_settings: z
    .object({
      gecko: z.looseObject({
        id: z.string(),
        data_collection_permissions: z.object({ required: z.array(z.string()), optional: z.array(z.string()).optional() }).optional(),
      }),
    })
    .optional(),
});
const read = (dir: string) => Manifest.parse(JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8')));
const SITES = ['https://x.com/*', 'https://twitter.com/*', 'https://*.facebook.com/*', 'https://facebook.com/*'];
const STORE_SIZES = ['16', '32', '48', '96', '128'];

/** Width and height from a PNG's IHDR chunk, which always follows the 8-byte signature. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** Every icon the manifest names exists in the build and is drawn at the size it claims. */
function expectIcons(dir: string, icons: Record<string, string> | undefined, sizes: string[]): void {
  expect(Object.keys(icons ?? {}).sort()).toEqual([...sizes].sort());
  for (const [size, file] of Object.entries(icons ?? {})) {
    expect(pngSize(`.output/${dir}/${file.replace(/^\//, '')}`)).toEqual([Number(size), Number(size)]);
  }
}

test('Chrome build: side panel, only the three sites, no remote code', () => {
  const m = read('chrome-mv3');
  expect(m.manifest_version).toBe(3);
  // No `tabs`: users would be told the extension can "read your browsing history".
  expect(m.permissions).not.toContain('tabs');
  expect(m.permissions.sort()).toEqual(['scripting', 'sidePanel', 'storage']);
  expect([...(m.host_permissions ?? [])].sort()).toEqual([...SITES].sort());
  expect(m.side_panel).toBeDefined();
  // Team mode asks for its server's origin at join time; nothing beyond the three sites up front.
  expect(m.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
  expect(m.content_security_policy).toBeUndefined(); // the MV3 default forbids remote scripts
});

test('Chrome build: store and toolbar icons', () => {
  const m = read('chrome-mv3');
  expectIcons('chrome-mv3', m.icons, STORE_SIZES);
  expectIcons('chrome-mv3', m.action?.default_icon, ['16', '32', '48']);
});

test('Firefox build: sidebar_action, gecko id, no sidePanel permission', () => {
  const m = read('firefox-mv2');
  expect(m.sidebar_action).toBeDefined();
  expect(m.browser_specific_settings?.gecko.id).toBe('replyline@replyline.app');
  expect(m.permissions).not.toContain('sidePanel');
  expect(m.permissions).not.toContain('tabs');
  expect(m.permissions.filter((p) => p.includes('://')).sort()).toEqual([...SITES].sort());
  expect(m.optional_permissions).toEqual(['http://*/*', 'https://*/*']);
});

test('Firefox build: declares that nothing is collected', () => {
  const m = read('firefox-mv2');
  expect(m.browser_specific_settings?.gecko.data_collection_permissions).toEqual({ required: ['none'] });
});

test('Firefox build: MV2 toolbar button (browser_action, not action) and icons everywhere', () => {
  const m = read('firefox-mv2');
  expect(m.manifest_version).toBe(2);
  expect(m.action).toBeUndefined();
  expectIcons('firefox-mv2', m.icons, STORE_SIZES);
  expectIcons('firefox-mv2', m.browser_action?.default_icon, ['16', '32', '48']);
  expectIcons('firefox-mv2', m.sidebar_action?.default_icon, ['16', '32']);
});
