import { describe, expect, it } from 'vitest';
import { MAX_CSV_BYTES, checkCsvFile, parseCustomerCsv } from '@/lib/customers/csv';
import { skippedRows } from '@/components/customers/ImportWizard';
import { encodeLegacy } from '../encoding/legacy';

const RU = 'Имя,Email,Заметки\r\nАнна Смирнова,anna@example.ru,постоянный клиент\r\nБорис Петров,boris@example.ru,возврат\r\n';
const ZH = '姓名,邮箱,备注\r\n王伟,wang@example.cn,老客户\r\n李娜,li@example.cn,退货中\r\n';
const noYield = () => Promise.resolve();

/** A Blob that claims a size without holding the bytes (the check must not read them). */
function hugeFile(size: number): Blob {
  const blob = new Blob(['name\r\n']);
  return Object.defineProperty(blob, 'size', { value: size });
}

describe('checkCsvFile: refused before reading', () => {
  it.each([
    ['a 50 MB file', hugeFile(50 * 1024 * 1024), { kind: 'tooBig', bytes: 50 * 1024 * 1024, limit: MAX_CSV_BYTES }],
    ['a PNG renamed .csv', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])]), { kind: 'binary' }],
    ['an .xlsx workbook', new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0])]), { kind: 'binary' }],
    ['a UTF-8 CSV', new Blob([RU]), undefined],
    ['a Windows-1251 CSV', new Blob([encodeLegacy(RU, 'windows-1251')]), undefined],
  ] as const)('%s', async (_label, file, problem) => {
    expect(await checkCsvFile(file)).toEqual(problem);
  });
});

describe('parseCustomerCsv: encodings', () => {
  it.each([
    ['Windows-1251', encodeLegacy(RU, 'windows-1251'), 'windows-1251', 'Анна Смирнова'],
    ['GBK', encodeLegacy(ZH, 'gb18030'), 'gb18030', '王伟'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(RU)]), 'utf-8', 'Анна Смирнова'],
  ] as const)('%s file: detected, read as the text it holds', async (_label, bytes, encoding, firstName) => {
    const parsed = await parseCustomerCsv(new Blob([bytes]), { yieldToUi: noYield });
    expect(parsed.encoding).toBe(encoding);
    expect(parsed.encodingDetected).toBe(true);
    expect(Object.values(parsed.rows[0] ?? {})[0]).toBe(firstName);
    expect(JSON.stringify(parsed.rows)).not.toContain('\uFFFD');
  });

  it('the user can read it again in another encoding', async () => {
    const parsed = await parseCustomerCsv(new Blob([encodeLegacy(RU, 'windows-1251')]), { encoding: 'utf-8', yieldToUi: noYield });
    expect(parsed.encodingDetected).toBe(false);
    expect(JSON.stringify(parsed.rows)).toContain('\uFFFD');
  });
});

describe('rows skipped', () => {
  it('counts rows, not reasons', () => {
    expect(skippedRows([{ row: 3, reason: 'invalidEmail', detail: '' }, { row: 3, reason: 'invalidHandle', detail: '' }, { row: 7, reason: 'noIdentifier', detail: '' }])).toBe(2);
    expect(skippedRows([])).toBe(0);
  });
});
