/**
 * The content script's end of the protocol: only the page messages (lib/pageMessages.ts), so the
 * page's bundle holds neither the panel's schemas nor classic Zod. What the page receives is
 * parsed like what it reads from the DOM: every answer here (lib/pageAnswers.ts, so the inputs
 * the background parses stay out of the bundle), `insertReply` in reply.ts.
 *
 * The background speaks @webext-core/messaging (lib/messages.ts); the page speaks its wire format
 * by hand, which weighs a tenth of the library (tests/unit/content/messaging.test.ts runs both
 * against the real library): a request is `{ id, type, data, timestamp }`, an answer `{ res }`
 * or `{ err: { name, message, stack } }`.
 */
import * as z from 'zod/mini';
import { pageAnswerSchema, type PageAnswer, type PageSentName } from '@/lib/pageAnswers';
import type { PageMessageInput, PageMessageName, PageMessageOutput } from '@/lib/pageMessages';

type Answer = { res: unknown } | { err: { name: string; message: string; stack: string } };
type Listener = (message: { data: unknown }) => Promise<unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

// Ids only label requests in logs; the library starts its own the same way.
let nextId = Math.floor(Math.random() * 1e4);

async function request(type: PageMessageName, data: unknown): Promise<unknown> {
  const answer: unknown = await browser.runtime.sendMessage({ id: nextId++, type, data, timestamp: Date.now() });
  if (!isRecord(answer)) throw new Error('No response');
  if (answer.err != null) throw Object.assign(new Error(), isRecord(answer.err) ? answer.err : { message: String(answer.err) });
  return answer.res;
}

const listeners = new Map<string, Listener>();

function serialiseError(error: unknown): Answer {
  if (error instanceof Error) return { err: { name: error.name, message: error.message, stack: error.stack ?? '' } };
  return { err: { name: 'Error', message: String(error), stack: '' } };
}

/** The one browser listener: answers the messages this page listens for, leaves the rest alone. */
function onRuntimeMessage(message: unknown, _sender: unknown, sendResponse: (answer: Answer) => void): true | undefined {
  if (!isRecord(message) || typeof message.type !== 'string' || typeof message.timestamp !== 'number') return undefined;
  const listener = listeners.get(message.type);
  if (!listener) return undefined;
  listener({ data: message.data }).then(
    (res) => sendResponse({ res }),
    (error: unknown) => sendResponse(serialiseError(error)),
  );
  return true;
}

export const messaging = {
  /** Answers the background's `name` messages; returns the remover. One listener per name. */
  onMessage<N extends PageMessageName>(name: N, listener: (message: { data: unknown }) => Promise<PageMessageOutput<N>>): () => void {
    if (listeners.has(name)) throw new Error(`one listener per message: ${name}`);
    if (listeners.size === 0) browser.runtime.onMessage.addListener(onRuntimeMessage);
    listeners.set(name, listener);
    return () => {
      if (listeners.get(name) !== listener) return;
      listeners.delete(name);
      if (listeners.size === 0) browser.runtime.onMessage.removeListener(onRuntimeMessage);
    };
  },
};

/** Sends to the background (which parses the payload in `handle`) and parses its answer. */
export async function sendMessage<N extends PageSentName>(name: N, data: PageMessageInput<N>): Promise<PageAnswer<N>> {
  return z.parse(pageAnswerSchema(name), await request(name, data));
}

/**
 * `sendMessage` for an answer the caller parses itself, part by part: the scanner's verdicts, most
 * of which name posts a flick has already taken out of the page (only what the page acts on is parsed).
 */
export function sendMessageUnparsed<N extends PageSentName>(name: N, data: PageMessageInput<N>): Promise<unknown> {
  return request(name, data);
}
