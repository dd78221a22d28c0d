import { describe, expect, it } from 'vitest';
import { predictComplaint } from '../../../lib/triage/model/classifier';
import { pointSignals, pointStart } from '../../../lib/triage/model/contrast';
import { lexiconSignals, normalizeForModel } from '../../../lib/triage/model/features';
import { CUES } from '../../../lib/triage/model/grievance';

const cuesOf = (raw: string): Set<string> => {
  const text = normalizeForModel(raw);
  return new Set(CUES.filter((c) => { c.re.lastIndex = 0; return c.re.test(text); }).map((c) => c.name));
};

describe('pointStart', () => {
  it.each([
    ['Love it! But my order is late', 'my order is late'],
    ['Great hotel, however the wifi failed', 'the wifi failed'],
    ['Nice, but ok. But the lid leaks', 'the lid leaks'],
    ['Good app, though the sync is slow', 'the sync is slow'],
    ['Really like it. Tracking shows pending though, ordered on the 3rd.', 'Tracking shows pending though, ordered on the 3rd.'],
    ['Although the food was good, the service was slow', undefined],
    ['I love it even though it was late', undefined],
    ['But why', undefined],
    ['All good, thanks', undefined],
  ])('%s → %s', (text, point) => {
    const at = pointStart(text);
    expect(at < 0 ? undefined : text.slice(at).trim()).toBe(point);
  });
});

describe('pointSignals', () => {
  const signals = (raw: string) => pointSignals(raw, 'en', lexiconSignals(raw));
  it('reads sentiment and praise after a short opening and a contrast', () => {
    const raw = 'Love it! But my order still shows pending';
    expect(lexiconSignals(raw).praise).toBe(true);
    expect(signals(raw).praise).toBe(false);
    expect(signals(raw).sentiment).toBeLessThan(lexiconSignals(raw).sentiment);
  });
  it('keeps the whole post for a long opening, no contrast, or another language', () => {
    const long = 'Love it, the colours are lovely and it arrived in a beautiful box with a handwritten note, but the lid is a bit stiff';
    expect(signals(long)).toEqual(lexiconSignals(long));
    expect(signals('Love it, great colours')).toEqual(lexiconSignals('Love it, great colours'));
    const raw = 'Love it! But my order still shows pending';
    expect(pointSignals(raw, 'other', lexiconSignals(raw))).toEqual(lexiconSignals(raw));
  });
});

describe('unresolved-status cues', () => {
  it.each([
    ['my order still shows "processing"', 'en.unresolved'],
    ['payment still says pending', 'en.unresolved'],
    ['parcel is still in transit', 'en.unresolved'],
    ['tracking still stuck on label created', 'en.unresolved'],
    ['my order from last month', 'en.time'],
    ['I placed my order on March 2 and nothing', 'en.time'],
    ['ordered on the 3rd', 'en.time'],
    ['can someone at @acme check?', 'en.demand'],
    ['could someone look into my refund', 'en.demand'],
    ['can you check on this please', 'en.demand'],
  ])('%s → %s', (text, cue) => {
    expect(cuesOf(text)).toContain(cue);
  });

  it.each([
    ['can someone check if you deliver to Leeds?', 'en.demand'],
    ['can you check it out, new menu is live', 'en.demand'],
    ['still loving it after a month', 'en.unresolved'],
    ['still processing how good that concert was', 'en.unresolved'],
    ['I ordered on a whim and love it', 'en.time'],
  ])('%s is not %s', (text, cue) => {
    expect(cuesOf(text)).not.toContain(cue);
  });
});

/**
 * Calm complaints that open with praise, and praise with a "but" that is no grievance (written for
 * this test; label: a grievance about a product or service). Borderline posts ("Nice update, but I
 * still prefer the old icon") are left out: no verdict on them would be wrong.
 */
describe('shipped model on contrast and unresolved status', () => {
  it.each([
    ['Love it! But my order from last month still shows "processing" — can someone at Acme check? Order 10501'],
    ['Great app, but my payment still says pending after 3 days.'],
    ['Big fan of your coffee, but my subscription box still hasnt arrived this month.'],
    ['You guys are usually fast, but my refund from two weeks ago still isnt showing.'],
    ['Nice headphones, but the left ear stopped working after a week.'],
    ['Love the design, but the charger that came with it doesnt fit.'],
    ['Been a customer for years, but I was charged twice for my last order.'],
    ['Really like the app. Tracking still shows pending though, ordered on the 3rd.'],
    ['Great service as always, but order 4471 still shows awaiting shipment, could someone look into it?'],
    ['Happy with the phone, but the screen protector you sent is the wrong size.'],
    ['Everything else is great, but I still havent received the invoice I asked for.'],
    ['The food was delicious but we waited an hour for it.'],
    ['I placed my order on March 2 and it still says processing. Can someone check on this?'],
    ['Order from last week still not shipped, any update?'],
    ['Lovely packaging, but two of the mugs arrived cracked.'],
    ['Your support team is friendly but nobody has fixed my account yet.'],
    ['Nice update, but the app now crashes when I open settings.'],
    ['Great hotel, however the wifi didnt work in our room all weekend.'],
  ])('%s → complaint', (text) => {
    expect(predictComplaint(text).complaint).toBe(true);
  });

  it.each([
    ['I was nervous about ordering online, but the delivery was quick and everything fit.'],
    ['Took a while to decide, but Im so glad I bought this blender.'],
    ['Not a big coffee drinker, but your new oat latte is amazing.'],
    ['The queue was long but the staff handled it brilliantly, thanks!'],
    ['Expensive, but worth every penny.'],
    ['Had a problem with my login yesterday but your team fixed it in minutes. Thank you!'],
    ['I usually shop elsewhere, but your sale brought me in today. Great finds!'],
    ['Not sure about the colour at first, but it grew on me. Love it.'],
    ['My flight got delayed because of the storm, but the crew were fantastic.'],
    ['Simple question, but when does the Oxford Street store open on Sundays?'],
    ['Long week, but this pizza made it better. Thanks @acme'],
    ['I dont usually write reviews, but this kettle deserves one: boils fast and quiet.'],
    ['Can someone check if you deliver to Leeds?'],
    ['Quick question: does the order page show processing until it ships?'],
    ['Still loving my Acme jacket after 5 years!'],
  ])('%s → not a complaint', (text) => {
    expect(predictComplaint(text).complaint).toBe(false);
  });
});
