/**
 * Compact English sentiment lexicon, AFINN-style valences in −4..+4, written for Replyline.
 * General customer-service vocabulary only (no industry words), so the same list serves any brand.
 * Keys are lower-case; lookups also try simple suffix stripping (`enValence` in ../sentiment.ts).
 */
import { lexicon } from './table';

export const EN_VALENCE: ReadonlyMap<string, number> = lexicon({
  // strong negative
  worst: -4, horrible: -4, horrendous: -4, terrible: -3, awful: -3, disgusting: -4, pathetic: -3,
  atrocious: -4, abysmal: -4, unacceptable: -3, ridiculous: -3, outrageous: -3, disgraceful: -4,
  shameful: -3, useless: -3, incompetent: -3, incompetence: -3, scam: -4, scammed: -4, fraud: -4,
  ripoff: -3, furious: -3, livid: -4, hate: -3, hated: -3, hates: -3, sucks: -3, suck: -3, sucked: -3,
  crap: -3, crappy: -3, shitty: -4, shit: -3, wtf: -3, fuck: -4, fucking: -3, damn: -2, hell: -2,
  nightmare: -3, disaster: -3, joke: -2, insult: -3, insulting: -3, rude: -3, lied: -3, lie: -2, lies: -3, liar: -3,
  // moderate negative
  bad: -2, poor: -2, poorly: -2, worse: -3, angry: -3, upset: -2, annoyed: -2, annoying: -2, frustrated: -2,
  frustrating: -2, frustration: -2, disappointed: -2, disappointing: -2, disappointment: -2, unhappy: -2,
  sad: -2, sorry: -1, mad: -2, irritated: -2, fed: -1, sick: -2, tired: -1, stressed: -2, stressful: -2,
  broken: -2, broke: -2, faulty: -2, defective: -2, damaged: -2, fail: -2, failed: -2, fails: -2, failure: -2,
  failing: -2, error: -2, errors: -2, bug: -1, buggy: -2, glitch: -2, crash: -2, crashed: -2, crashes: -2,
  problem: -2, problems: -2, issue: -1, issues: -1, trouble: -2, wrong: -2, missing: -2, lost: -2, lose: -2,
  delay: -2, delayed: -2, delays: -2, late: -1, cancel: -1, cancelled: -2, canceled: -2, cancellation: -2,
  stuck: -2, stranded: -3, waiting: -1, wait: -1, waited: -2, hold: -1, overcharged: -3, charged: -1,
  refund: -1, complaint: -2, complain: -2, complaining: -2, ignored: -2, ignore: -2, ignoring: -2,
  unhelpful: -2, unprofessional: -3, slow: -2, dirty: -2, expensive: -1, overpriced: -2, cheap: -1,
  mess: -2, messed: -2, screwed: -3, ruined: -3, ruin: -2, pain: -2, painful: -2, hassle: -2, confused: -1,
  confusing: -2, uncomfortable: -2, cramped: -2, worried: -2, worry: -1, afraid: -2,
  unable: -1, cannot: -1, refused: -2, denied: -2, rebooked: -1, misconnect: -2, inconvenience: -2,
  inconvenient: -2, lousy: -3, mediocre: -1, meh: -1, ugh: -2, smh: -2, fml: -3, sigh: -1, blah: -1,
  hopeless: -3, helpless: -2, stupid: -3, dumb: -2, idiots: -3, idiot: -3, clueless: -2, nope: -1,
  apparently: -1, seriously: -1, literally: -1, excuse: -1, excuses: -2, unreliable: -2, nonsense: -2,
  // positive
  good: 2, great: 3, excellent: 3, amazing: 4, awesome: 4, fantastic: 4, wonderful: 4, brilliant: 4,
  outstanding: 4, superb: 4, perfect: 3, love: 3, loved: 3, loves: 3, loving: 2, liked: 2,
  nice: 2, best: 3, better: 2, happy: 3, glad: 2, pleased: 2, satisfied: 2, enjoy: 2, enjoyed: 2,
  thanks: 2, thank: 2, thx: 2, ty: 1, appreciate: 2, appreciated: 2, grateful: 3, kudos: 3, bravo: 3,
  helpful: 2, friendly: 2, kind: 2, polite: 2, professional: 2, quick: 1, fast: 1, smooth: 2, easy: 1,
  comfortable: 2, fun: 2, cool: 1, beautiful: 3, lovely: 3, pleasant: 2, impressed: 3, impressive: 3,
  recommend: 2, recommended: 2, worth: 2, yay: 2, wow: 2, win: 2, winning: 2, fabulous: 4, gorgeous: 3,
  favorite: 2, favourite: 2, exceptional: 4, incredible: 3, solved: 2, resolved: 2, fixed: 1, helped: 2,
  rock: 1, rocks: 2, super: 2, sweet: 2, hero: 3, heroes: 3, lucky: 2, exciting: 3, excited: 3,
  welcome: 1, safe: 1, fine: 1, ok: 0, okay: 0, well: 1, congrats: 3, congratulations: 3, classy: 3,
});

/** Words that flip the valence of the next few words. */
export const EN_NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'neither', 'nor', 'none', 'nobody', 'nothing', 'without', 'hardly', 'barely',
  "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "won't", "wouldn't", "can't",
  "couldn't", "shouldn't", "haven't", "hasn't", "hadn't", "ain't", 'dont', 'doesnt', 'didnt', 'isnt',
  'wasnt', 'wont', 'cant', 'couldnt', 'havent', 'hasnt', 'aint', 'cannot', 'nt',
]);

/** Multipliers for the next word: intensifiers > 1, downtoners < 1. */
export const EN_INTENSIFIERS: ReadonlyMap<string, number> = lexicon({
  very: 1.3, really: 1.3, so: 1.25, extremely: 1.5, totally: 1.3, absolutely: 1.4, completely: 1.3,
  incredibly: 1.4, super: 1.3, truly: 1.2, utterly: 1.5, most: 1.2, too: 1.2, such: 1.2, quite: 1.1,
  highly: 1.3, seriously: 1.2, beyond: 1.3, bit: 0.7, slightly: 0.6, somewhat: 0.7, kinda: 0.7, little: 0.7,
});

/** Contrast words: what follows them matters more ("nice crew but the app is broken"). */
export const EN_CONTRAST: ReadonlySet<string> = new Set(['but', 'however', 'although', 'though', 'yet']);
