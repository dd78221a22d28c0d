import { describe, expect, it } from 'vitest';
import { BrandProfileSchema } from '../../../lib/schemas/settings';
import { scorePost } from '../../../lib/triage/score';
import { dueAt, formatDuration } from '../../../lib/triage/waiting';

const profile = BrandProfileSchema.parse({ id: 'acme', name: 'Acme', handles: ['acme'], createdAt: 0, updatedAt: 0 });
// 2026-11-20 is a Friday; default hours are Mon–Fri 09:00–17:00 UTC, target 60 min.
const fridayEvening = Date.UTC(2026, 10, 20, 18, 0);
const mondayTen = Date.UTC(2026, 10, 23, 10, 0);

describe('dueAt', () => {
  it('a Friday-evening post is due Monday 10:00 (1 business hour after opening)', () => {
    expect(dueAt({ createdAt: fridayEvening }, profile)).toBe(mondayTen);
  });

  it('a Monday 09:30 post is due 10:30', () => {
    expect(dueAt({ createdAt: Date.UTC(2026, 10, 23, 9, 30) }, profile)).toBe(Date.UTC(2026, 10, 23, 10, 30));
  });

  it('is undefined without a post time', () => {
    expect(dueAt({}, profile)).toBeUndefined();
  });
});

describe('waiting reason', () => {
  const text = '@acme where is my parcel?';
  const reason = (now: number) => scorePost({ text, createdAt: fridayEvening }, profile, { now }).reasons.find((r) => r.code === 'waiting' || r.code === 'overdue');

  it('does not count the weekend', () => {
    expect(reason(Date.UTC(2026, 10, 22, 23, 0))).toBeUndefined();
  });

  it('rises towards the due time and is full once overdue', () => {
    const half = reason(Date.UTC(2026, 10, 23, 9, 30));
    const late = reason(Date.UTC(2026, 10, 23, 12, 10));
    expect(half).toMatchObject({ code: 'waiting', detail: 'waiting 30 min, SLA 1 h' });
    expect(late).toMatchObject({ code: 'overdue', points: profile.weights.waiting, detail: 'waiting 3 h 10 min, SLA 1 h, overdue' });
    expect(late?.points ?? 0).toBeGreaterThan(half?.points ?? 0);
  });

  it('puts dueAt on the result', () => {
    expect(scorePost({ text, createdAt: fridayEvening }, profile, { now: fridayEvening }).dueAt).toBe(mondayTen);
  });
});

describe('formatDuration', () => {
  it.each([
    [45 * 60_000, '45 min'],
    [3 * 3_600_000, '3 h'],
    [(3 * 60 + 10) * 60_000, '3 h 10 min'],
    [(2 * 24 + 4) * 3_600_000, '2 d 4 h'],
  ])('%d ms → %s', (ms, s) => {
    expect(formatDuration(ms)).toBe(s);
  });
});
