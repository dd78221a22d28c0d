/**
 * The variable catalogue, as data: each name a template may use and the context field it reads.
 * `derive` covers values we can compute when the direct field is empty (a first name from a full
 * name), so a template does not block on data we actually have.
 */
import type { TemplateContext } from '../schemas/templates';

type Section = keyof TemplateContext;

export interface TemplateVariable {
  name: string;
  section: Section;
  field: string;
  /** Second field to derive from when `field` is empty, and how. */
  derive?: { field: string; how: 'firstWord' };
}

export const TEMPLATE_VARIABLES: readonly TemplateVariable[] = [
  { name: 'customer.first_name', section: 'customer', field: 'firstName', derive: { field: 'name', how: 'firstWord' } },
  { name: 'customer.name', section: 'customer', field: 'name' },
  { name: 'customer.email', section: 'customer', field: 'email' },
  { name: 'order.number', section: 'order', field: 'number' },
  { name: 'order.status', section: 'order', field: 'status' },
  { name: 'agent.name', section: 'agent', field: 'name' },
  { name: 'agent.first_name', section: 'agent', field: 'name', derive: { field: 'name', how: 'firstWord' } },
  { name: 'agent.initials', section: 'agent', field: 'initials' },
  { name: 'post.author_handle', section: 'post', field: 'authorHandle' },
  { name: 'post.author_name', section: 'post', field: 'authorName' },
  { name: 'post.author_first_name', section: 'post', field: 'authorName', derive: { field: 'authorName', how: 'firstWord' } },
  { name: 'brand.name', section: 'brand', field: 'name' },
  { name: 'brand.support_email', section: 'brand', field: 'supportEmail' },
];

const byName = new Map(TEMPLATE_VARIABLES.map((v) => [v.name, v]));

export const isKnownVariable = (name: string): boolean => byName.has(name);

/** Strings upstream code produces when it stringifies an absent value; never let them reach a reply. */
const ABSENT_SPELLINGS = new Set(['undefined', 'null', 'nan', '[object object]']);

function clean(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (trimmed === '' || ABSENT_SPELLINGS.has(trimmed.toLowerCase())) return undefined;
  return trimmed;
}

function readField(context: TemplateContext, section: Section, field: string): string | undefined {
  const group: unknown = context[section];
  if (group === null || typeof group !== 'object') return undefined;
  return clean(Object.getOwnPropertyDescriptor(group, field)?.value);
}

const firstWord = (s: string): string | undefined => clean(s.split(/\s+/u)[0]);

/** The variable's value, or undefined when the context has nothing usable. */
export function resolveVariable(name: string, context: TemplateContext): string | undefined {
  const def = byName.get(name);
  if (!def) return undefined;
  if (def.derive && def.derive.field === def.field) {
    const whole = readField(context, def.section, def.field);
    return whole === undefined ? undefined : firstWord(whole);
  }
  const direct = readField(context, def.section, def.field);
  if (direct !== undefined) return direct;
  if (!def.derive) return undefined;
  const source = readField(context, def.section, def.derive.field);
  return source === undefined ? undefined : firstWord(source);
}
