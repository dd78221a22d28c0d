import { defineConfig } from 'wxt';

// Host access is limited to the three sites Replyline overlays; nothing else is reachable.
const SITE_MATCHES = ['https://x.com/*', 'https://twitter.com/*', 'https://*.facebook.com/*', 'https://facebook.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: browser === 'firefox' ? ['storage', 'tabs'] : ['storage', 'tabs', 'sidePanel'],
    host_permissions: SITE_MATCHES,
    action: { default_title: '__MSG_extActionTitle__' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'replyline@replyline.app', strict_min_version: '115.0' } } }
      : {}),
  }),
});
