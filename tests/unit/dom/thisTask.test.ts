// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { thisTask } from '@/lib/dom/thisTask';

describe('thisTask', () => {
  it('answers from the first read within a task, and reads again once the task is over', async () => {
    const el = document.createElement('div');
    let reads = 0;
    const memo = thisTask<number>();
    const read = () => ++reads;
    expect([memo.get(el, read), memo.get(el, read), memo.get(document.createElement('p'), read)]).toEqual([1, 1, 2]);
    await Promise.resolve(); // the microtask that ends the task's answers
    expect(memo.get(el, read)).toBe(3);
  });
});
