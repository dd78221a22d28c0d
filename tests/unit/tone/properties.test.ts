import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ToneRulesSchema, type ToneCheckId } from '../../../lib/schemas/settings';
import { ToneFindingSchema } from '../../../lib/schemas/templates';
import { checkTone } from '../../../lib/tone';

const ALL: ToneCheckId[] = ['bannedPhrases', 'preferredPhrases', 'overPromising', 'greeting', 'signOff', 'emoji', 'empathy', 'privateDetails', 'repetition'];
const words = ['sorry', 'guaranteed', 'your email', 'DM', 'Hi', 'Dear', '🙂', '保证', '订单号', 'гарантируем', 'ЛС', '100%', ' ', ', ', '\n'];
const text = fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 5 })), { maxLength: 12 }).map((p) => p.join(''));

describe('checkTone properties', () => {
  it('never throws; ranges are inside the text; phrase findings highlight something', () => {
    const rules = ToneRulesSchema.parse({
      enabled: ALL,
      bannedPhrases: ['[', 'a*', '.'],
      preferredPhrases: [{ avoid: '(', prefer: 'x' }],
      bannedGreetings: ['dear'],
      greetingRequired: true,
      signOff: '^JD',
      emojiPolicy: 'never',
    });
    fc.assert(
      fc.property(text, fc.boolean(), (t, complaint) => {
        const findings = checkTone(t, { rules, postIsComplaint: complaint, previousReplies: [{ text: t, toAuthor: 'a', at: 0 }], author: 'a', now: 1 });
        for (const f of findings) {
          expect(ToneFindingSchema.safeParse(f).success).toBe(true);
          expect(f.start).toBeLessThanOrEqual(f.end);
          expect(f.end).toBeLessThanOrEqual(t.length);
          if (['bannedPhrases', 'preferredPhrases', 'overPromising', 'emoji', 'privateDetails'].includes(f.check)) {
            expect(f.end).toBeGreaterThan(f.start);
          }
        }
      }),
      { numRuns: 150 },
    );
  }, 30_000); // generous: CI machines here are shared and slow
});
