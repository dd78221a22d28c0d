/**
 * An extension update or reload cuts every open tab's content script off from the background: its
 * posts would never reach the queue until the tab is reloaded. On install/update the background
 * runs the tab's site's content script again in each open X/Facebook tab (the old copy sees the
 * new one and steps aside) and lists the tabs where that failed, so the panel can say which need a reload.
 */
import { handle } from '../messages';
import { RELOAD_TABS_KEY, parseReloadTabs, type ReloadTab } from '../pipeline/reloadTabs';
import type { Site } from '../schemas/primitives';
import { adapterFor } from '../sites/registry';

/** A site's built content script (WXT's output name for entrypoints/<site>.content.ts). */
export const contentScriptFile = (site: Site): string => `content-scripts/${site}.js`;

/** The content script for a tab's URL; undefined when no site claims it. */
export function contentScriptFor(url: string | undefined): string | undefined {
  const adapter = url === undefined ? undefined : adapterFor(url);
  return adapter && contentScriptFile(adapter.site);
}

export interface OpenTab {
  id?: number;
  url?: string;
  title?: string;
  discarded?: boolean;
}

/** What re-attaching needs from the browser; tests pass a stub. */
export interface ReattachApi {
  /** Tabs whose URL matches `patterns` (needs host permission for them, not `tabs`). */
  queryTabs(patterns: readonly string[]): Promise<OpenTab[]>;
  /** Runs the content script file in the tab; undefined when this browser cannot (no `scripting`). */
  inject: ((tabId: number, file: string) => Promise<void>) | undefined;
  getStored(): Promise<unknown>;
  setStored(tabs: ReloadTab[]): Promise<void>;
}

const TITLE_MAX = 300;
const URL_MAX = 2000;

/** Re-attaches every open tab on the sites; returns (and stores) the tabs that need a reload. */
export async function reattachOpenTabs(api: ReattachApi, patterns: readonly string[]): Promise<ReloadTab[]> {
  const tabs = await api.queryTabs(patterns);
  const failed: ReloadTab[] = [];
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return;
      // A discarded tab reloads (and gets the new script) when the agent next opens it.
      if (tab.discarded) return;
      try {
        if (!api.inject) throw new Error('no scripting API');
        const file = contentScriptFor(tab.url);
        if (!file) throw new Error('no site claims this URL');
        await api.inject(tab.id, file);
      } catch (error) {
        console.warn(`Replyline: could not re-attach to tab ${tab.id}; it needs a reload`, error);
        failed.push({ tabId: tab.id, url: (tab.url ?? '').slice(0, URL_MAX), title: (tab.title ?? '').slice(0, TITLE_MAX) });
      }
    }),
  );
  failed.sort((a, b) => a.tabId - b.tabId);
  await api.setStored(failed);
  return failed;
}

/** Takes a tab off the list (it was closed, or a fresh content script now runs in it). */
export async function forgetReloadTab(api: Pick<ReattachApi, 'getStored' | 'setStored'>, tabId: number): Promise<void> {
  const tabs = parseReloadTabs(await api.getStored());
  if (!tabs.some((t) => t.tabId === tabId)) return;
  await api.setStored(tabs.filter((t) => t.tabId !== tabId));
}

/** The real browser's side of ReattachApi. */
export function browserReattachApi(b: typeof browser): ReattachApi {
  const scripting: unknown = Reflect.get(b, 'scripting');
  const canInject = typeof scripting === 'object' && scripting !== null;
  return {
    queryTabs: async (patterns) => b.tabs.query({ url: [...patterns] }),
    inject: canInject
      ? async (tabId, file) => {
          await b.scripting.executeScript({ target: { tabId }, files: [file] });
        }
      : undefined,
    getStored: async () => (await b.storage.local.get(RELOAD_TABS_KEY))[RELOAD_TABS_KEY],
    setStored: async (tabs) => {
      await b.storage.local.set({ [RELOAD_TABS_KEY]: tabs });
    },
  };
}

/**
 * Wires it up: re-attach on install/update, forget closed tabs, and start each browser session
 * with an empty list (tab ids do not survive a restart).
 */
export function registerReattach(b: typeof browser, patterns: readonly string[]): void {
  const api = browserReattachApi(b);
  b.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install' && reason !== 'update') return;
    void reattachOpenTabs(api, patterns).catch((error: unknown) => console.warn('Replyline: re-attaching open tabs failed', error));
  });
  b.runtime.onStartup.addListener(() => void api.setStored([]));
  b.tabs.onRemoved.addListener((tabId) => void forgetReloadTab(api, tabId));
  handle('contentAttached', async (_data, sender) => {
    if (sender.tabId !== undefined) await forgetReloadTab(api, sender.tabId);
    return { ok: true };
  });
}
