import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat, importCustomerCsv, mapRows, parseCustomerCsv, suggestMapping } from '../../../lib/customers/csv';
import type { CustomerColumnMapping } from '../../../lib/schemas/customers';

const NOW = Date.UTC(2026, 10, 23);
const noWait = (): Promise<void> => Promise.resolve();

// Modelled on a current Shopify customer export (Customers → Export → CSV).
const SHOPIFY = [
  'Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags',
  "'7012345678901,Jane,Doe,Jane.Doe@Example.com,yes,Acme,1 Main St,,Springfield,IL,US,62701,,'+15555550100,no,1234.50,3,Prefers email,no,\"vip, wholesale\"",
  "'7012345678902,Иван,Петров,ivan@example.ru,no,,,,Москва,,RU,,,,no,0.00,0,,no,",
];
// Older Shopify exports.
const SHOPIFY_OLD = ['First Name,Last Name,Email,Company,Address1,City,Province,Country,Zip,Phone,Accepts Marketing,Total Spent,Total Orders,Tags,Note,Tax Exempt', 'Bob,Lee,bob@example.com,,,,,,,,no,99.90,2,,,no'];
// WooCommerce → Analytics → Customers → Download.
const WOO = [
  'Name,Username,Last active,Date registered,Email,Orders,Total spend,AOV,Country / Region,City,Region,Postal code',
  'Wang Fang,wangfang,2026-11-01,2025-03-02,wang@example.cn,4,"¥1,288.00",¥322.00,CN,Shanghai,,200000',
  'Ann Lee,annlee,2026-10-01,2025-01-02,ann@example.com,1,$20.00,$20.00,US,Austin,TX,73301',
];

describe('detectFormat / mapping', () => {
  it.each<[string, string[], string]>([
    ['shopify (current)', (SHOPIFY[0] ?? '').split(','), 'shopify'],
    ['shopify (older)', (SHOPIFY_OLD[0] ?? '').split(','), 'shopify'],
    ['woocommerce analytics', (WOO[0] ?? '').split(','), 'woocommerce'],
    ['custom', ['Name', 'Email', 'Twitter'], 'custom'],
    ['empty', [], 'custom'],
  ])('%s', (_label, headers, expected) => {
    expect(detectFormat(headers)).toBe(expected);
  });

  it.each<[string, string[], CustomerColumnMapping]>([
    [
      'english custom',
      ['Full Name', 'E-mail', 'Twitter handle', 'Facebook profile URL', '# Orders', 'Lifetime value', 'Order IDs', 'Comments', 'Labels'],
      { name: 'Full Name', email: 'E-mail', xHandle: 'Twitter handle', facebookUrl: 'Facebook profile URL', orderCount: '# Orders', totalSpent: 'Lifetime value', orderNumbers: 'Order IDs', notes: 'Comments', tags: 'Labels' },
    ],
    ['russian full name', ['Имя', 'Эл. почта', 'Твиттер', 'Сумма покупок', 'Теги'], { name: 'Имя', email: 'Эл. почта', xHandle: 'Твиттер', totalSpent: 'Сумма покупок', tags: 'Теги' }],
    ['russian first + last', ['Имя', 'Фамилия', 'Количество заказов', 'Номера заказов', 'Примечание'], { firstName: 'Имя', lastName: 'Фамилия', orderCount: 'Количество заказов', orderNumbers: 'Номера заказов', notes: 'Примечание' }],
    ['chinese', ['姓名', '邮箱', '推特', '订单数', '消费金额', '订单号', '备注', '标签'], { name: '姓名', email: '邮箱', xHandle: '推特', orderCount: '订单数', totalSpent: '消费金额', orderNumbers: '订单号', notes: '备注', tags: '标签' }],
    ['snake_case', ['first_name', 'last_name', 'email_address', 'x_handle', 'order_count'], { firstName: 'first_name', lastName: 'last_name', email: 'email_address', xHandle: 'x_handle', orderCount: 'order_count' }],
    ['fragments', ['Customer Email', 'Twitter (X) handle', 'Marketing email consent'], { email: 'Customer Email', xHandle: 'Twitter (X) handle' }],
    ['consent column is not the email', ['Accepts Email Marketing', 'Name'], { name: 'Name' }],
    ['nothing recognisable', ['foo', 'bar'], {}],
  ])('suggestMapping: %s', (_label, headers, expected) => {
    expect(suggestMapping(headers)).toEqual(expected);
  });

  it('maps a plain "Facebook" column of links to facebookUrl when samples show links', () => {
    const rows = [{ Name: 'A', Facebook: 'https://facebook.com/a.b.c' }];
    expect(suggestMapping(['Name', 'Facebook'], rows)).toEqual({ name: 'Name', facebookUrl: 'Facebook' });
    expect(suggestMapping(['Name', 'Facebook'], [{ Name: 'A', Facebook: 'Anna B' }])).toEqual({ name: 'Name', facebookName: 'Facebook' });
  });
});

describe('importCustomerCsv', () => {
  it('imports a Shopify export with mapped fields', async () => {
    const { customers, errors, parsed } = await importCustomerCsv(SHOPIFY.join('\r\n'), { now: NOW, yieldToUi: noWait });
    expect(parsed.format).toBe('shopify');
    expect(errors).toEqual([]);
    expect(customers).toHaveLength(2);
    expect(customers[0]).toMatchObject({
      name: 'Jane Doe',
      email: 'jane.doe@example.com',
      nameKey: 'jane doe',
      totalSpent: 1234.5,
      orderCount: 3,
      tags: ['vip', 'wholesale'],
      notes: 'Prefers email',
      source: 'csv:shopify',
      createdAt: NOW,
    });
    expect(customers[1]).toMatchObject({ name: 'Иван Петров', nameKey: 'иван петров', orderCount: 0, totalSpent: 0 });
  });

  it('imports an older Shopify export', async () => {
    const { customers, errors } = await importCustomerCsv(SHOPIFY_OLD.join('\n'), { now: NOW, yieldToUi: noWait });
    expect(errors).toEqual([]);
    expect(customers[0]).toMatchObject({ name: 'Bob Lee', totalSpent: 99.9, orderCount: 2 });
  });

  it('imports a WooCommerce customers export with currency symbols', async () => {
    const { customers, errors, parsed } = await importCustomerCsv(WOO.join('\n'), { now: NOW, yieldToUi: noWait });
    expect(parsed.format).toBe('woocommerce');
    expect(errors).toEqual([]);
    expect(customers.map((c) => [c.name, c.orderCount, c.totalSpent, c.currency])).toEqual([
      ['Wang Fang', 4, 1288, 'CNY'],
      ['Ann Lee', 1, 20, 'USD'],
    ]);
  });

  it('reports bad rows by spreadsheet row number and reason, counting blank lines and multi-line cells', async () => {
    const csv = [
      'Name,Email,X,Orders,Total spent,Notes', // row 1
      'Good One,good@example.com,@GoodOne,2,"$1,234.50","two\nlines"', // row 2 (one spreadsheet row)
      'No Mail,not-an-email,,,,', // row 3
      ',,,,,note only', // row 4
      '', // row 5 (blank)
      'Bad Money,money@example.com,,1,abc,', // row 6
      'Bad Count,count@example.com,,three,10,', // row 7
      'Dup,GOOD@example.com,,,,', // row 8
      'Handle Only,,https://x.com/Foo,,,', // row 9
      'Handle Dup,,twitter.com/foo,,,', // row 10
      'Bad Handle,,not a handle!,,,', // row 11
      'Negative,neg@example.com,,,-5,', // row 12
    ].join('\n');
    const { customers, errors } = await importCustomerCsv(csv, { now: NOW, yieldToUi: noWait });
    expect(customers.map((c) => c.name)).toEqual(['Good One', 'Handle Only']);
    expect(customers[0]).toMatchObject({ xHandle: 'goodone', totalSpent: 1234.5, notes: 'two\nlines' });
    expect(customers[1]).toMatchObject({ xHandle: 'foo', id: 'x:foo' });
    expect(errors.map((e) => [e.row, e.reason])).toEqual([
      [3, 'invalidEmail'],
      [4, 'noIdentifier'],
      [6, 'invalidTotalSpent'],
      [7, 'invalidOrderCount'],
      [8, 'duplicateEmail'],
      [10, 'duplicateHandle'],
      [11, 'invalidHandle'],
      [12, 'invalidTotalSpent'],
    ]);
    expect(errors.find((e) => e.row === 8)).toMatchObject({ detail: 'good@example.com', firstRow: 2 });
    expect(errors.find((e) => e.row === 6)?.detail).toBe('abc');
  });

  it('reports rows with extra cells instead of shifting them', async () => {
    const { customers, errors } = await importCustomerCsv('Name,Email\nA B,a@example.com\nC D,c@example.com,extra\n', { now: NOW, yieldToUi: noWait });
    expect(customers).toHaveLength(1);
    expect(errors).toEqual([{ row: 3, reason: 'tooManyFields', detail: '3/2' }]);
  });

  it('reports a broken quote by row and imports nothing from the swallowed lines', async () => {
    const csv = 'Name,Email\nA B,a@example.com\n"C D,c@example.com\nE F,e@example.com\n';
    const { customers, errors } = await importCustomerCsv(csv, { now: NOW, yieldToUi: noWait });
    expect(customers.map((c) => c.email)).toEqual(['a@example.com']);
    expect(errors).toEqual([{ row: 3, reason: 'malformedCsv', detail: 'MissingQuotes' }]);
  });

  it('keeps repeated headers apart', async () => {
    const parsed = await parseCustomerCsv('Name,Email,Name\nA,a@example.com,B\n', { yieldToUi: noWait });
    expect(parsed.headers).toEqual(['Name', 'Email', 'Name (2)']);
    expect(parsed.rows[0]).toEqual({ Name: 'A', Email: 'a@example.com', 'Name (2)': 'B' });
  });

  it('gives the same ids on re-import, so the DB updates rather than duplicates', async () => {
    const csv = 'Name,Email,Twitter,Order numbers\nA B,a@example.com,,\nC D,,@cd,\nE F,,,#1001\n';
    const first = await importCustomerCsv(csv, { now: 1, yieldToUi: noWait });
    const again = await importCustomerCsv(csv, { now: 2, yieldToUi: noWait });
    expect(again.customers.map((c) => c.id)).toEqual(first.customers.map((c) => c.id));
    expect(new Set(first.customers.map((c) => c.id)).size).toBe(3);
    expect(first.customers[2]).toMatchObject({ orderNumbers: ['1001'], orderCount: 1 });
  });

  it('joins Chinese family and given names without a space', () => {
    const { customers } = mapRows([{ 姓: '王', 名: '芳', 邮箱: 'wf@example.cn' }], { lastName: '姓', firstName: '名', email: '邮箱' }, { now: NOW });
    expect(customers[0]).toMatchObject({ name: '王芳', nameKey: '王芳' });
  });

  it('parses semicolon-separated files with a BOM and Russian money', async () => {
    const csv = '\uFEFFИмя;Фамилия;Почта;Сумма покупок\nАнна;Смирнова;anna@example.ru;1 234,50 ₽\n';
    const { customers, errors, parsed } = await importCustomerCsv(csv, { now: NOW, yieldToUi: noWait });
    expect(parsed.headers[0]).toBe('Имя');
    expect(parsed.delimiter).toBe(';');
    expect(errors).toEqual([]);
    expect(customers[0]).toMatchObject({ name: 'Анна Смирнова', totalSpent: 1234.5, currency: 'RUB' });
  });

  it('parses a Blob in chunks, yielding and reporting progress', async () => {
    const lines = ['Name,Email,Orders,Total spend'];
    for (let i = 0; i < 3000; i++) lines.push(`Person ${i},p${i}@example.com,${i % 5},${i}.50`);
    const text = lines.join('\n');
    const progress: number[] = [];
    let yields = 0;
    const parsed = await parseCustomerCsv(new Blob([text]), {
      chunkSize: 16 * 1024,
      onProgress: (p) => progress.push(p.processed),
      yieldToUi: () => {
        yields++;
        return Promise.resolve();
      },
    });
    expect(parsed.rows).toHaveLength(3000);
    expect(parsed.rowNumbers[2999]).toBe(3001);
    expect(parsed.rows[2999]).toEqual({ Name: 'Person 2999', Email: 'p2999@example.com', Orders: '4', 'Total spend': '2999.50' });
    expect(yields).toBeGreaterThan(3);
    expect(progress.length).toBeGreaterThan(3);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(progress.at(-1)).toBe(text.length);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(parseCustomerCsv('Name\nA', { signal: controller.signal })).rejects.toBeDefined();
  });
});

describe('CSV properties', () => {
  const cell = fc.oneof(fc.string(), fc.constantFrom('', 'a@b.co', '$1,234.50', 'abc', '@x', 'https://x.com/Foo', '"', '\n', ',', '1 234,50 ₽', '张伟', '#1001'));
  const anyMapping = fc.record(
    {
      name: fc.constant('c0'),
      email: fc.constant('c1'),
      xHandle: fc.constant('c2'),
      totalSpent: fc.constant('c3'),
      orderCount: fc.constant('c4'),
      orderNumbers: fc.constant('c5'),
      tags: fc.constant('c0'),
      facebookUrl: fc.constant('c1'),
    },
    { requiredKeys: [] },
  );

  it('mapRows never throws and accounts for every non-blank row exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { maxLength: 20 }), anyMapping, (cells, mapping) => {
        const rows = cells.map((r) => Object.fromEntries(r.map((v, i) => [`c${i}`, v])));
        const { customers, errors } = mapRows(rows, mapping, { now: NOW });
        const nonBlank = rows.filter((r) => Object.values(r).some((v) => v.trim() !== '')).length;
        const rejectedRows = new Set(errors.map((e) => e.row)).size;
        expect(customers.length + rejectedRows).toBe(nonBlank);
        for (const e of errors) expect(e.row).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });

  it('the CSV reader never throws on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400 }), async (text) => {
        const { customers, errors } = await importCustomerCsv(text, { now: NOW, yieldToUi: noWait, chunkSize: 1024 });
        expect(Array.isArray(customers) && Array.isArray(errors)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
