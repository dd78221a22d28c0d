/**
 * Remembers follower counts: when the agent opens a profile or a hover card pops up, the header's
 * follower line (and verified badge) is read and sent to the background, which keeps it in the
 * `authors` table for the influence signal. Only what changed since the last report is sent.
 */
import type { SiteAdapter } from '@/lib/sites/types';
import type { ProfileStat } from '@/lib/schemas/posts';
import { observe } from '@/lib/dom/observe';
import { sendMessage } from './messaging';

/** Hover cards and profile headers fill in over a few frames; read once they stop changing. */
const READ_DELAY_MS = 250;
const MAX_PER_MESSAGE = 200;

/** What was last reported per lower-case handle. */
export type SentStats = Map<string, string>;

const signature = (stat: ProfileStat): string => `${stat.followers ?? ''}|${stat.verified ?? ''}`;

/** The stats not yet reported with these values; records them in `sent`. */
export function unsentStats(sent: SentStats, stats: readonly ProfileStat[]): ProfileStat[] {
  const out: ProfileStat[] = [];
  for (const stat of stats) {
    if (stat.followers === undefined && stat.verified === undefined) continue; // nothing to remember
    const key = stat.handle.toLowerCase();
    const sig = signature(stat);
    if (sent.get(key) === sig) continue;
    sent.set(key, sig);
    out.push(stat);
  }
  return out;
}

export function startProfileWatch(adapter: SiteAdapter, signal: AbortSignal): void {
  const sent: SentStats = new Map();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const read = async () => {
    timer = undefined;
    if (signal.aborted) return;
    const fresh = unsentStats(sent, adapter.readProfileStats(document));
    for (let i = 0; i < fresh.length; i += MAX_PER_MESSAGE) {
      const stats = fresh.slice(i, i + MAX_PER_MESSAGE);
      try {
        await sendMessage('profileStatsSeen', { site: adapter.site, stats });
      } catch (error) {
        // Worker restarting: forget these so the next change reports them again.
        for (const stat of stats) sent.delete(stat.handle.toLowerCase());
        console.debug('[replyline] profileStatsSeen failed', error);
      }
    }
  };

  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void read(), READ_DELAY_MS);
  };

  // Timeline rows never hold follower counts: only changes that may touch one re-read the page.
  const maybe = (elements: Element[]) => {
    if (elements.some((el) => adapter.mayHoldProfileStats(el))) later();
  };
  // Rows appended to the timeline's row list: one look at the list, not one per row.
  const maybeAdded = (elements: Element[], parent: Node | null) => {
    if (parent instanceof Element && adapter.holdsOnlyRows(parent)) return;
    maybe(elements);
  };
  later();
  // A check per callback, then a debounce: cheaper in the observer's callback than queued for idle.
  observe(document.body, { signal, immediate: true, onAdded: maybeAdded, onTextChanged: maybe });
  signal.addEventListener('abort', () => {
    if (timer) clearTimeout(timer);
  });
}
