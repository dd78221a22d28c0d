/**
 * The matcher stores its evidence as terse English ("handle @jane; order #10023 shared by 2"), kept
 * as is in the database; this turns each piece into the interface language. A piece it does not
 * recognise (an older wording, or one clipped at the length limit) shows as stored.
 */
import { i18n } from '#i18n';
import { count, plural } from '@/lib/i18n/ui';

type Rule = [RegExp, (m: RegExpMatchArray) => string];

const g = (m: RegExpMatchArray, i: number): string => m[i] ?? '';

const RULES: readonly Rule[] = [
  [/^handle @(.*)$/, (m) => i18n.t('customers.why.handle', [g(m, 1)])],
  [/^profileUrl (.*)$/, (m) => i18n.t('customers.why.profileUrl', [g(m, 1)])],
  [/^email (.*)$/, (m) => i18n.t('customers.why.email', [g(m, 1)])],
  [/^order #(.*) shared by (\d+)$/, (m) => plural(i18n.t('customers.why.orderShared', [g(m, 1), count(Number(g(m, 2)))]), Number(g(m, 2)))],
  [/^order #(.*?) \+ name "(.*)"$/, (m) => i18n.t('customers.why.orderName', [g(m, 1), g(m, 2)])],
  [/^order #(.*)$/, (m) => i18n.t('customers.why.order', [g(m, 1)])],
  [/^name "(.*)" shared by (\d+)$/, (m) => plural(i18n.t('customers.why.nameShared', [g(m, 1), count(Number(g(m, 2)))]), Number(g(m, 2)))],
  [/^name "(.*)"$/, (m) => i18n.t('customers.why.name', [g(m, 1)])],
  // The other customer's id is internal: the agent sees that there is one, and can pick.
  [/^conflicts with \S+$/, () => i18n.t('customers.why.conflict')],
];

export function evidenceText(piece: string): string {
  for (const [re, text] of RULES) {
    const m = piece.match(re);
    if (m) return text(m);
  }
  return piece;
}
