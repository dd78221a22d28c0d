// Fails early, with the fix, when there is no Chromium for the end-to-end tests.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(
    `No Chromium found at ${path}.\n` +
      'The end-to-end tests run the built extension in a real Chromium. Install one with\n' +
      '  sudo apt-get install -y chromium\n' +
      'or point CHROMIUM_PATH at an existing Chromium/Chrome binary.',
  );
  process.exit(1);
}
