/**
 * X's editor script (x-editor.js): inserting replies and watching for them to be sent. Not in the
 * manifest nor reachable by pages: the background injects it into an X tab before an insertion.
 */
import { xAdapter } from '@/lib/sites/x';
import { xEditor } from '@/lib/sites/x/editor';
import { startEditorScript } from './content/editorScript';

export default defineUnlistedScript(() => {
  startEditorScript({ ...xAdapter, ...xEditor });
});
