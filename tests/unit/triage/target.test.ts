import { describe, expect, it } from 'vitest';
import { normalizeForModel } from '../../../lib/triage/model/features';
import { brokenOnlyAsMood, hasServiceTarget } from '../../../lib/triage/model/target';
import { FIXED_WEIGHTS } from '../../../lib/triage/model/train';
import { calibrates, LABELLED_FILES, type LabelledFile } from '../../../scripts/triage-data';
import { cuesOf, hasNamedFeature, namedFeatureSeen } from '../support/modelFeatures';

const targeted = (raw: string): boolean => hasServiceTarget(normalizeForModel(raw), cuesOf(raw));

// Written for these tests: a random timeline's moods, and grievances about a business with and without an "@".
describe('a post that names something a business runs (target.ts)', () => {
  it.each([
    ['my sister borrowed my charger and now its gone. typical', true],
    ['@telco still no signal in the kitchen', true],
    ['the cable company says 3 to 5 days for an engineer. 5 DAYS', true],
    ['why is my card being declined when theres money in it', true],
    ['bought a toaster on friday and the lever snapped off already', true],
    ['you lot really messed up my birthday order', true],
    ['dinner was great but the waiter forgot our drinks twice', true],
    // A review names its product or meal, not a company.
    ['the sauce was tasteless and the portions tiny', true],
    ['zipper came apart after one week', true],
    ['honestly not worth it', true],
    // Moods: weather, sleep, sport, people, the author's own doing.
    ['raining for the fourth day running. what is this summer', false],
    ['slept 3 hours and have a double shift. send coffee', true],
    ['slept 3 hours and have a double shift. send help', false],
    ['worst match of the season, we didnt even try', false],
    ['lost my keys again, im a disaster', false],
    ['people who clap when the plane lands are my enemy', false],
  ])('%s → %s', (text, expected) => {
    expect(targeted(text)).toBe(expected);
  });

  it.each([
    ['3am thoughts are the worst', true],
    ['failed my driving test and lost my wallet', true],
    ['the screen cracked on day two', false],
    ['the worst part: the strap is missing', false],
    ['what a lovely afternoon', true],
  ])('broken-things words of a mood only: %s → %s', (text, expected) => {
    expect(brokenOnlyAsMood(normalizeForModel(text))).toBe(expected);
  });
});

describe('the model sees an untargeted mood (x:untargeted)', () => {
  it.each([
    ['raining for the fourth day running. what is this summer', true],
    ['@jess lol that ref was blind', false],
    ['my phone died mid call and now wont charge', false],
    // English only: other languages have their own asides.
    ['опять дождь, настроение ноль', false],
    ['又下雨了，心情很差', false],
  ])('%s → %s', (text, expected) => {
    expect(hasNamedFeature(text, 'x:untargeted')).toBe(expected);
  });

  it('never for a post the matcher found naming the brand', () => {
    expect(namedFeatureSeen('raining for the fourth day running. what is this summer', 'x:untargeted')).toEqual({ bare: true, aboutBrand: false });
  });

  it('counts against a complaint, set by hand (the training data reads moods as complaints)', () => {
    expect(FIXED_WEIGHTS['x:untargeted']).toBeLessThan(0);
  });
});

describe('which held-out rows calibrate the probability', () => {
  const fileNamed = (name: string): LabelledFile => {
    const file = LABELLED_FILES.find((f) => f.name === name);
    if (!file) throw new Error(`no labelled file ${name}`);
    return file;
  };

  it('general tweets calibrate only when they name something a business runs', () => {
    const tweets = fileNamed('en-tweeteval-sentiment');
    expect(tweets.moodLabels).toBe(true);
    expect(calibrates(tweets, 'this election is a disaster, i give up on all of it')).toBe(false);
    expect(calibrates(tweets, 'my internet has been off since monday, great job')).toBe(true);
    expect(calibrates(tweets, '@friend cant believe you missed the game')).toBe(true);
    // A mood (aside.ts) does not calibrate even when it names a target: its "negative" label is no grievance.
    expect(calibrates(tweets, '@ the dems will never win with that president, a disaster')).toBe(false);
  });

  it('every other file calibrates whole', () => {
    const reviews = fileNamed('en-cesamard-amazon-complaints');
    expect(reviews.moodLabels).toBeUndefined();
    expect(calibrates(reviews, 'this election is a disaster, i give up on all of it')).toBe(true);
  });
});
