/**
 * Firefox's Manifest V2 build has no `action` and no `sidePanel`: its toolbar button is
 * `browserAction` and the panel is a sidebar (`sidebarAction`, absent from Chrome's types).
 * Firefox opens a sidebar only inside the handler of a user action of its own (the toolbar click),
 * and only before that handler awaits anything; a click in a web page relayed by a content script
 * does not count. So "Open in Replyline" on a page can only point at the toolbar button.
 */

/** The slice of Firefox's MV2 surface the background uses. */
export interface FirefoxToolbarApi {
  browserAction: {
    onClicked: { addListener(listener: (tab: { id?: number }) => void): void };
    setBadgeText(details: { text: string; tabId?: number }): Promise<void>;
    setTitle(details: { title: string; tabId?: number }): Promise<void>;
  };
  sidebarAction: {
    toggle(): Promise<void>;
    isOpen(details: { windowId?: number }): Promise<boolean>;
  };
}

type Method = (...args: unknown[]) => unknown;

function namespace(api: object, name: string): object {
  const ns: unknown = Reflect.get(api, name);
  if (!ns || typeof ns !== 'object') throw new Error(`Replyline: browser.${name} is missing`);
  return ns;
}

function method(ns: object, path: string, name: string): Method {
  const fn: unknown = Reflect.get(ns, name);
  if (typeof fn !== 'function') throw new Error(`Replyline: ${path}.${name} is missing`);
  return (...args) => Reflect.apply(fn, ns, args);
}

const done = async (value: unknown): Promise<void> => void (await value);

/** Reads the Firefox-only namespaces from the extension API object, failing loudly if absent. */
export function firefoxToolbarApi(api: object): FirefoxToolbarApi {
  const action = namespace(api, 'browserAction');
  const onClicked = namespace(action, 'onClicked');
  const sidebar = namespace(api, 'sidebarAction');
  const addListener = method(onClicked, 'browserAction.onClicked', 'addListener');
  const setBadgeText = method(action, 'browserAction', 'setBadgeText');
  const setTitle = method(action, 'browserAction', 'setTitle');
  const toggle = method(sidebar, 'sidebarAction', 'toggle');
  const isOpen = method(sidebar, 'sidebarAction', 'isOpen');
  return {
    browserAction: {
      onClicked: { addListener: (listener) => void addListener(listener) },
      setBadgeText: (details) => done(setBadgeText(details)),
      setTitle: (details) => done(setTitle(details)),
    },
    sidebarAction: {
      toggle: () => done(toggle()),
      isOpen: async (details) => (await isOpen(details)) === true,
    },
  };
}

/** The mark left on the toolbar button when a page asked for a post while the sidebar was shut. */
const HINT_BADGE = '1';

/** The toolbar button toggles the sidebar, synchronously, then forgets any waiting hint. */
export function wireFirefoxToolbar(api: FirefoxToolbarApi, defaultTitle: string): void {
  api.browserAction.onClicked.addListener((tab) => {
    void api.sidebarAction.toggle();
    void clearHint(api, tab.id, defaultTitle);
  });
}

/**
 * After "Open in Replyline" on a page: true when the sidebar is open (it follows the focused
 * post); otherwise the toolbar button is marked for that tab and the page says where to click.
 */
export async function revealInSidebar(api: FirefoxToolbarApi, tabId: number | undefined, hintTitle: string): Promise<boolean> {
  if (await api.sidebarAction.isOpen({})) return true;
  await api.browserAction.setBadgeText({ text: HINT_BADGE, tabId });
  await api.browserAction.setTitle({ title: hintTitle, tabId });
  return false;
}

async function clearHint(api: FirefoxToolbarApi, tabId: number | undefined, defaultTitle: string): Promise<void> {
  if (tabId === undefined) return;
  // Both calls leave at once, while the click is handled.
  await Promise.all([api.browserAction.setBadgeText({ text: '', tabId }), api.browserAction.setTitle({ title: defaultTitle, tabId })]);
}
