/**
 * Where a badge goes, from the boxes the browser laid out: the whole badge where it fits beside
 * the author line, else the compact one (priority only), else the compact one holding its own
 * width in the line. Boxes in px, viewport coordinates; the badge starts 8 px right of its host.
 */
import { describe, expect, it } from 'vitest';
import { fitMode, type FitBoxes, type FitMode } from '@/entrypoints/content/badgeFit';

/** A post from `left` to `right`; the host at `host`; a full badge `full` px wide whose number ends `numberEnd` px in, with 7 px of padding and border. */
function boxes(post: [number, number], host: number, full: number, numberEnd = 30, viewportRight = 1280): FitBoxes {
  const left = host + 8;
  return {
    post: { left: post[0], right: post[1], width: post[1] - post[0] },
    host: { left: host },
    badge: { left, right: left + full, top: 0, bottom: 18 },
    score: { right: left + numberEnd },
    last: { right: left + full - 7 },
    viewportRight,
  };
}

/** A control from `left` to `right`, 20 px tall from `top` (the badge is 0–18). */
function control(left: number, right: number, top = 0): { left: number; right: number; top: number; bottom: number } {
  return { left, right, top, bottom: top + 20 };
}

describe('fitMode', () => {
  it.each<[string, FitBoxes, FitMode | null]>([
    ['room for the whole badge', boxes([0, 600], 100, 250), { kind: 'full' }],
    ['the whole badge ends exactly 4 px inside', boxes([0, 362], 100, 250), { kind: 'full' }],
    ['one px short: compact', boxes([0, 361], 100, 250), { kind: 'compact' }],
    ['room for the number only', boxes([0, 200], 100, 250), { kind: 'compact' }],
    // 8 px offset + 30 px to the number + 7 px padding and border = 45 px, rounded up.
    ['no room even for the number: it holds its width', boxes([0, 140], 100, 250), { kind: 'reserve', width: 45 }],
    ['the viewport cuts the post (a fixed-width page in a narrow window)', boxes([0, 600], 100, 250, 30, 300), { kind: 'compact' }],
    ['a three-digit number measured wider', boxes([0, 150], 100, 250, 40), { kind: 'reserve', width: 55 }],
    // The site's own control (X's "More" menu) at the end of the author line is an edge like the post's.
    ['a control where the whole badge would end: compact', { ...boxes([0, 600], 100, 250), ends: [control(300, 334)] }, { kind: 'compact' }],
    ['a control right after the name: it holds its width', { ...boxes([0, 600], 100, 250), ends: [control(140, 174)] }, { kind: 'reserve', width: 45 }],
    ['the whole badge ends exactly 4 px before the control', { ...boxes([0, 600], 100, 250), ends: [control(362, 396)] }, { kind: 'full' }],
    ['a control below the badge (another line) does not count', { ...boxes([0, 600], 100, 250), ends: [control(140, 174, 20)] }, { kind: 'full' }],
    ['a control left of the badge does not count', { ...boxes([0, 600], 100, 250), ends: [control(40, 100)] }, { kind: 'full' }],
    ['a control not laid out (no width) does not count', { ...boxes([0, 600], 100, 250), ends: [control(140, 140)] }, { kind: 'full' }],
    ['the nearest of two controls counts', { ...boxes([0, 600], 100, 250), ends: [control(400, 434), control(300, 334)] }, { kind: 'compact' }],
    ['a post not laid out (hidden): nothing to fit', { ...boxes([0, 600], 100, 250), post: { left: 0, right: 0, width: 0 } }, null],
  ])('%s', (_what, input, expected) => {
    expect(fitMode(input)).toEqual(expected);
  });
});
