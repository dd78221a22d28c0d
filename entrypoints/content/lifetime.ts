/**
 * An extension update or reload invalidates this content script: its messages fail, its badges'
 * buttons are dead, and nothing says so. This module notices (a cheap periodic check, and at
 * once when a send fails), stops every feature (they all hang off the one signal), removes what
 * this copy drew, and, unless a fresh copy has taken over the page, shows a notice asking for a
 * reload. The background re-attaches a fresh copy where it can (lib/background/reattach.ts).
 */
import { removeAllBadges } from './badge';

/** Which copy of the content script owns the page now (a newer copy overwrites it). */
export const RUN_ATTR = 'data-replyline-run';
const NOTICE_TAG = 'replyline-notice';
const PRIORITY_ATTR = 'data-replyline-priority';
export const CHECK_EVERY_MS = 3000;

export interface Lifetime {
  /** Ask now whether the extension is still there (e.g. after a failed send). */
  check(): void;
}

export interface LifetimeOptions {
  /** This copy's id (written to RUN_ATTR). */
  runId: string;
  /** Aborted when this copy must stop, for whatever reason. */
  signal: AbortSignal;
  /** True once the extension behind this copy is gone (WXT's `ctx.isInvalid`, which also aborts `signal`). */
  isInvalid(): boolean;
  /** The notice's words, when known. */
  noticeText(): string | undefined;
  /** Repeats `task` every `ms` until the returned function is called. */
  every?: (task: () => void, ms: number) => () => void;
  doc?: Document;
}

const realEvery = (task: () => void, ms: number): (() => void) => {
  const handle = setInterval(task, ms);
  return () => clearInterval(handle);
};

/** Claims the page for this copy: an earlier copy's notice goes, and it will not show one again. */
export function claimPage(doc: Document, runId: string): void {
  doc.documentElement.setAttribute(RUN_ATTR, runId);
  for (const notice of doc.querySelectorAll(NOTICE_TAG)) notice.remove();
}

export function watchLifetime(options: LifetimeOptions): Lifetime {
  const doc = options.doc ?? document;
  const every = options.every ?? realEvery;
  const check = () => {
    if (!options.signal.aborted) options.isInvalid();
  };
  const stopChecking = every(check, CHECK_EVERY_MS);
  options.signal.addEventListener(
    'abort',
    () => {
      stopChecking();
      // A newer copy owns the page (it cleared our badges already): leave its work alone.
      if (doc.documentElement.getAttribute(RUN_ATTR) !== options.runId) return;
      removeAllBadges(doc);
      for (const el of doc.querySelectorAll(`[${PRIORITY_ATTR}]`)) el.removeAttribute(PRIORITY_ATTR);
      if (options.isInvalid()) showNotice(doc, options.noticeText());
    },
    { once: true },
  );
  return { check };
}

const NOTICE_STYLE = `
:host { all: initial; position: fixed; z-index: 2147483647; left: 50%; bottom: 16px; transform: translateX(-50%); width: max-content;
  max-width: min(420px, calc(100vw - 32px)); pointer-events: none; }
.box { font: 13px/18px system-ui, sans-serif; color: #0f1419; background: #fff; border: 1px solid #cfd9de; border-left: 4px solid #f5a623;
  border-radius: 8px; padding: 10px 12px; box-shadow: 0 2px 8px rgba(0,0,0,.15); }
`;

/**
 * A closed shadow root at the foot of the page. Clicks pass through it (it never hides the site's
 * controls), and the reload it asks for removes it.
 */
function showNotice(doc: Document, text: string | undefined): void {
  if (!text || doc.querySelector(NOTICE_TAG)) return;
  const host = doc.createElement(NOTICE_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = NOTICE_STYLE;
  const box = doc.createElement('div');
  box.className = 'box';
  box.setAttribute('role', 'status');
  box.textContent = text;
  root.append(style, box);
  doc.body.append(host);
}
