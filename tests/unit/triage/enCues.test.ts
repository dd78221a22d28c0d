import { describe, expect, it } from 'vitest';
import { normalizeForModel } from '../../../lib/triage/model/features';
import { isInfoQuestion } from '../../../lib/triage/model/grievance';
import { FIXED_WEIGHTS } from '../../../lib/triage/model/train';
import { cuesOf } from '../support/modelFeatures';


// Texts written for this test.
describe('English calm grievances', () => {
  it.each([
    ['@acme is it normal that my parcel sat in the depot all weekend?', 'en.accuse'],
    ['@telco is there a reason my contract renewal price is higher than the advert', 'en.accuse'],
    ['@bank can you tell me why my savings interest was never paid', 'en.accuse'],
    ['@shop the courier took it back to the depot. what now?', 'en.accuse'],
    ['@airline fourth email about the same booking', 'en.again'],
    ['@gym I asked twice already to pause the membership', 'en.again'],
    ['@insurer my premium went up from 30 to 52 without a claim', 'en.billing'],
    ['@utility the direct debit has gone up again', 'en.billing'],
  ])('%s → %s', (text, cue) => {
    expect(cuesOf(text)).toContain(cue);
  });

  it.each([
    ['@acme is it possible to pay by invoice?', 'en.accuse'],
    ['@acme why our team loves the new dashboard', 'en.billing'],
    ['@acme my first order arrived today', 'en.again'],
  ])('%s is not %s', (text, cue) => {
    expect(cuesOf(text)).not.toContain(cue);
  });
});

describe('English negativity that is not a grievance', () => {
  it.each([
    ['@rail the strike delayed us an hour, completely understandable', 'en.fine'],
    ['@isp the outage was the storm, not your fault at all', 'en.fine'],
    ['@bakery queued for forty minutes for that croissant and it was worth it', 'en.fine'],
    ['@vet jab done in five minutes, no fuss', 'en.fine'],
    ['@cafe slow queue but the cake made up for it', 'en.fine'],
    ['@garage fair play to the mechanic, sorted in an hour', 'en.praise'],
    ['@isp very impressed with the new router', 'en.praise'],
    ['@arcade I am really bad at this racing game', 'en.self'],
    ['@hotel I accidentally booked two rooms, can one be removed?', 'en.self'],
    ['@cinema picked the wrong showing myself, can I swap?', 'en.self'],
    ['@bank the other bank kept me on hold for an hour', 'en.self'],
    ['@bank texts pretending to be you are asking for my PIN', 'en.self'],
  ])('%s → %s', (text, cue) => {
    expect(cuesOf(text)).toContain(cue);
  });

  it.each([
    // A threat to leave or an unfavourable comparison is a complaint, not another company's fault.
    ['@telco switching to another provider if this goes on', 'en.self'],
    ['@telco going back to @rivalnet, your coverage is a joke', 'en.self'],
    ['@rail the delay was not worth it at all', 'en.fine'],
    ['@cafe a free cookie doesnt make up for it', 'en.fine'],
    ['@isp not impressed, the router died again', 'en.praise'],
    ['@deli impressed, but not in a good way', 'en.praise'],
    // The brand lost it, or cancelled it.
    ['@airline lost my bag on the way to Oslo', 'en.self'],
  ])('%s is not %s', (text, cue) => {
    expect(cuesOf(text)).not.toContain(cue);
  });

  it('the author cancelling or losing something is not a service failure', () => {
    expect(cuesOf('@gym I cancelled my membership in June, how do I get the fob refunded?')).not.toContain('en.failure');
    expect(cuesOf('@airline lost my bag on the way to Oslo')).toContain('en.failure');
  });

  it('"can I … instead of …" asks for a preference, not a broken promise', () => {
    const text = normalizeForModel('@shop can I collect in store instead of delivery?');
    expect(cuesOf(text)).not.toContain('en.expect');
    expect(isInfoQuestion(text, cuesOf(text), 0)).toBe(true);
    expect(cuesOf('@shop sent a voucher instead of my refund')).toContain('en.expect');
  });

  it('English self-blame weighs half as much again as in Russian', () => {
    expect(FIXED_WEIGHTS['cue:en.self']).toBe(-3.75);
    expect(FIXED_WEIGHTS['cue:ru.self']).toBe(-2.5);
    // English praise idioms weigh as Russian praise, set separately.
    expect(FIXED_WEIGHTS['cue:en.praise']).toBe(-2);
  });
});

// Texts written for this test (the second English batch, 2026-12-07).
describe('English products failing their owner, and the look-alikes that are not complaints', () => {
  it.each([
    ['@stream having issues with playback on the tv app since the update', 'en.failure'],
    ['@phoneco my phone won\'t restart after last night\'s update', 'en.failure'],
    ['@music the app won\'t stop crashing', 'en.failure'],
    ['@ebooks can\'t download anything I bought this week', 'en.failure'],
    ['@veg half the box was mouldy', 'en.failure'],
    ['@skincare the new formula gave me a rash', 'en.failure'],
    ['@cabs driver was so rude and on his phone the whole time', 'en.failure'],
    ['@bank transfer has been pending since friday', 'en.unresolved'],
    ['@lender paid in full and I\'m still getting reminder letters', 'en.unresolved'],
    ['@games bought the pass and the skins aren\'t showing up', 'en.neverDid'],
    ['@kettles the handle came off while pouring', 'en.broken'],
    ['@calendar sync duplicated every event', 'en.broken'],
    ['@grocer shelf said £2 but it rang up as £3.50', 'en.billing'],
    ['@hotel room smelt of smoke. great night\'s sleep 🙄', 'en.sarcasm'],
    ['@isp router has been offline since 6am', 'en.time'],
    ['@books can\'t recommend the audiobook enough', 'en.praise'],
    ['@bank cheers for sorting my card so quickly', 'en.praise'],
    ['@hotel the kids won\'t stop talking about the pool', 'en.praise'],
  ])('%s → %s', (text, cue) => {
    expect(cuesOf(text)).toContain(cue);
  });

  it.each([
    ['@phoneco no longer having issues since the fix, thanks', 'en.failure'],
    ['@app had a problem with my login but your team fixed it in minutes', 'en.failure'],
    ['@tickets I won\'t miss this concert for anything', 'en.failure'],
    ['@shop you won\'t regret stocking these', 'en.failure'],
    ['@shop having trouble deciding between the two sizes', 'en.failure'],
    ['@cat my cat has claimed the router box as her bed', 'en.expect'],
    ['@air do I need to print my boarding pass?', 'en.demand'],
    ['@tv will the documentary be available offline?', 'en.outage'],
    ['@parcels how late can I drop a parcel at the locker?', 'en.broken'],
  ])('%s is not %s', (text, cue) => {
    expect(cuesOf(text)).not.toContain(cue);
  });

  it('a plain question freed of a misread cue counts as one', () => {
    for (const raw of ['@air do I need to print my boarding pass or is the app enough?', '@tv will the documentary be available offline?']) {
      const text = normalizeForModel(raw);
      expect(isInfoQuestion(text, cuesOf(text), 0)).toBe(true);
    }
    const outage = normalizeForModel('@isp router went offline again?');
    expect(isInfoQuestion(outage, cuesOf(outage), 0)).toBe(false);
  });
});
