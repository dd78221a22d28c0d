/** X's editor side (see SiteEditor): loaded by the editor script only, never by every X page. */
import { strategiesFor } from '../../editor/strategies';
import type { SiteEditor } from '../types';
import { xSent } from './sent';

export const xEditor: SiteEditor = {
  site: 'x',
  // X's composer is Draft.js: only a paste reaches its state.
  insertStrategies: strategiesFor(),
  sent: xSent,
};
