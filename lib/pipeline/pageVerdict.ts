/** The background's verdict on a post, cut to what the page acts on (lib/pageMessages.ts, PageVerdictSchema). */
import type { PageVerdict, PostVerdict } from '../pageMessages';
import { badgeQueueState } from './badgeLabels';

export function pageVerdict(verdict: PostVerdict): PageVerdict {
  const out: PageVerdict = { key: verdict.key };
  if (verdict.rejected !== undefined) out.rejected = verdict.rejected.slice(0, 300);
  // Only a mention is marked and badged; any other verdict clears what the page showed before.
  if (!verdict.matched || verdict.own || verdict.priority === undefined) return out;
  out.priority = verdict.priority;
  const term = verdict.terms[0];
  if (term !== undefined) out.term = term.slice(0, 300);
  const state = badgeQueueState(verdict);
  if (state !== 'add') out.state = state;
  return out;
}
