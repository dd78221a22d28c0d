/**
 * Whether an English post's grievance could be about a business at all: it addresses someone
 * ("@", "you"), or names something a business sells or runs (an order, a bill, an app, a room, a
 * meal, staff), or a service cue fires. A random timeline's moods name none of these ("so tired
 * of being tired", "raining AGAIN. its june"), and a model taught by sentiment data reads them as
 * complaints. Reviews and posts to brands nearly always name one.
 */
import { CUES, words } from './grievance';

/** Cues that only a service gives (orders, money, outages, things owed): the post names one. */
const SERVICE_CUES: ReadonlySet<string> = new Set(['en.order', 'en.money', 'en.mine', 'en.outage', 'en.billing', 'en.neverDid', 'en.unresolved', 'en.failure', 'en.demand', 'en.expect']);

const SERVICE_WORDS = words(
  // Someone addressed.
  'you', 'your', 'youre', 'yours', 'u', 'ur', 'yall',
  // What a business sells, runs or employs.
  'apps?', 'update*', 'website', 'site', 'online', 'wi ?fi', 'internet', 'broadband', 'signal', 'network', 'data',
  'customers?', 'staff', 'employees?', 'manager', 'cashier', 'waiter', 'waitress', 'driver', 'courier', 'technician', 'engineer', 'landlord', 'agent',
  'restaurant', 'cafe', 'hotel', 'room', 'airline', 'airport', 'flights?', 'bank', 'branch', 'shop', 'store', 'company', 'brand', 'dmv', 'post office', 'insurance', 'membership', 'contract', 'plan',
  'phone', 'battery', 'laptop', 'screen', 'charger', 'cable', 'camera', 'printer', 'headphones?', 'speakers?', 'device', 'tv', 'car',
  'product', 'quality', 'material', 'fabric', 'colou?r', 'size', 'fits?', 'model', 'packaging', 'box', 'review', 'using', 'works', 'worked', 'working', 'stopped',
  'menu', 'meal', 'food', 'coffee', 'drinks?', 'burger', 'pizza', 'fries', 'receipt', 'checkout', 'counter',
  // How a product or a meal turned out: a review's subject even when it names no company.
  'stars?', 'rating', 'recommend*', 'not worth', 'overpriced', 'tast*', 'flavou?r*', 'bland', 'undercooked', 'overcooked', 'served', 'server',
  'sauce', 'sandwich', 'salad', 'soup', 'chicken', 'steak', 'dish', 'dishes', 'portions?', 'dessert',
  'zipper', 'stitch*', 'seams?', 'sole', 'straps?', 'lid', 'seal', 'sealed', 'tampered', 'bottle', 'pack', 'sachets?',
  'bluetooth', 'headset', 'earbuds', 'keyboard', 'remote', 'volume', 'reception', 'buttons?', 'case', 'unit', 'plastic', 'leather', 'shoes?', 'shirt', 'jeans',
);

/**
 * Words of the broken-things list (en.broken) a mood uses too ("3am thoughts are the worst", "lost
 * my keys", "failed my driving test", "im broke"); any other ("cracked", "delayed", "stuck",
 * "missing") is a thing or a service failing.
 */
const MOOD_BROKEN: ReadonlySet<string> = new Set(['lost', 'dead', 'worst', 'waste', 'wrong', 'broke', 'down', 'cheap', 'poor', 'fail', 'failed', 'failing', 'fails', 'failure']);
const brokenCue = CUES.find((c) => c.name === 'en.broken')?.re;
/** Its own copy: the cue's regex is shared, and `matchAll` starts where its last `test` stopped. */
const BROKEN = brokenCue && new RegExp(brokenCue.source, brokenCue.flags);

/** Whether every broken-things word in `text` is one a mood uses too. */
export function brokenOnlyAsMood(text: string): boolean {
  if (!BROKEN) return false;
  BROKEN.lastIndex = 0;
  for (const m of text.matchAll(BROKEN)) if (!MOOD_BROKEN.has(m[0])) return false;
  return true;
}

export function hasServiceTarget(text: string, cuesFound: ReadonlySet<string>): boolean {
  if (text.includes('@')) return true;
  for (const c of cuesFound) if (SERVICE_CUES.has(c)) return true;
  if (cuesFound.has('en.broken') && !brokenOnlyAsMood(text)) return true;
  SERVICE_WORDS.lastIndex = 0;
  return SERVICE_WORDS.test(text);
}

