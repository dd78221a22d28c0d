import { extractFeatures, hashString, lexiconSignals, normalizeForModel } from '../../../lib/triage/model/features';
import { CUES } from '../../../lib/triage/model/grievance';

/** The shipped model's hash width. */
export const MODEL_BITS = 19;
const MASK = (1 << MODEL_BITS) - 1;
/** The bucket of a named feature, plain or crossed with a language. */
export const modelBucket = (name: string, lang?: string): number => (lang ? hashString(name, hashString(`lang:${lang}`)) : hashString(name)) & MASK;

/**
 * Whether the complaint model's features of `text` hold the named feature, both plain and crossed
 * with the post's language (every named feature comes in both copies).
 */
export function hasNamedFeature(text: string, name: string): boolean {
  const f = extractFeatures(text, MODEL_BITS);
  return f.index.includes(modelBucket(name)) && f.index.includes(modelBucket(name, f.language));
}

/**
 * Whether the named feature is among `text`'s features as bare text (the command line, the
 * evaluation files) and when the matcher found the brand named (`aboutBrand`, the extension).
 */
export function namedFeatureSeen(text: string, name: string): { bare: boolean; aboutBrand: boolean } {
  const bucket = modelBucket(name);
  return {
    bare: extractFeatures(text, MODEL_BITS).index.includes(bucket),
    aboutBrand: extractFeatures(text, MODEL_BITS, { ...lexiconSignals(text), aboutBrand: true }).index.includes(bucket),
  };
}

/** Names of the grievance cues that fire on a post, as the model sees it. */
export function cuesOf(raw: string): Set<string> {
  const text = normalizeForModel(raw);
  return new Set(
    CUES.filter((c) => {
      c.re.lastIndex = 0;
      return c.re.test(text);
    }).map((c) => c.name),
  );
}
