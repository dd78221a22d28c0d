export { TEMPLATE_VARIABLES, resolveVariable, isKnownVariable, type TemplateVariable } from './variables';
export { parseTemplate, type Segment, type Term, type ParsedTemplate } from './parse';
export { renderTemplate, renderBody, pickVariant, variantsFor, type RenderOptions } from './render';
export { stackSnippets } from './stack';
export { searchTemplates, type TemplateHit } from './search';
export { editRatio, levenshtein } from './editRatio';
export { lengthBudget, xWeightedLength, X_LIMIT, X_PREMIUM_LIMIT, FACEBOOK_DEFAULT_LIMIT, type LengthOptions } from './length';
