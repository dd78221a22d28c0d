/**
 * The badge's compact form, for posts with no room for the whole badge beside the author (see
 * badgeFit.ts): the priority dot and number as one button, named by the full label and with it in
 * its tooltip; the term and the queue and open buttons wait behind it. Opened (click, Enter or
 * Space) they show below it as a small menu, over the post only while the agent asks for them;
 * Escape or focus leaving the badge closes it.
 */
import { FIT_PAD } from './badgeFit';

export interface CompactParts {
  badge: HTMLElement;
  /** The dot and the number: they become the button's content. */
  mark: HTMLElement[];
  rest: HTMLElement;
  post: Element;
  /** The badge's accessible name ("Replyline — priority 72"). */
  name: string;
  tooltip: string;
}

/** Returns what turns it back into the whole badge (the window grew: badgeFit.ts fits it again). */
export function makeCompact({ badge, mark, rest, post, name, tooltip }: CompactParts): () => void {
  const listening = new AbortController();
  const { signal } = listening;
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'mark';
  toggle.setAttribute('aria-label', name);
  toggle.setAttribute('aria-expanded', 'false');
  toggle.title = tooltip;
  toggle.append(...mark);
  badge.prepend(toggle);
  badge.classList.add('compact');

  const setOpen = (open: boolean): void => {
    if (open) placeMenu(badge, rest, post);
    badge.classList.toggle('open', open);
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener(
    'click',
    (event) => {
      // X opens the post on any click inside the article; a Facebook comment's badge sits in its author link.
      event.stopPropagation();
      event.preventDefault();
      setOpen(!badge.classList.contains('open'));
    },
    { signal },
  );
  badge.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || !badge.classList.contains('open')) return;
      event.stopPropagation();
      setOpen(false);
      toggle.focus();
    },
    { signal },
  );
  badge.addEventListener(
    'focusout',
    (event) => {
      const next = event.relatedTarget;
      if (!(next instanceof Node && badge.contains(next))) setOpen(false);
    },
    { signal },
  );
  return () => {
    listening.abort();
    badge.classList.remove('compact', 'open', 'from-left');
    rest.style.removeProperty('max-width');
    toggle.replaceWith(...mark);
  };
}

/**
 * The menu opens toward the side of the post with more room and wraps to it: read on the agent's
 * click, the only time these boxes are needed.
 */
function placeMenu(badge: HTMLElement, rest: HTMLElement, post: Element): void {
  const own = badge.getBoundingClientRect();
  const box = post.getBoundingClientRect();
  const right = Math.min(box.right, document.documentElement.clientWidth) - FIT_PAD;
  const left = box.left + FIT_PAD;
  const fromLeft = right - own.left > own.right - left;
  badge.classList.toggle('from-left', fromLeft);
  rest.style.maxWidth = `${Math.max(0, Math.floor(fromLeft ? right - own.left : own.right - left))}px`;
}
