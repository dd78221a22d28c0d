/** Writing replies into the sites' own editors; see insert.ts. */
export { insertIntoEditor, isButtonEnabled, type InsertOptions } from './insert';
export { readEditorText, normaliseEditorText, sameEditorText, looseText } from './readBack';
export { DEFAULT_STRATEGIES, isDraftEditor, strategiesFor, type KeepsStateApart, type Strategy } from './strategies';
export { copyToClipboard } from './clipboard';
