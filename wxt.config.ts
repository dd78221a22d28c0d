import { defineConfig } from 'wxt';

import { SITE_MATCH_PATTERNS } from './lib/sites/registry';

// Host access is limited to the sites Replyline overlays (lib/sites/registry.ts); nothing else is reachable.
const SITE_MATCHES = [...SITE_MATCH_PATTERNS];

// Any origin may host a team's own server; the one it is on is requested at join time only.
const TEAM_SERVER_MATCHES = ['http://*/*', 'https://*/*'];

const TOOLBAR_ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' };

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // `scripting`: after an update, run the content script again in tabs already open (lib/background/reattach.ts).
    // No `tabs` ("read your browsing history"): host permissions show the URLs of the three sites'
    // tabs, which is all the background reads (tab queries, lib/background/coreHandlers.ts).
    permissions: browser === 'firefox' ? ['storage', 'scripting'] : ['storage', 'sidePanel', 'scripting'],
    host_permissions: SITE_MATCHES,
    // Team mode: the team server's origin is asked for when the agent joins (optional, never at install).
    ...(browser === 'firefox' ? { optional_permissions: TEAM_SERVER_MATCHES } : { optional_host_permissions: TEAM_SERVER_MATCHES }),
    // Icons: public/icon/<size>.png, drawn from scripts/icon/replyline.svg (WXT lists them as `icons`).
    action: { default_title: '__MSG_extActionTitle__', default_icon: TOOLBAR_ICONS },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'replyline@replyline.app',
              strict_min_version: '115.0',
              // Nothing is collected or sent anywhere: everything stays in this browser's IndexedDB.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
