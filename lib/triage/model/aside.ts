/**
 * Negativity that is not about the brand (English): the author's day, weather, family or mood,
 * a consolation ("jet lag is destroying me. at least the @hotel bed is comfy") or a turn to the
 * brand for relief ("the supermarket was out of everything so @dashbite it is"). Posts to brands
 * are full of these, and a model taught by sentiment data reads them as complaints; none of its
 * training files separates them. Counted only when no grievance cue fires, so "my mum's order never
 * arrived" or "at least tell me where my parcel is" stay complaints. Its weight is set by hand
 * (train.ts PLAIN_WEIGHTS), like the other plain posts.
 */
import { isGrievanceCue, words } from './grievance';
import { brokenOnlyAsMood } from './target';

const ASIDE = words(
  // A consolation that praises: "at least the bed is comfy" (not "at least tell me…", "at least 3 times").
  String.raw`at least (?!(?:[a-z]+ )?(?:could|can|should|would|have the|tell|answer|respond|reply|let|give|send|call|email|update|acknowledge|apologi[sz]e))(?:the|my|your|@|its|it|they|you|we|this|that|i|theres|there)`,
  // Relief: the brand as the remedy for something else.
  String.raw`so @ it is`, String.raw`thank (?:god|goodness|heavens) (?:for|i have|i had) @`, String.raw`@ (?:to the rescue|saves? the day|saved (?:me|my|the day)|save me)`, String.raw`save me @`, String.raw`good thing (?:i have |i had )?@`,
  // The author's own day: body, weather, chores, exams, politics. (Family was left out: "my wife had the soup, lukewarm".)
  'jet ?lag', 'hangover', 'hungover', 'adulting', String.raw`(?:my|doing|did|do) (?:taxes|homework|laundry)`, 'mondays?', 'weather',
  String.raw`(?:its|it is) (?:raining|snowing|freezing|pouring|so hot|so cold|boiling)`, 'traffic',
  'exams?', 'finals', 'midterms', 'election', 'politicians?', 'brexit', String.raw`(?:im|i am) (?:so )?(?:hungry|starving|bored|stressed|sleepy)`, String.raw`sorry (?:squad|team|everyone|chat)`,
  // Sleep, health, study, love, pets, sport and screen: a random timeline's moods.
  String.raw`cant (?:sleep|stop crying)`, 'insomnia', 'headache', 'migraine', String.raw`my head (?:is|hurts)`, 'hay ?fever', String.raw`(?:have|got|caught) (?:a|the) (?:cold|flu|bug)`, String.raw`(?:im|i am|feel|feeling) (?:so |really |literally )?(?:sick|ill|sad|depressed|lonely|exhausted|drained|done)`,
  'homework', 'essays?', 'assignments?', 'thesis', 'lectures?', 'driving test', String.raw`my (?:ex|boss|teacher|crush|bf|gf|boyfriend|girlfriend)`, String.raw`my (?:cat|dog|puppy|kitten)`,
  'referee', 'refs', 'relegat*', 'season finale', 'episode', String.raw`(?:the|that|this) (?:movie|film|album|show) (?:was|is)`, String.raw`(?:i want to|gonna|about to) cry`, String.raw`(?:im|i am) a mess`, String.raw`life is (?:hard|unfair|a mess)`, String.raw`worst (?:son|daughter|friend|mum|mom|dad|birthday)`,
);

/**
 * Politics, the news and sport: a random timeline argues about them. Only for bare text: a post that
 * names the brand and the news or a senator is likely about the brand's own doing ("saw the news
 * you're closing the branch", "sponsoring that senator?"), and the agent should see it.
 */
const TOPIC_ASIDE = words(
  'trump', 'hillary', 'clinton', 'obama', 'biden', 'bernie', 'democrats?', 'dems', 'republicans?', 'gop', String.raw`(?:liberals?|leftists?|conservatives?|tories)`, 'congress', 'senat(?:e|or|ors)',
  'president', 'potus', 'politic*', 'voters?', 'protest*', 'immigra*', 'refugees?', 'abortion', 'gun control', 'terroris*', 'isis', 'putin', 'syria', 'aleppo', 'hamas', 'maga', 'government', 'parliament', 'prime minister',
  'the news', 'shootings?', 'thoughts and prayers', 'rest in peace',
  // (Not "coach": also a bus or a railway carriage.)
  'defen[cs]e', 'touchdowns?', 'tds', 'quarterback', 'playoffs?', 'league', 'goalkeeper', 'keeper', 'striker', 'offside', 'var',
);

/** Cues a mood shares ("cant sleep again", "raining for 5 days"): they do not rule the aside out. */
const MOOD_TOO: ReadonlySet<string> = new Set(['en.again', 'en.time', 'x.bang']);

/**
 * Whether a post's negativity, if any, is about something other than the brand. `aboutBrand`: the
 * matcher found the brand named (the extension), so politics, news and sport do not count.
 */
export function isAside(text: string, cuesFound: ReadonlySet<string>, aboutBrand = false): boolean {
  // "my internet", "my order", "your staff": the negativity has a service to be about ("@isp my internet has been off since monday").
  if (cuesFound.has('en.mine')) return false;
  for (const c of cuesFound) if (isGrievanceCue(c) && !MOOD_TOO.has(c) && !(c === 'en.broken' && brokenOnlyAsMood(text))) return false;
  ASIDE.lastIndex = 0;
  if (ASIDE.test(text)) return true;
  if (aboutBrand) return false;
  TOPIC_ASIDE.lastIndex = 0;
  return TOPIC_ASIDE.test(text);
}
