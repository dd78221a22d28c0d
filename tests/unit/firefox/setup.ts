/**
 * The build flags `wxt build -b firefox` bakes in. Vitest leaves WXT's import.meta.env globals unset
 * and keeps env values as strings (as on process.env), so "off" is the empty string.
 */
import { vi } from 'vitest';

vi.stubEnv('BROWSER', 'firefox');
vi.stubEnv('FIREFOX', '1');
vi.stubEnv('CHROME', '');
vi.stubEnv('EDGE', '');
