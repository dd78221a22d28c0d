/**
 * The data a template may read for one queue item, gathered from what we already store: the
 * linked customer, the post, the agent's settings and the brand. The order number prefers one the
 * customer wrote in the post (it is the order they are talking about), then their latest order.
 */
import { extractIdentifiers } from '../customers/identifiers';
import type { Customer } from '../schemas/customers';
import type { Post } from '../schemas/posts';
import type { BrandProfile } from '../schemas/settings';
import type { TemplateContext } from '../schemas/templates';
import { TEMPLATE_VARIABLES } from '../templates/variables';

export interface ContextSources {
  post?: Pick<Post, 'text' | 'authorHandle' | 'authorName'>;
  customer?: Pick<Customer, 'name' | 'email' | 'orders' | 'orderNumbers'>;
  agentName?: string;
  brand?: Pick<BrandProfile, 'name' | 'supportEmail'>;
}

const present = (s: string | undefined): string | undefined => {
  const t = s?.trim();
  return t ? t : undefined;
};

/** "Sam Lee" → "SL"; one word → its first letter. */
export function initialsOf(name: string): string | undefined {
  const letters = name
    .trim()
    .split(/\s+/u)
    .filter((w) => w !== '')
    .map((w) => Array.from(w)[0]?.toLocaleUpperCase() ?? '')
    .join('');
  return letters === '' ? undefined : letters.slice(0, 4);
}

/** The customer's most recent order: dated orders by date, else the last listed number. */
export function latestOrder(customer: Pick<Customer, 'orders' | 'orderNumbers'>): { number: string; status?: string } | undefined {
  const dated = customer.orders.filter((o) => o.date !== undefined).sort((a, b) => (b.date ?? 0) - (a.date ?? 0));
  const order = dated[0] ?? customer.orders[customer.orders.length - 1];
  if (order) return { number: order.number, status: order.status };
  const last = customer.orderNumbers[customer.orderNumbers.length - 1];
  return last ? { number: last } : undefined;
}

export function buildTemplateContext(sources: ContextSources): TemplateContext {
  const { post, customer, brand } = sources;
  const fromPost = post ? extractIdentifiers(post.text).orderNumbers[0] : undefined;
  const fromCustomer = customer ? latestOrder(customer) : undefined;
  // The status we know belongs to the customer's order; only keep it when it is the same order.
  const status = fromPost === undefined || fromPost === fromCustomer?.number ? fromCustomer?.status : undefined;
  const agentName = present(sources.agentName);
  const name = present(customer?.name);
  return {
    customer: customer ? { name, firstName: name?.split(/\s+/u)[0], email: present(customer.email) } : undefined,
    order: { number: fromPost ?? fromCustomer?.number, status: present(status) },
    agent: { name: agentName, initials: agentName ? initialsOf(agentName) : undefined },
    post: post ? { authorHandle: present(post.authorHandle)?.replace(/^@/u, ''), authorName: present(post.authorName) } : undefined,
    brand: brand ? { name: present(brand.name), supportEmail: present(brand.supportEmail) } : undefined,
  };
}

/**
 * Values the agent typed for variables the context lacked, merged in. Keys are variable names
 * (`customer.first_name`); each writes the context field that variable reads.
 */
export function withOverrides(context: TemplateContext, overrides: Readonly<Record<string, string>>): TemplateContext {
  const next: TemplateContext = {
    customer: { ...context.customer },
    order: { ...context.order },
    agent: { ...context.agent },
    post: { ...context.post },
    brand: { ...context.brand },
  };
  for (const def of TEMPLATE_VARIABLES) {
    const value = present(overrides[def.name]);
    if (value === undefined) continue;
    const section: Record<string, string | undefined> | undefined = next[def.section];
    if (section) section[def.field] = value;
  }
  return next;
}

/** Example data for previews in the Templates tab. */
export const SAMPLE_CONTEXT: TemplateContext = {
  customer: { name: 'Jane Doe', firstName: 'Jane', email: 'jane@example.com' },
  order: { number: '10419', status: 'shipped' },
  agent: { name: 'Sam Lee', initials: 'SL' },
  post: { authorHandle: 'jane_doe_hikes', authorName: 'Jane Doe' },
  brand: { name: 'Acme Outdoor', supportEmail: 'help@acme-outdoor.example' },
};
