/**
 * The content script's copy of the brand matcher. Every post on the page is keyed and marked, but
 * only posts whose text may mention a brand are fully extracted and sent to the background (which
 * still decides, with the same matcher, customer match and triage). That keeps the per-post cost
 * near a bare text read, and posts that never mention the brand never leave the page.
 *
 * The profiles come from the background; a new revision in storage.local (published by the
 * background on every brand change) makes every open tab fetch them again.
 */
import { brandHandleTest, compileMatcher, type Matcher } from '@/lib/matching/matcher';
import { sendMessage } from './messaging';
import { BRANDS_REVISION_KEY } from '@/lib/pipeline/brandRevision';

const RETRY_MS = [500, 2000, 5000, 15000];

/** The current brands as the page needs them. */
export interface BrandSet {
  matcher: Matcher;
  /** Whether a handle belongs to a brand that counts replies in its threads as mentions. */
  isBrandHandle: (handle: string) => boolean;
}

/** Calls `onMatcher` with the current brands, and again after every brand change. */
export function watchBrandMatcher(signal: AbortSignal, onMatcher: (brands: BrandSet) => void): void {
  let revision: string | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let loading = false;
  /** A change arrived while loading: load once more afterwards, or it would be missed. */
  let again = false;

  const load = async (attempt = 0): Promise<void> => {
    if (signal.aborted) return;
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    again = false;
    let brands: BrandSet | undefined;
    try {
      const answer = await sendMessage('matchProfilesGet', {});
      if (signal.aborted || answer.revision === revision) return;
      revision = answer.revision;
      // A post's whole textContent runs its parts together: the page's test is a superset one.
      brands = { matcher: compileMatcher(answer.brands, { prefilter: true }), isBrandHandle: brandHandleTest(answer.brands.filter((b) => b.threadMentions)) };
    } catch (error) {
      // The service worker is starting or the extension was just updated: try again a few times.
      const delay = RETRY_MS[attempt];
      if (delay !== undefined && !signal.aborted) retryTimer = setTimeout(() => void load(attempt + 1), delay);
      else console.debug('[replyline] brand profiles unavailable', error);
    } finally {
      loading = false;
      if (again) void load();
    }
    // Outside the try: a failure while the page applies the brands is the page's, not a sleeping
    // worker's, and must surface as itself (not as a retry that hides it).
    if (!brands) return;
    try {
      onMatcher(brands);
    } catch (error) {
      console.error('[replyline] applying the brands to the page failed', error);
    }
  };

  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(BRANDS_REVISION_KEY in changes)) return;
    if (changes[BRANDS_REVISION_KEY]?.newValue === revision) return;
    if (retryTimer) clearTimeout(retryTimer);
    void load();
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener(
    'abort',
    () => {
      browser.storage.onChanged.removeListener(onChanged);
      if (retryTimer) clearTimeout(retryTimer);
    },
    { once: true },
  );
  void load();
}
