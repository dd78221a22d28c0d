import { BrandProfileSchema, type BrandProfile } from '../../../lib/schemas/settings';

type Lists = Partial<Pick<BrandProfile, 'handles' | 'names' | 'products' | 'hashtags' | 'misspellings' | 'exclusions'>>;

export function profile(id: string, lists: Lists): BrandProfile {
  return BrandProfileSchema.parse({ id, name: id, createdAt: 0, updatedAt: 0, ...lists });
}

export const acme = profile('acme', {
  handles: ['acme', '@AcmeHelp'],
  names: ['Acme', 'acme help'],
  products: ['RoadRunner Trap', '小米', 'Acme中国'],
  hashtags: ['#acme'],
  misspellings: ['acmee'],
  exclusions: ['acme of perfection'],
});

export const sber = profile('sber', {
  handles: ['sberbank'],
  names: ['Сбербанк'],
  misspellings: ['сбер'],
  hashtags: ['сбер'],
});
