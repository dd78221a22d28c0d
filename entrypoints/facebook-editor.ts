/**
 * Facebook's editor script (facebook-editor.js): inserting replies and watching for them to be
 * sent. Not in the manifest nor reachable by pages: the background injects it into a Facebook tab
 * before an insertion.
 */
import { facebookAdapter } from '@/lib/sites/facebook';
import { facebookEditor } from '@/lib/sites/facebook/editor';
import { startEditorScript } from './content/editorScript';

export default defineUnlistedScript(() => {
  startEditorScript({ ...facebookAdapter, ...facebookEditor });
});
