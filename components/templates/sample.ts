/** The example data template previews show, with its one word (the order status) in the interface language. */
import { i18n } from '#i18n';
import { SAMPLE_CONTEXT, withOverrides } from '@/lib/compose';
import type { TemplateContext } from '@/lib/schemas/templates';

export function sampleContext(overrides: Readonly<Record<string, string>> = {}): TemplateContext {
  return withOverrides(SAMPLE_CONTEXT, { 'order.status': i18n.t('templates.variables.sampleOrderStatus'), ...overrides });
}
