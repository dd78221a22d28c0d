/**
 * Markup of the editor frameworks the sites build their reply boxes with (not of any one site).
 * Draft.js (X's composer; Facebook's before Lexical): its root class, or, when that is renamed, the
 * block container only Draft renders. Draft keeps its state apart from the DOM, which rules out
 * every way in but a paste (./strategies.ts).
 */
export const DRAFT = {
  root: ['.DraftEditor-root'],
  contents: ['[data-contents="true"]'],
} as const;
