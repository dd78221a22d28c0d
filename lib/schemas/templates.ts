/** Reply templates, tone notes and the checks and renders built on them. */
import { z } from 'zod';
import { EpochMsSchema, IdSchema } from './primitives';
import { ToneCheckIdSchema } from './settings';

// ---------------------------------------------------------------- templates and tone
export const TemplateSchema = z.object({
  id: IdSchema,
  shortCode: z.string().trim().min(1).max(40),
  title: z.string().trim().min(1).max(200),
  scope: z.enum(['personal', 'shared']),
  /** Agent who owns a personal template. */
  owner: z.string().max(120).default(''),
  brandId: z.optional(IdSchema),
  /** Alternative wordings; the panel rotates among them. */
  bodies: z.array(z.string().min(1).max(5000)).min(1),
  /** Per-site alternatives that replace `bodies` on that site. */
  siteBodies: z.object({ x: z.array(z.string().max(5000)).optional(), facebook: z.array(z.string().max(5000)).optional() }).default({}),
  tags: z.array(z.string().max(80)).default([]),
  useCount: z.number().int().nonnegative().default(0),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
});
export type Template = z.infer<typeof TemplateSchema>;

export const ToneNoteSchema = z.object({
  id: IdSchema,
  brandId: IdSchema,
  /** Empty for brand-wide notes, the agent's name for personal ones. */
  agent: z.string().max(120).default(''),
  text: z.string().trim().min(1).max(1000),
  createdAt: EpochMsSchema,
});
export type ToneNote = z.infer<typeof ToneNoteSchema>;

// ---------------------------------------------------------------- templates and tone (render, length, findings)
/** What a template may read. Every field optional: a missing value blocks rendering, never a blank. */
export const TemplateContextSchema = z.object({
  customer: z
    .object({
      name: z.string().max(300).optional(),
      firstName: z.string().max(300).optional(),
      email: z.string().max(300).optional(),
    })
    .optional(),
  order: z.object({ number: z.string().max(60).optional(), status: z.string().max(60).optional() }).optional(),
  agent: z.object({ name: z.string().max(120).optional(), initials: z.string().max(20).optional() }).optional(),
  post: z.object({ authorHandle: z.string().max(120).optional(), authorName: z.string().max(300).optional() }).optional(),
  brand: z.object({ name: z.string().max(120).optional(), supportEmail: z.string().max(200).optional() }).optional(),
});
export type TemplateContext = z.infer<typeof TemplateContextSchema>;

/** `start`/`end` are UTF-16 offsets into the template body that was rendered. */
export const TemplateSpanSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export const MissingVariableSchema = TemplateSpanSchema.extend({ variable: z.string() });
export const TemplatePromptSchema = TemplateSpanSchema.extend({ label: z.string(), answered: z.boolean() });
export const TemplateErrorSchema = TemplateSpanSchema.extend({
  code: z.enum(['unknownVariable', 'malformed', 'emptyPrompt']),
  detail: z.string().max(300),
});
export type MissingVariable = z.infer<typeof MissingVariableSchema>;
export type TemplatePrompt = z.infer<typeof TemplatePromptSchema>;
export type TemplateError = z.infer<typeof TemplateErrorSchema>;

export const RenderResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    text: z.string(),
    variantIndex: z.number().int().nonnegative(),
    variantCount: z.number().int().positive(),
    prompts: z.array(TemplatePromptSchema),
  }),
  z.object({
    ok: z.literal(false),
    variantIndex: z.number().int().nonnegative(),
    variantCount: z.number().int().positive(),
    missing: z.array(MissingVariableSchema),
    prompts: z.array(TemplatePromptSchema),
    errors: z.array(TemplateErrorSchema),
  }),
]);
export type RenderResult = z.infer<typeof RenderResultSchema>;

export const LengthBudgetSchema = z.object({
  used: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  remaining: z.number().int(),
  over: z.boolean(),
});
export type LengthBudget = z.infer<typeof LengthBudgetSchema>;

export const ToneFindingSchema = z.object({
  check: ToneCheckIdSchema,
  /** UTF-16 range of the offending words in the reply; empty range at 0 for whole-text findings. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  blocking: z.boolean(),
  /** i18n key suffix, e.g. `tone.overPromise`; the UI translates with `params`. */
  code: z.string().min(1).max(60),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type ToneFinding = z.infer<typeof ToneFindingSchema>;

/** A reply already sent, as the repetition check needs it (from the reply log). */
export const PreviousReplySchema = z.object({ text: z.string(), toAuthor: z.string(), at: EpochMsSchema });
export type PreviousReply = z.infer<typeof PreviousReplySchema>;
