/**
 * Length budget of the RENDERED reply. X counts with twitter-text's weighted length (URLs 23,
 * CJK and emoji 2, limit 280; the library's default config is the current one with emoji
 * discounting); Premium accounts may post up to 25,000. Facebook comments are plain characters
 * (code points) against a per-brand limit.
 */
import * as twitterTextModule from 'twitter-text';
import type { ParseTweetOptions } from 'twitter-text';
import type { Site } from '../schemas/primitives';
import type { LengthBudget } from '../schemas/templates';

// twitter-text's ESM build (what the extension bundler picks) has only a default export holding
// the functions; its CJS build (Node, Vitest) has them named. Use whichever this build has.
const namespace: unknown = twitterTextModule;
const twitterText = (
  typeof namespace === 'object' && namespace !== null && 'default' in namespace && namespace.default ? namespace.default : namespace
) as typeof twitterTextModule;
const parseTweet = (text: string, config?: ParseTweetOptions) => twitterText.parseTweet(text, config);

export const X_LIMIT = 280;
export const X_PREMIUM_LIMIT = 25_000;
export const FACEBOOK_DEFAULT_LIMIT = 8000;

export interface LengthOptions {
  premium?: boolean;
  facebookLimit?: number;
}

/** Weighted length as X counts it; `config` exists so tests can run the v2 conformance cases. */
export function xWeightedLength(text: string, config?: ParseTweetOptions): number {
  return parseTweet(text, config).weightedLength;
}

export function lengthBudget(text: string, site: Site, options: LengthOptions = {}): LengthBudget {
  const used = site === 'x' ? xWeightedLength(text) : Array.from(text).length;
  const requested = site === 'x' ? (options.premium ? X_PREMIUM_LIMIT : X_LIMIT) : options.facebookLimit;
  const limit = requested !== undefined && Number.isFinite(requested) && requested >= 1 ? Math.floor(requested) : FACEBOOK_DEFAULT_LIMIT;
  const remaining = limit - used;
  return { used, limit, remaining, over: remaining < 0 };
}
