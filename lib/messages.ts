/**
 * The one typed messaging protocol between content scripts, the background and the panels.
 * Each message has a Zod schema for its payload and its answer; the background parses every
 * payload before acting (see `handle`), so an invalid message is rejected and never written.
 *
 * To add a message: add an entry to `messageSchemas`; the ProtocolMap type follows from it.
 * Senders: a message is accepted from extension pages (panel, review page) only, unless its entry
 * says `from: CONTENT` (or both kinds): content scripts run beside hostile pages, so they get
 * only what the in-page features need (checked in `handle` from the browser's sender record).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from 'zod';
import { CustomerSchema, CustomerImportFieldSchema } from './schemas/customers';
import { IdSchema, PostKeySchema } from './schemas/primitives';
import { QueueStateSchema } from './schemas/queue';
import { InsertResultSchema, ReplyContextSchema } from './schemas/replies';
import { GoalSchema } from './schemas/review';
import { AgentSettingsSchema, BrandProfileSchema, ToneRulesSchema } from './schemas/settings';
import { TemplateSchema, ToneNoteSchema } from './schemas/templates';

import { OkSchema as Ok, pageMessageSchemas, ReplyTextSchema, type SenderKind } from './pageMessages';
import { MAX_PARTS, PART_CHARS } from './review/upload';
import { teamMessageSchemas } from './team/messageSchemas';

export { PageRefSchema, PostVerdictSchema, type PageRef, type PostVerdict, type SenderKind } from './pageMessages';

/** Without `from`, a message is panel-only: forgetting the field never opens a door. */
export const DEFAULT_SENDERS: readonly SenderKind[] = ['extension'];

/** What a log-bundle import did, per file and in total (lib/db/review.ts). */
export const ReviewImportResultSchema = z.object({
  files: z.array(
    z.object({
      name: z.string(),
      ok: z.boolean(),
      agent: z.string().optional(),
      entries: z.number().int().optional(),
      mentions: z.number().int().optional(),
      goals: z.number().int().optional(),
      error: z
        .object({
          code: z.string(),
          message: z.string(),
          issues: z.array(z.object({ path: z.string(), rowId: z.string().optional(), problem: z.string() })),
          version: z.number().optional(),
        })
        .optional(),
      duplicates: z.object({ ids: z.array(z.string()), total: z.number().int() }).optional(),
      conflicts: z.array(z.object({ id: z.string(), owner: z.string(), claimedBy: z.string() })).optional(),
      conflictCount: z.number().int().optional(),
    }),
  ),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ReviewImportResult = z.infer<typeof ReviewImportResultSchema>;

export const messageSchemas = {
  /** The messages content scripts exchange with the background (zod/mini, lib/pageMessages.ts). */
  ...pageMessageSchemas,
  /** Panel → background: move a queue item to another state. */
  queueSetState: {
    input: z.object({
      key: PostKeySchema,
      state: QueueStateSchema,
      snoozedUntil: z.number().int().nonnegative().optional(),
      note: z.string().max(2000).optional(),
      dismissReason: z.string().max(300).optional(),
      /** Escalation: the colleague it goes to. */
      assignedAgent: z.string().max(120).optional(),
      /** "Follow up at" reminder, e.g. after a reply that promised to come back. */
      followUpAt: z.number().int().nonnegative().optional(),
    }),
    output: Ok,
  },
  /** Panel → background: set a follow-up reminder, or clear it ("Done") with no time. */
  queueFollowUp: { input: z.object({ key: PostKeySchema, followUpAt: z.number().int().nonnegative().optional() }), output: Ok },
  /** Panel → background: wake snoozed items whose time has come (also runs on a timer). */
  queueWake: { input: z.object({}).optional(), output: z.object({ woken: z.number().int().nonnegative() }) },
  /** Panel → background: re-score a brand's open items with its current triage settings. */
  queueRerank: { input: z.object({ brandId: IdSchema }), output: z.object({ rescored: z.number().int().nonnegative() }) },
  brandSave: { input: BrandProfileSchema, output: Ok },
  brandDelete: { input: z.object({ id: IdSchema }), output: Ok },
  /** Panel → background: load the demo brand, customers and templates. */
  demoLoad: { input: z.object({}).optional(), output: Ok },
  settingsSave: { input: AgentSettingsSchema.omit({ id: true, updatedAt: true }).partial(), output: Ok },
  /** Panel → background: write this reply into the post's reply box in the tab showing it. */
  replyInsert: {
    input: z.object({ ...ReplyContextSchema.shape, key: PostKeySchema, text: ReplyTextSchema }),
    output: InsertResultSchema,
  },
  /** Panel → background: create or update a template (`duplicateCode` when the short code is taken). */
  templateSave: { input: TemplateSchema, output: z.object({ ok: z.boolean(), error: z.enum(['duplicateCode']).optional() }) },
  templateDelete: { input: z.object({ id: IdSchema }), output: Ok },
  /** Panel → background: these templates reached the reply box (use counts rank search). */
  templateUsed: { input: z.object({ ids: z.array(IdSchema).min(1).max(20) }), output: Ok },
  toneNoteSave: { input: ToneNoteSchema, output: Ok },
  toneNoteDelete: { input: z.object({ id: IdSchema }), output: Ok },
  toneRulesSave: { input: z.object({ brandId: IdSchema, toneRules: ToneRulesSchema }), output: Ok },
  /** Panel → background: stage a chunk of a customer import in memory (nothing is written yet). */
  customersImportStage: {
    input: z.object({ importId: z.string().min(1).max(80), customers: z.array(CustomerSchema).max(5000) }),
    output: z.object({ staged: z.number().int().nonnegative() }),
  },
  /** Panel → background: write every staged customer in ONE transaction (the user confirmed). */
  customersImportCommit: {
    input: z.object({ importId: z.string().min(1).max(80), fields: z.array(CustomerImportFieldSchema).max(20), expected: z.number().int().nonnegative() }),
    output: z.object({ added: z.number().int().nonnegative(), updated: z.number().int().nonnegative() }),
  },
  /** Panel → background: forget a staged import. */
  customersImportCancel: { input: z.object({ importId: z.string().min(1).max(80) }), output: Ok },
  /** Panel → background: add a customer by hand, or save an edited one. */
  customerSave: { input: CustomerSchema, output: z.object({ id: IdSchema }) },
  customerNotesSave: {
    input: z.object({ id: IdSchema, notes: z.string().max(5000).optional(), tags: z.array(z.string().trim().min(1).max(80)).max(200).optional() }),
    output: Ok,
  },
  customerDelete: { input: z.object({ id: IdSchema }), output: Ok },
  /** Panel → background: the agent links a queue item to a customer (manual, confidence 1) and it is re-scored. */
  queueLinkCustomer: { input: z.object({ key: PostKeySchema, customerId: IdSchema }), output: Ok },
  /** Panel → background: "Unlink" / "Not this person"; automatic matching stays off for the item. */
  queueUnlinkCustomer: { input: z.object({ key: PostKeySchema }), output: Ok },
  /** Review page → background: one part of a big bundle's text (lib/review/upload.ts). */
  reviewUploadPart: {
    input: z.object({ uploadId: z.string().min(1).max(80), index: z.number().int().nonnegative().max(MAX_PARTS), text: z.string().max(PART_CHARS) }),
    output: Ok,
  },
  /**
   * Review page → background: import agents' log bundles, one transaction. Each file is its JSON
   * text, or the id and part count of an upload sent before in parts.
   */
  reviewImport: {
    input: z.object({
      files: z
        .array(
          z.union([
            z.object({ name: z.string().max(500), text: z.string().max(PART_CHARS) }),
            z.object({ name: z.string().max(500), uploadId: z.string().min(1).max(80), parts: z.number().int().min(1).max(MAX_PARTS) }),
          ]),
        )
        .min(1)
        .max(200),
    }),
    output: ReviewImportResultSchema,
  },
  /** Review page → background: create or edit a team goal (OKR). */
  goalSave: { input: GoalSchema, output: Ok },
  /** Review page → background: delete a team goal. */
  goalDelete: { input: z.object({ id: IdSchema }), output: Ok },
  /** Team mode (panel only): join/leave, claims, assignment, shift, leads' tools. */
  ...teamMessageSchemas,
} as const;

type Schemas = typeof messageSchemas;
export type MessageName = keyof Schemas;
export type MessageInput<N extends MessageName> = z.input<Schemas[N]['input']>;
export type MessageOutput<N extends MessageName> = z.infer<Schemas[N]['output']>;

type ProtocolMap = { [N in MessageName]: (data: MessageInput<N>) => MessageOutput<N> };

export const messaging = defineExtensionMessaging<ProtocolMap>();
export const { sendMessage } = messaging;

type InputOf<N extends MessageName> = z.infer<Schemas[N]['input']>;

/** The schema a message's payload must satisfy (typed per message name; classic or zod/mini). */
function inputSchema<N extends MessageName>(name: N): z.core.$ZodType<InputOf<N>> {
  // The registry is the source of both the schema and the type, so this only restores the link
  // TypeScript loses when indexing a union of schemas by a generic key.
  return messageSchemas[name].input as unknown as z.core.$ZodType<InputOf<N>>;
}

/** The browser's record of who sent a message (set by the browser, not by the sender). */
export interface RawSender {
  tab?: { id?: number };
  url?: string;
}

/** The raw listener shape: payloads arrive as `unknown` and are parsed before use. */
type RawListener = (message: { data: unknown; sender: RawSender }) => Promise<unknown>;
const onRawMessage = messaging.onMessage as unknown as (name: MessageName, listener: RawListener) => () => void;

interface RegistryEntry {
  from?: readonly SenderKind[];
  input: z.core.$ZodType;
  output: z.core.$ZodType;
}

/** The kinds of sender a message is accepted from (`DEFAULT_SENDERS` when its entry names none). */
export function allowedSenders(name: MessageName): readonly SenderKind[] {
  const entry: RegistryEntry = messageSchemas[name];
  return entry.from ?? DEFAULT_SENDERS;
}

/**
 * Extension pages have the extension's own origin (the review page also has a tab); a content
 * script has a tab and the site's URL. Anything else (no URL) is nobody we answer.
 */
export function senderKind(sender: RawSender, extensionOrigin: string): SenderKind | undefined {
  if (sender.url === undefined) return undefined;
  if (sender.url.startsWith(extensionOrigin)) return 'extension';
  return sender.tab !== undefined ? 'content' : undefined;
}

/** Checks that the sender may send `name`; throws (the sender's promise rejects) when not. */
export function assertSender(name: MessageName, sender: RawSender, extensionOrigin: string): void {
  const kind = senderKind(sender, extensionOrigin);
  if (kind === undefined || !allowedSenders(name).includes(kind)) {
    throw new Error(`${name} is not accepted from ${kind === 'content' ? 'a page' : 'this sender'}`);
  }
}

/** Set once by the background: runs before each handler and turns its errors into the ones sent back. */
export interface HandlerGuard {
  before?: () => void;
  mapError?: (error: unknown) => unknown;
}
let guard: HandlerGuard = {};
export function guardHandlers(next: HandlerGuard): void {
  guard = next;
}

/**
 * Registers a background handler that checks the sender and parses the payload first. A refused
 * sender or a payload that fails its schema throws (the sender's promise rejects with the reason);
 * nothing reaches the handler.
 */
export function handle<N extends MessageName>(
  name: N,
  handler: (data: InputOf<N>, sender: { tabId?: number; url?: string }) => Promise<MessageOutput<N>>,
): () => void {
  const schema = inputSchema(name);
  return onRawMessage(name, async (message) => {
    assertSender(name, message.sender, browser.runtime.getURL('/'));
    const parsed = z.safeParse(schema, message.data);
    if (!parsed.success) throw new Error(`Invalid ${name} message: ${z.prettifyError(parsed.error)}`);
    guard.before?.();
    try {
      return await handler(parsed.data, { tabId: message.sender.tab?.id, url: message.sender.url });
    } catch (error) {
      const sent = guard.mapError ? guard.mapError(error) : error;
      // Named, so the page can say what was not saved (the field travels with the error).
      if (typeof sent === 'object' && sent !== null && Object.isExtensible(sent)) Reflect.set(sent, 'request', name);
      throw sent;
    }
  });
}

/** Parses a payload against a message's schema without sending it (used by tests and senders). */
export function parseMessage<N extends MessageName>(name: N, data: unknown): InputOf<N> {
  return z.parse(inputSchema(name), data);
}
