/**
 * Which CSV column feeds which customer field. Shopify and WooCommerce exports are recognised by
 * their header rows and mapped exactly; any other file gets a suggestion from header names in
 * English, Russian and Chinese that the user can edit.
 */
import { CustomerImportFieldSchema, type CustomerColumnMapping, type CustomerCsvFormat, type CustomerImportField } from '../schemas/customers';

const FIELDS = CustomerImportFieldSchema.options;

/** Header comparison key: NFKC, lower case, punctuation and underscores as single spaces. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}#@]+/gu, ' ')
    .trim();
}

function findHeader(headers: readonly string[], ...candidates: string[]): string | undefined {
  const wanted = new Set(candidates.map(headerKey));
  return headers.find((h) => wanted.has(headerKey(h)));
}

function hasAll(headers: readonly string[], ...names: string[]): boolean {
  return names.every((n) => findHeader(headers, n) !== undefined);
}

/**
 * Shopify customer export (Customers → Export): "Customer ID","First Name","Last Name","Email",
 * "Accepts Email Marketing","Default Address Company",…,"Phone","Accepts SMS Marketing",
 * "Total Spent","Total Orders","Note","Tax Exempt","Tags". Older exports: "Company",
 * "Accepts Marketing", "Orders Count". WooCommerce Analytics → Customers CSV: "Name","Username",
 * "Last active","Date registered","Email","Orders","Total spend","AOV","Country / Region",
 * "City","Region","Postal code" (labels from woocommerce-admin's customers report table).
 */
export function detectFormat(headers: readonly string[]): CustomerCsvFormat {
  if (
    hasAll(headers, 'First Name', 'Last Name', 'Email') &&
    (findHeader(headers, 'Total Spent', 'Accepts Email Marketing', 'Accepts Marketing', 'Tax Exempt') !== undefined)
  ) {
    return 'shopify';
  }
  if (hasAll(headers, 'Name', 'Email') && findHeader(headers, 'Total spend', 'AOV') !== undefined && findHeader(headers, 'Orders') !== undefined) {
    return 'woocommerce';
  }
  return 'custom';
}

function compact(mapping: Record<CustomerImportField, string | undefined>): CustomerColumnMapping {
  const out: CustomerColumnMapping = {};
  for (const field of FIELDS) {
    const header = mapping[field];
    if (header !== undefined) out[field] = header;
  }
  return out;
}

/** The exact mapping of a recognised export, or the suggestion for a custom file. */
export function mappingFor(format: CustomerCsvFormat, headers: readonly string[]): CustomerColumnMapping {
  if (format === 'shopify') {
    return compact({
      name: undefined,
      firstName: findHeader(headers, 'First Name'),
      lastName: findHeader(headers, 'Last Name'),
      email: findHeader(headers, 'Email'),
      xHandle: undefined,
      facebookName: undefined,
      facebookUrl: undefined,
      orderCount: findHeader(headers, 'Total Orders', 'Orders Count'),
      totalSpent: findHeader(headers, 'Total Spent'),
      orderNumbers: undefined,
      notes: findHeader(headers, 'Note'),
      tags: findHeader(headers, 'Tags'),
    });
  }
  if (format === 'woocommerce') {
    return compact({
      name: findHeader(headers, 'Name'),
      firstName: undefined,
      lastName: undefined,
      email: findHeader(headers, 'Email'),
      xHandle: undefined,
      facebookName: undefined,
      facebookUrl: undefined,
      orderCount: findHeader(headers, 'Orders'),
      totalSpent: findHeader(headers, 'Total spend'),
      orderNumbers: undefined,
      notes: undefined,
      tags: undefined,
    });
  }
  return suggestMapping(headers);
}

// Whole-header synonyms (compared with headerKey), strongest evidence.
const EXACT: Record<CustomerImportField, string[]> = {
  name: ['name', 'full name', 'fullname', 'customer name', 'customer', 'client', 'client name', 'display name', 'contact name', 'имя', 'фио', 'полное имя', 'имя клиента', 'клиент', 'покупатель', 'имя фамилия', '姓名', '名字', '客户', '客户名', '客户名称', '客户姓名', '名称', '顾客', '全名'],
  firstName: ['first name', 'firstname', 'first', 'given name', 'forename', 'billing first name', 'имя (first name)', '名'],
  lastName: ['last name', 'lastname', 'last', 'surname', 'family name', 'billing last name', 'фамилия', '姓', '姓氏'],
  email: ['email', 'e mail', 'email address', 'e mail address', 'mail', 'billing email', 'user email', 'почта', 'эл почта', 'электронная почта', 'email адрес', 'емейл', 'имейл', '邮箱', '电子邮件', '电子邮箱', '邮件', '邮箱地址', '郵箱', '電子郵件'],
  xHandle: ['x', 'x handle', 'x username', 'x account', 'twitter', 'twitter handle', 'twitter username', 'twitter account', 'twitter x', 'x twitter', 'handle', '@handle', 'твиттер', 'твиттер аккаунт', 'аккаунт x', 'аккаунт в x', 'аккаунт twitter', 'ник в твиттере', 'ник', '推特', '推特账号', '推特用户名', 'x账号', 'x 账号'],
  facebookName: ['facebook', 'facebook name', 'fb name', 'fb', 'facebook username', 'имя в facebook', 'фейсбук', 'facebook имя', '脸书', '脸书名字', 'facebook名字', 'facebook 名字'],
  facebookUrl: ['facebook url', 'facebook profile', 'facebook profile url', 'facebook link', 'fb url', 'fb link', 'fb profile', 'ссылка на facebook', 'профиль facebook', 'facebook ссылка', 'ссылка facebook', '脸书链接', 'facebook链接', 'facebook 链接', 'facebook主页', 'facebook 主页'],
  orderCount: ['orders', 'total orders', 'orders count', 'order count', 'number of orders', '# orders', '# of orders', 'num orders', 'purchases', 'заказов', 'заказы', 'количество заказов', 'кол во заказов', 'число заказов', '订单数', '订单数量', '订单总数', '订单量', '购买次数'],
  totalSpent: ['total spent', 'total spend', 'spent', 'amount spent', 'total', 'lifetime value', 'ltv', 'revenue', 'total revenue', 'total sales', 'сумма', 'потрачено', 'сумма покупок', 'сумма заказов', 'всего потрачено', 'выручка', '消费金额', '总消费', '累计消费', '消费总额', '总金额', '消费'],
  orderNumbers: ['order numbers', 'order number', 'order ids', 'order id', 'order #', 'order no', 'orders list', 'order list', 'номера заказов', 'номер заказа', 'заказы номера', '订单号', '订单编号', '订单号码'],
  notes: ['note', 'notes', 'comment', 'comments', 'remarks', 'заметка', 'заметки', 'примечание', 'примечания', 'комментарий', 'комментарии', '备注', '说明', '附注'],
  tags: ['tags', 'tag', 'labels', 'label', 'segments', 'segment', 'теги', 'тег', 'метки', 'метка', '标签'],
};

// Fragments that identify a field inside a longer header ("Customer Email", "Twitter (X) handle").
const CONTAINS: Partial<Record<CustomerImportField, string[]>> = {
  email: ['email', 'e mail', 'почта', '邮箱', '电子邮件'],
  xHandle: ['twitter', 'твиттер', '推特', 'x handle', 'x username'],
  facebookUrl: ['facebook url', 'facebook profile', 'facebook link', 'fb url', 'fb link', 'fb profile', 'facebook ссылка', 'ссылка на facebook', '脸书链接'],
  orderNumbers: ['order number', 'order id', 'номер заказ', '订单号', '订单编号'],
  orderCount: ['number of orders', 'orders count', 'order count', 'количество заказов', '订单数'],
  totalSpent: ['total spent', 'total spend', 'lifetime value', 'сумма покупок', '消费'],
  notes: ['note', 'comment', 'примечан', 'коммент', '备注'],
  tags: ['tags', 'теги', '标签'],
};

// Headers about consent or verification mention "email" but hold yes/no, never the address.
const NOT_A_FIELD = /marketing|consent|subscri|verified|opt in|opt out|рассылк|подписк|согласи|订阅|营销|同意/u;

function containsPhrase(key: string, phrase: string): boolean {
  // Latin/Cyrillic phrases must align with word boundaries; CJK phrases may sit anywhere.
  if (/[\p{Script=Han}]/u.test(phrase)) return key.includes(phrase);
  return ` ${key} `.includes(` ${phrase} `) || (phrase.length >= 5 && key.includes(phrase));
}

/**
 * Proposes field → header from header names. Each header feeds at most one field and each field
 * reads at most one header; exact synonyms win over fragments, earlier columns over later ones.
 * `sampleRows` (optional) lets a plain "Facebook" column holding links map to facebookUrl.
 */
export function suggestMapping(headers: readonly string[], sampleRows: readonly Record<string, string>[] = []): CustomerColumnMapping {
  const scored: { field: CustomerImportField; header: string; score: number; column: number }[] = [];
  headers.forEach((header, column) => {
    const key = headerKey(header);
    if (!key || NOT_A_FIELD.test(key)) return;
    for (const field of FIELDS) {
      if (EXACT[field].some((s) => headerKey(s) === key)) scored.push({ field, header, score: 3, column });
      if ((CONTAINS[field] ?? []).some((f) => containsPhrase(key, headerKey(f)))) scored.push({ field, header, score: 1, column });
    }
  });
  scored.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: CustomerColumnMapping = {};
  const usedHeaders = new Set<string>();
  for (const { field, header } of scored) {
    if (mapping[field] !== undefined || usedHeaders.has(header)) continue;
    mapping[field] = header;
    usedHeaders.add(header);
  }
  // A lone "Имя"/"名" next to a surname column is a first name, not a full name.
  if (mapping.name !== undefined && mapping.lastName !== undefined && mapping.firstName === undefined) {
    mapping.firstName = mapping.name;
    delete mapping.name;
  }
  // "Facebook" holding links is the profile URL.
  const fbHeader = mapping.facebookName;
  if (fbHeader !== undefined && mapping.facebookUrl === undefined) {
    const values = sampleRows.map((r) => r[fbHeader] ?? '').filter((v) => v.trim() !== '');
    if (values.length > 0 && values.every((v) => /facebook\.com|fb\.com/i.test(v))) {
      mapping.facebookUrl = fbHeader;
      delete mapping.facebookName;
    }
  }
  return mapping;
}
