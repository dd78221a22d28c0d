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
  // everyday evaluative words of reviews and posts to a business (any industry)
  rubbish: -3, shambles: -3, shambolic: -3, dreadful: -3, appalling: -4, appalled: -3, shocking: -3,
  shocked: -2, disgusted: -3, horrified: -3, gutted: -3, fuming: -3, raging: -3, seething: -3,
  infuriating: -3, infuriated: -3, exhausting: -2, mistake: -2, mistakes: -2, unusable: -3, unplayable: -3,
  unbearable: -3, careless: -2, negligent: -3, negligence: -3, sloppy: -2, shoddy: -3, flimsy: -2,
  soggy: -2, burnt: -2, undercooked: -2, overcooked: -2, inedible: -3, filthy: -3, grim: -2, gross: -3,
  mouldy: -3, moldy: -3, smelly: -2, noisy: -2, leaky: -2, unsafe: -3, misleading: -3, dishonest: -3,
  shady: -3, sneaky: -3, greedy: -3, robbery: -3, extortionate: -3, pricey: -1, arrogant: -3,
  condescending: -3, dismissive: -2, patronising: -3, patronizing: -3, unfriendly: -2, hostile: -3,
  nasty: -3, abusive: -3, aggressive: -3, humiliating: -3, embarrassing: -2, inexcusable: -4,
  unforgivable: -4, laughable: -3, chaos: -2, chaotic: -2, farce: -3, fiasco: -3, headache: -2,
  inconvenienced: -2, neglected: -2, abandoned: -2, wasted: -2, waste: -2, pointless: -2, worthless: -3,
  clowns: -3, cowboys: -3, conned: -3, robbed: -3, cheated: -3, misled: -3, misinformed: -2, subpar: -2,
  substandard: -3, unhygienic: -3, disrespectful: -3, disrespected: -3, unanswered: -2, unresolved: -2,
  anxious: -2, distressed: -3, distressing: -3, upsetting: -2, heartbroken: -3, devastated: -3,
  miserable: -3, regret: -2,
  abuse: -3, alarming: -2, anger: -3, annoyance: -2, awkward: -1, bitter: -2, bland: -1, blame: -2,
  bogus: -3, bored: -1, boring: -2, bothered: -1, bullshit: -4, bummer: -2, burden: -2, clumsy: -1,
  complicated: -1, concerned: -1, confusion: -2, corrupt: -3, costly: -1, creepy: -2, cruel: -3,
  crummy: -2, cumbersome: -2, deceptive: -3, defect: -2, deficient: -2, degrading: -3, depressing: -2,
  desperate: -2, destroyed: -3, difficult: -1, discomfort: -2, dislike: -2, dismal: -3, displeased: -2,
  dissatisfied: -3, dodgy: -2, dread: -2, dull: -1, erratic: -2, excessive: -2, exhausted: -2, fake: -3,
  fiddly: -1, flaw: -2, flawed: -2, foul: -3, fraudulent: -4, gimmick: -2, grumpy: -2, harm: -2, harsh: -2,
  hideous: -3, horrid: -3, hurt: -2, ignorant: -2, impolite: -3, impossible: -2, inaccurate: -2,
  inadequate: -2, incorrect: -2, ineffective: -2, inefficient: -2, inferior: -2, insufficient: -2,
  irresponsible: -3, irritating: -2, junk: -3, laggy: -2, lame: -2, malfunction: -2, mistreated: -3,
  obnoxious: -3, offended: -2, offensive: -3, outdated: -1, overrated: -2, pissed: -3, problematic: -2,
  questionable: -2, repulsive: -3, risky: -1, rotten: -3, rushed: -1, sadly: -2, scary: -2, selfish: -2,
  shame: -2, sickening: -3, sluggish: -2, stained: -2, stink: -3, stinks: -3, struggling: -2, tedious: -2,
  toxic: -3, tragic: -3, trash: -3, ugly: -2, unclear: -1, unfair: -2, unfortunately: -1, unlucky: -1,
  unpleasant: -2, unreasonable: -2, unsatisfactory: -2, unstable: -2, unwanted: -2, unwelcome: -2,
  vague: -1, weak: -1, woeful: -3, wrecked: -3, yuck: -3,
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
  proud: 2, improvement: 2, improvements: 2, improved: 2, smoother: 2, smoothest: 3, easier: 2, easiest: 2,
  quicker: 1, quickest: 2, reliable: 2, seamless: 2, effortless: 2, spotless: 2, tidy: 1, cosy: 2, cozy: 2,
  comfy: 2, delicious: 3, tasty: 2, yummy: 2, phenomenal: 4, stellar: 3, terrific: 3, marvellous: 3,
  marvelous: 3, splendid: 3, delightful: 3, delighted: 3, thrilled: 3, chuffed: 3, stoked: 3, legend: 3,
  legends: 3, gem: 3, ace: 2, gent: 2, genius: 2, magic: 3, magical: 3, flawless: 3, smashing: 3, epic: 3,
  solid: 2, reassuring: 2, reassured: 2, relieved: 2, thankful: 3, generous: 2, patient: 2, courteous: 2,
  attentive: 2, caring: 2, considerate: 2, thoughtful: 2, efficient: 2, prompt: 2, speedy: 2, punctual: 2,
  accommodating: 2, knowledgeable: 2, lifesaver: 3, cheers: 1, enjoyable: 2, fave: 2, adore: 3, adored: 3,
  bargain: 2, affordable: 2, convenient: 2, handy: 2, useful: 2, intuitive: 2, slick: 2, sleek: 2,
  stylish: 2, cute: 2, elegant: 2, spacious: 2, peaceful: 2, relaxing: 2, relaxed: 2, welcoming: 2,
  heaven: 3, heavenly: 3, bliss: 3, joy: 3, pleasure: 2, smile: 2, winner: 3, legendary: 3, respect: 2,
  accurate: 1, admire: 2, adorable: 3, amazed: 3, amused: 1, blessed: 2, bonus: 1, capable: 1, charming: 3,
  cheerful: 2, clever: 2, commend: 2, compliment: 2, compliments: 2, consistent: 1, creative: 2, decent: 1,
  dedicated: 2, dependable: 2, durable: 2, effective: 2, enthusiastic: 2, fascinating: 2, flexible: 1,
  fortunate: 2, friendliest: 3, gentle: 1, genuine: 2, gracious: 2, honest: 2, hooray: 3, hospitable: 2,
  ideal: 2, immaculate: 3, innovative: 2, inspiring: 3, interesting: 1, joyful: 3, lively: 1, loyal: 2,
  luxurious: 2, masterpiece: 4, memorable: 2, neat: 1, nifty: 2, passionate: 2, perfection: 3, polished: 2,
  refreshing: 2, remarkable: 3, respectful: 2, responsive: 2, rewarding: 2, satisfying: 2, sensational: 4,
  sincere: 2, skilled: 2, smart: 1, soothing: 2, sparkling: 2, spectacular: 4, sturdy: 2, stunning: 4,
  success: 2, successful: 2, superior: 2, supportive: 2, trustworthy: 2, unbeatable: 3, valuable: 2,
  versatile: 1, vibrant: 2, wonder: 2, worthy: 2, yum: 2, comfiest: 3, outdone: 2,
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
