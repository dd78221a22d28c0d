import { describe, expect, it } from 'vitest';
import { isAside } from '../../../lib/triage/model/aside';
import { extractFeatures, hashString, normalizeForModel } from '../../../lib/triage/model/features';
import { DEFAULT_OPTIONS, FIXED_WEIGHTS } from '../../../lib/triage/model/train';
import { cuesOf } from '../support/modelFeatures';


const bits = DEFAULT_OPTIONS.bits;
const mask = (1 << bits) - 1;
const has = (raw: string, name: string): boolean => extractFeatures(raw, bits).index.includes(hashString(name) & mask);

// Written for these tests, across industries (bank, telecom, food delivery, rail, software, utilities).
describe('service failures (en.failure)', () => {
  it.each([
    '@bank my card got declined at the till and there is money in the account',
    '@fonely locked out of my account since the update',
    '@quickeats been waiting 50 mins for my food',
    '@powerco the engineer was a no show',
    '@streambox the app wont let me log in',
    '@gorail they cancelled my train and nobody said why',
    '@telemax cut me off after an hour on hold',
    '@clouddocs sync failed to upload my files overnight',
    '@airline my bag didnt make it to Lisbon',
    '@games the pre-order bonus wasnt in my inventory',
    '@shop the delivery window came and went with no driver',
  ])('%s', (text) => {
    expect(cuesOf(text)).toContain('en.failure');
  });

  it.each([
    '@bank how do I cancel a standing order?',
    '@gorail is the 8:15 running today?',
    '@quickeats waiting for the new menu like',
    '@fonely can I pay by card in store?',
  ])('%s is no failure', (text) => {
    expect(cuesOf(text)).not.toContain('en.failure');
  });

  it('a scheduled outage is no outage', () => {
    expect(cuesOf('@powerco is there a scheduled outage on our street tomorrow?')).not.toContain('en.outage');
    expect(cuesOf('@powerco is there an outage? no power since 6am')).toContain('en.outage');
  });

  it('weighs as an unresolved problem does', () => {
    expect(FIXED_WEIGHTS['cue:en.failure']).toBe(FIXED_WEIGHTS['cue:en.unresolved']);
  });
});

describe('negativity not about the brand (aside)', () => {
  const aside = (raw: string): boolean => isAside(normalizeForModel(raw), cuesOf(raw));
  it.each([
    ['jet lag is destroying me. at least the @hotel bed is comfy', true],
    ['the supermarket was out of everything so @quickeats it is', true],
    ['monday mornings ugh @coffeeco save me', true],
    ['the weather is awful today, glad @quickeats delivers', true],
    ['politicians are useless, anyway @coffeeco new latte is good', true],
    ['hungover and @quickeats to the rescue', true],
    // A random timeline's moods; "again", "for 5 days" and "the worst" are a mood's words too.
    ['cant sleep again, 4am and wide awake', true],
    ['this weather has been grim for 5 days straight', true],
    ['failed my driving test. worst day of the year', true],
    ['my ex just texted happy new year. no thanks', true],
    // Politics, the news and sport, "@" or not.
    ['@ the senator lied again and the dems just let him', true],
    ['trump voters are unbelievable honestly', true],
    ['watching the news tonight, just awful', true],
    ['our defense is a joke, 4 touchdowns in the first half', true],
    // "my internet", "my order": the post has a service to be about, whatever else it names.
    ['@isp my internet has been off since monday', false],
    ['another monday and my parcel is in limbo', false],
    // A service's failure still wins: "delayed", "late" are not a mood's.
    ['@airline the weather delayed us and the crew vanished', false],
    ['@cinema the film was 20 minutes late starting', false],
    // A grievance cue wins: these are complaints.
    ['@quickeats at least tell me where my order is', false],
    ['@hotel the weather is fine but my room still has no hot water', false],
    ['monday again and @telemax internet is down', false],
    ['@airline delayed 3 hours, at least the lounge was open', false],
    ['@shop at least 3 times I asked for a refund', false],
    // No aside at all.
    ['@shop love the new jacket', false],
  ])('%s → %s', (text, expected) => {
    expect(aside(text)).toBe(expected);
  });

  it.each([
    ['jet lag is destroying me. at least the @hotel bed is comfy', true],
    ['@quickeats at least tell me where my order is', false],
    // English patterns only fire in Latin script.
    ['@telco опять нет связи', false],
  ])('%s → the model sees it: %s', (text, expected) => {
    expect(has(text, 'x:aside')).toBe(expected);
  });

  it.each([
    ['trump voters are unbelievable honestly', false],
    ['@acme saw the news you are closing the branch. awful', false],
    ['@acme our defense is a joke, 4 touchdowns in the first half', false],
    // The author's own day still is one.
    ['jet lag is destroying me. at least the @hotel bed is comfy', true],
  ])('naming the brand (the extension): %s → %s, politics, news and sport no aside', (text, expected) => {
    expect(isAside(normalizeForModel(text), cuesOf(text), true)).toBe(expected);
  });

  it('weighs against a complaint in every language copy alike', () => {
    expect(FIXED_WEIGHTS['x:aside']).toBeLessThan(0);
  });
});

describe('addressing', () => {
  it.each([
    ['@acme my order never arrived', false],
    ['@telco опять нет связи', true],
  ])('%s → addressed feature: %s', (text, expected) => {
    expect(has(text, 'x:addressed')).toBe(expected);
  });
});
