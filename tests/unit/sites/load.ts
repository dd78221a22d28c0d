/** Loads one of our own HTML fixtures into a fresh happy-dom window at a given page URL. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

export function loadFixture(site: 'x' | 'facebook', name: string, url: string): Document {
  return loadHtml(readFileSync(resolve(FIXTURES, site, name), 'utf8'), url);
}

/** `html` as the body of a fresh happy-dom window at `url`. */
export function loadHtml(html: string, url: string): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  window.document.body.innerHTML = html;
  // happy-dom's Document implements the DOM Document interface our adapters take.
  const doc: unknown = window.document;
  if (!isDocument(doc)) throw new Error('not a document');
  return doc;
}

function isDocument(value: unknown): value is Document {
  return typeof value === 'object' && value !== null && 'querySelectorAll' in value && 'body' in value;
}

export function byId(doc: Document, id: string): Element {
  const el = doc.getElementById(id);
  if (!el) throw new Error(`fixture has no #${id}`);
  return el;
}
