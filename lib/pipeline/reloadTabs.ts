/**
 * Tabs whose page still runs a copy of the content script from before an extension update or
 * reload (that copy can no longer reach the background) and that the background could not attach
 * a fresh copy to. Published in storage.local under this key; the panel lists them to reload.
 */
import { z } from 'zod';

export const RELOAD_TABS_KEY = 'replylineTabsNeedingReload';

export const ReloadTabSchema = z.object({
  tabId: z.number().int().nonnegative(),
  url: z.string().max(2000).default(''),
  title: z.string().max(300).default(''),
});
export type ReloadTab = z.infer<typeof ReloadTabSchema>;

export const ReloadTabsSchema = z.array(ReloadTabSchema).max(500);

/** The stored list, or an empty one when it is missing or unreadable. */
export function parseReloadTabs(stored: unknown): ReloadTab[] {
  const parsed = ReloadTabsSchema.safeParse(stored ?? []);
  return parsed.success ? parsed.data : [];
}
