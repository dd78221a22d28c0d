/** Facebook's editor side (see SiteEditor): loaded by the editor script only, never by every Facebook page. */
import { strategiesFor } from '../../editor/strategies';
import type { SiteEditor } from '../types';
import { facebookSent } from './sent';

export const facebookEditor: SiteEditor = {
  site: 'facebook',
  // Lexical today (every way in reaches its state); a Draft.js composer of older pages takes a paste only.
  insertStrategies: strategiesFor(),
  sent: facebookSent,
};
