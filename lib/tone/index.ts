export { checkTone, type ToneOptions } from './checks';
export { detectLanguage, type ReplyLanguage } from './language';
export {
  repetition,
  textSimilarity,
  normaliseForRepetition,
  DEFAULT_SAME_DAY_THRESHOLD,
  DEFAULT_SIMILARITY,
  type RepetitionOptions,
  type RepetitionHit,
} from './repetition';
export { findPhrases, type Match } from './match';
