/**
 * The page's part of the protocol (lib/pageMessages.ts) is defined once and spread into the one
 * registry, and everything a content script sends is parsed on receipt by the background's
 * `handle()` (lib/messages.ts), which is the only way lib/background answers a message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedSenders, messageSchemas, parseMessage } from '@/lib/messages';
import { pageAnswerSchemas } from '@/lib/pageAnswers';
import { pageMessageSchemas, type PageMessageName } from '@/lib/pageMessages';

const pageNames = Object.keys(pageMessageSchemas).filter((n): n is PageMessageName => n in pageMessageSchemas);
const sentByPages = pageNames.filter((n) => allowedSenders(n).includes('content'));

const BACKGROUND = resolve(__dirname, '../../../lib/background');
const backgroundSource = readdirSync(BACKGROUND)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(resolve(BACKGROUND, f), 'utf8'))
  .join('\n');

describe('page messages', () => {
  it.each(pageNames)('%s is the registry entry itself (one definition)', (name) => {
    expect(messageSchemas[name]).toBe(pageMessageSchemas[name]);
  });

  it('are every message a content script may send, plus the reply it is sent', () => {
    const all = Object.keys(messageSchemas).filter((n): n is keyof typeof messageSchemas => n in messageSchemas);
    expect(all.filter((n) => allowedSenders(n).includes('content')).sort()).toEqual([...sentByPages].sort());
    expect(pageNames.filter((n) => !sentByPages.includes(n))).toEqual(['insertReply']);
  });

  it.each(sentByPages)("%s's answer is the one the page parses (lib/pageAnswers.ts)", (name) => {
    expect(pageMessageSchemas[name].output).toBe(Reflect.get(pageAnswerSchemas, name));
  });

  it('the page parses answers only to what it sends', () => {
    expect(Object.keys(pageAnswerSchemas).sort()).toEqual([...sentByPages].sort());
  });

  it.each(sentByPages)('%s is answered through handle(), which parses it first', (name) => {
    expect(backgroundSource).toContain(`handle('${name}'`);
  });

  it('lib/background answers no message without handle()', () => {
    expect(backgroundSource).not.toMatch(/\.onMessage\(|onMessage\.addListener/);
  });

  it.each([
    ['postsSeen', { page: { site: 'x', pageKind: 'home', url: 'https://x.com/' }, posts: [], recognised: -1, candidates: 0, extractionFailures: 0 }],
    ['queueAdd', { key: 'x:' }],
    ['replySent', { key: 'x:1', text: 'hi', sentAt: 1, replyUrl: 'javascript:alert(1)' }],
    ['brandRepliesSeen', { key: 'x:1', replies: [{ handle: 'a', postId: 'x'.repeat(201) }] }],
    ['profileStatsSeen', { site: 'myspace', stats: [] }],
  ] as const)('the background refuses a malformed %s', (name, data) => {
    expect(() => parseMessage(name, data)).toThrow();
  });
});
