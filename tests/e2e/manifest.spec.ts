import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { z } from 'zod';

const Manifest = z.looseObject({
  manifest_version: z.number(),
  permissions: z.array(z.string()).default([]),
  host_permissions: z.array(z.string()).optional(),
  content_security_policy: z.unknown().optional(),
  side_panel: z.unknown().optional(),
  sidebar_action: z.unknown().optional(),
  browser_specific_settings: z.object({ gecko: z.object({ id: z.string() }) }).optional(),
});
const read = (dir: string) => Manifest.parse(JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8')));
const SITES = ['https://x.com/*', 'https://twitter.com/*', 'https://*.facebook.com/*', 'https://facebook.com/*'];

test('Chrome build: side panel, only the three sites, no remote code', () => {
  const m = read('chrome-mv3');
  expect(m.manifest_version).toBe(3);
  expect(m.permissions.sort()).toEqual(['sidePanel', 'storage', 'tabs']);
  expect([...(m.host_permissions ?? [])].sort()).toEqual([...SITES].sort());
  expect(m.side_panel).toBeDefined();
  expect(m.content_security_policy).toBeUndefined(); // the MV3 default forbids remote scripts
});

test('Firefox build: sidebar_action, gecko id, no sidePanel permission', () => {
  const m = read('firefox-mv2');
  expect(m.sidebar_action).toBeDefined();
  expect(m.browser_specific_settings?.gecko.id).toBe('replyline@replyline.app');
  expect(m.permissions).not.toContain('sidePanel');
  expect(m.permissions.filter((p) => p.includes('://')).sort()).toEqual([...SITES].sort());
});
