/** The profile used when no brand is configured (CLI without --brand, first run). */
import { type BrandProfile, BrandProfileSchema } from '../schemas/settings';

/** Parse a partial brand JSON, filling every missing field with the schema's defaults. */
export function defaultTriageProfile(partial: unknown = {}): BrandProfile {
  const base = { id: 'default', name: 'Brand', createdAt: 0, updatedAt: 0 };
  const obj = typeof partial === 'object' && partial !== null ? partial : {};
  return BrandProfileSchema.parse({ ...base, ...obj });
}
