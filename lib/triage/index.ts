/** Triage public API: the extension, the CLI and the eval all call these. */
export { scorePost, priorityOf, COMPLAINT_EVIDENCE_THRESHOLD, SENTIMENT_EVIDENCE_SCALE, type TriageProfile } from './score';
export { dueAt, formatDuration } from './waiting';
export { analyzeSentiment, type Sentiment, type SentimentDriver } from './sentiment';
export { NOISE_RULES, type NoiseRule } from './rules';
export { detectNoise } from './noise';
export { TriageInputSchema, type TriageInput, type TriageContext } from './types';
export { defaultTriageProfile } from './profile';
