/** Customers, their import and how a post author is matched to one. */
import { z } from 'zod';
import { EpochMsSchema, IdSchema } from './primitives';
import { CustomerMatchSchema } from './queue';

// ---------------------------------------------------------------- customers
export const OrderSchema = z.object({
  number: z.string().min(1).max(60),
  date: z.optional(EpochMsSchema),
  total: z.number().optional(),
  status: z.string().max(60).optional(),
});

export const CustomerSchema = z.object({
  id: IdSchema,
  name: z.string().max(300).default(''),
  email: z.string().max(300).default(''),
  /** Lower-case, without '@'. */
  xHandle: z.string().max(120).default(''),
  facebookName: z.string().max(300).default(''),
  facebookUrl: z.string().max(2000).default(''),
  /** Normalised full name for exact-name matching (lib/customers). */
  nameKey: z.string().max(300).default(''),
  orderCount: z.number().int().nonnegative().default(0),
  totalSpent: z.number().nonnegative().default(0),
  currency: z.string().max(10).default(''),
  orderNumbers: z.array(z.string().max(60)).default([]),
  orders: z.array(OrderSchema).default([]),
  notes: z.string().max(5000).default(''),
  tags: z.array(z.string().max(80)).default([]),
  source: z.string().max(60).default('manual'),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
});
export type Customer = z.infer<typeof CustomerSchema>;

// ---------------------------------------------------------------- customer import and matching
/** Customer fields a CSV column can be mapped to (lib/customers/mapping.ts). */
export const CustomerImportFieldSchema = z.enum([
  'name',
  'firstName',
  'lastName',
  'email',
  'xHandle',
  'facebookName',
  'facebookUrl',
  'orderCount',
  'totalSpent',
  'orderNumbers',
  'notes',
  'tags',
]);
export type CustomerImportField = z.infer<typeof CustomerImportFieldSchema>;

/** Field → CSV header it is read from; the user edits this before importing. */
export const CustomerColumnMappingSchema = z.partialRecord(CustomerImportFieldSchema, z.string().max(300));
export type CustomerColumnMapping = z.infer<typeof CustomerColumnMappingSchema>;

export const CustomerCsvFormatSchema = z.enum(['shopify', 'woocommerce', 'custom']);
export type CustomerCsvFormat = z.infer<typeof CustomerCsvFormatSchema>;

/** A CSV row that was not imported: spreadsheet row number (header = row 1), reason code, the value. */
export const ImportRowErrorSchema = z.object({
  row: z.number().int().positive(),
  reason: z.string().min(1).max(60),
  detail: z.string().max(300),
  /** For duplicates: the row that was kept. */
  firstRow: z.number().int().positive().optional(),
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

/** Best match for a post's author plus the other candidates, strongest first. */
export const CustomerMatchResultSchema = z.object({
  match: CustomerMatchSchema.optional(),
  candidates: z.array(CustomerMatchSchema),
});
export type CustomerMatchResult = z.infer<typeof CustomerMatchResultSchema>;
