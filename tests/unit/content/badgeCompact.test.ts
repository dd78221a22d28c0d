// @vitest-environment happy-dom
/**
 * The compact badge: the priority as one button named by the full label; the rest opens below it
 * on click or Enter and closes on Escape or when focus leaves the badge.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { makeCompact } from '@/entrypoints/content/badgeCompact';

function draw() {
  document.body.innerHTML = '';
  const post = document.createElement('div');
  const outside = document.createElement('button');
  const badge = document.createElement('span');
  const dot = document.createElement('span');
  const score = document.createElement('span');
  score.textContent = '72';
  const rest = document.createElement('span');
  const add = document.createElement('button');
  add.textContent = 'В очередь';
  rest.append(add);
  badge.append(dot, score, rest);
  post.append(badge);
  document.body.append(post, outside);
  makeCompact({ badge, mark: [dot, score], rest, post, name: 'Replyline — приоритет 72', tooltip: 'Replyline — приоритет 72\nВысокий приоритет\nAcme' });
  const toggle = badge.querySelector('button.mark');
  if (!(toggle instanceof HTMLButtonElement)) throw new Error('no toggle');
  return { badge, toggle, add, outside };
}

describe('makeCompact', () => {
  let parts: ReturnType<typeof draw>;
  beforeEach(() => {
    parts = draw();
  });

  it('makes the dot and the number one button named by the full label, with the label in its tooltip', () => {
    const { badge, toggle } = parts;
    expect(badge.classList.contains('compact')).toBe(true);
    expect(badge.firstElementChild).toBe(toggle);
    expect(toggle.textContent).toBe('72');
    expect(toggle.getAttribute('aria-label')).toBe('Replyline — приоритет 72');
    expect(toggle.title.split('\n')).toEqual(['Replyline — приоритет 72', 'Высокий приоритет', 'Acme']);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('opens on click without the click reaching the page, and closes on a second click', () => {
    const { badge, toggle } = parts;
    let reached = 0;
    document.body.addEventListener('click', () => reached++);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    toggle.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(reached).toBe(0);
    expect(badge.classList.contains('open')).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    toggle.click();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('closes on Escape and keeps the focus on its button', () => {
    const { badge, toggle, add } = parts;
    toggle.click();
    add.focus();
    add.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(badge.classList.contains('open')).toBe(false);
    expect(document.activeElement).toBe(toggle);
  });

  it('stays open while focus moves inside it, and closes when focus leaves', () => {
    const { badge, toggle, add, outside } = parts;
    toggle.focus();
    toggle.click();
    add.focus();
    expect(badge.classList.contains('open')).toBe(true);
    outside.focus();
    expect(badge.classList.contains('open')).toBe(false);
  });

  it('turns back into the whole badge, its listeners gone', () => {
    document.body.innerHTML = '';
    const post = document.createElement('div');
    const badge = document.createElement('span');
    const [dot, score, rest] = [document.createElement('span'), document.createElement('span'), document.createElement('span')];
    badge.append(dot, score, rest);
    post.append(badge);
    document.body.append(post);
    const undo = makeCompact({ badge, mark: [dot, score], rest, post, name: 'n', tooltip: 't' });
    const toggle = badge.querySelector('button');
    undo();
    expect([...badge.children]).toEqual([dot, score, rest]);
    expect(badge.className).toBe('');
    toggle?.click();
    expect(badge.classList.contains('open')).toBe(false);
  });
});
