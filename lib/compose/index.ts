export { buildTemplateContext, withOverrides, initialsOf, latestOrder, SAMPLE_CONTEXT, type ContextSources } from './context';
export { rankSuggestions, visibleTemplates, itemNeeds, templateLanguage, type Suggestion, type SuggestionReason } from './suggest';
export { renderStack, previewBody, type Snippet, type StackRender, type StackError } from './render';
export { insertionGate, type Blocker, type Gate } from './gate';
export { dmSnippet } from './dm';
export { previousReplies, startOfDay } from './history';
export {
  validateDraft,
  templateToDraft,
  draftToTemplate,
  duplicateDraft,
  lineColumn,
  parseTags,
  normaliseCode,
  EMPTY_DRAFT,
  type TemplateDraft,
  type DraftIssue,
  type BodyField,
} from './draft';
export { highlightRuns, quoteAround, type Run } from './highlight';
