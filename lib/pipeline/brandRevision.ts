/**
 * How content scripts hear about brand changes: the background publishes `brandsRevision` under
 * this storage.local key (lib/background/brandRevision.ts); content scripts listen for it.
 */
import type { BrandProfile } from '../schemas/settings';

export const BRANDS_REVISION_KEY = 'replylineBrandsRevision';

/** Changes whenever a brand is added, edited or deleted. */
export function brandsRevision(brands: readonly Pick<BrandProfile, 'id' | 'updatedAt'>[]): string {
  return brands
    .map((b) => `${b.id}@${b.updatedAt}`)
    .sort()
    .join('|');
}
