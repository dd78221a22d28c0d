import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeFile, detectEncoding, looksBinary } from '@/lib/encoding/detect';
import { encodeLegacy } from './legacy';

const RU_CSV = 'Имя,Фамилия,Email,Заказы\r\nАнна,Смирнова,anna@example.ru,3\r\nБорис,Петров,boris@example.ru,1\r\nЁлка,Щукина,yolka@example.ru,0\r\n';
const ZH_CSV = '姓名,邮箱,订单号,备注\r\n王伟,wang@example.cn,10023,老客户\r\n李娜,li@example.cn,10024,退货中\r\n张敏,zhang@example.cn,10025,已发货，请查收。\r\n';
const DE_CSV = 'Name,E-Mail,Notiz\r\nJürgen Müller,jm@example.de,Bestellung größer\r\nRenée Café,rc@example.fr,très bien\r\n';
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('detectEncoding', () => {
  it.each([
    ['Windows-1251 Russian CSV', encodeLegacy(RU_CSV, 'windows-1251'), 'windows-1251', 'guess'],
    ['GBK Chinese CSV', encodeLegacy(ZH_CSV, 'gb18030'), 'gb18030', 'guess'],
    ['Windows-1252 Western CSV', encodeLegacy(DE_CSV, 'windows-1252'), 'windows-1252', 'guess'],
    ['UTF-8 Russian', utf8(RU_CSV), 'utf-8', 'utf8'],
    ['UTF-8 Chinese', utf8(ZH_CSV), 'utf-8', 'utf8'],
    ['plain ASCII', utf8('name,email\r\nann,a@b.c\r\n'), 'utf-8', 'utf8'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(RU_CSV)]), 'utf-8', 'bom'],
    ['UTF-16LE with BOM', new Uint8Array([0xff, 0xfe, 0x41, 0x00]), 'utf-16le', 'bom'],
  ] as const)('%s → %s (%s)', (_label, bytes, encoding, how) => {
    expect(detectEncoding(bytes)).toEqual({ encoding, how });
  });

  it('a UTF-8 character cut at the end of the sample is still UTF-8', () => {
    const bytes = utf8('Анна');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1), true).encoding).toBe('utf-8');
  });

  const ruWord = fc.string({ unit: fc.constantFrom(...'абвгдеёжзийклмнопрстуфхцчшщъыьэюя'), minLength: 2, maxLength: 10 });
  const ruLine = fc.array(ruWord, { minLength: 3, maxLength: 8 }).map((w) => {
    const [first = 'а', ...rest] = w;
    return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(' ');
  });
  it('property: Russian rows saved as Windows-1251 are detected as Windows-1251', () => {
    fc.assert(
      fc.property(fc.array(ruLine, { minLength: 2, maxLength: 10 }), (lines) => {
        const text = lines.map((l, i) => `${i},${l},user${i}@example.ru`).join('\r\n');
        expect(detectEncoding(encodeLegacy(text, 'windows-1251')).encoding).toBe('windows-1251');
      }),
    );
  });

  const zhChar = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
  it('property: Chinese rows saved as GBK are detected as GB18030', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: zhChar, minLength: 2, maxLength: 6 }), { minLength: 2, maxLength: 10 }), (names) => {
        const text = names.map((n, i) => `${i},${n},${10000 + i}`).join('\r\n');
        expect(detectEncoding(encodeLegacy(text, 'gb18030')).encoding).toBe('gb18030');
      }),
    );
  });
});

describe('decodeFile', () => {
  it('property: any text, any chunk size → the same text (characters cut between chunks survive)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom('a', 'ж', '中', '😀', ',', '\n') }), fc.integer({ min: 1024, max: 1100 }), async (text, chunk) => {
        const repeated = text.repeat(Math.ceil(3000 / Math.max(1, text.length)));
        expect(await decodeFile(new Blob([utf8(repeated)]), 'utf-8', { chunkBytes: chunk })).toBe(repeated);
      }),
      { numRuns: 50 },
    );
  });

  it('reads Windows-1251 and GBK files as the text they hold, with progress', async () => {
    const seen: number[] = [];
    const ru = await decodeFile(new Blob([encodeLegacy(RU_CSV.repeat(40), 'windows-1251')]), 'windows-1251', { chunkBytes: 1024, onProgress: (read) => seen.push(read) });
    expect(ru).toBe(RU_CSV.repeat(40));
    expect(seen.length).toBeGreaterThan(2);
    expect(await decodeFile(new Blob([encodeLegacy(ZH_CSV.repeat(40), 'gb18030')]), 'gb18030', { chunkBytes: 1025 })).toBe(ZH_CSV.repeat(40));
  });
});

describe('looksBinary', () => {
  it.each([
    ['PNG renamed .csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), true],
    ['xlsx (zip)', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0]), true],
    ['NUL bytes', new Uint8Array([0x61, 0x00, 0x62]), true],
    ['UTF-8 CSV', utf8(RU_CSV), false],
    ['Windows-1251 CSV', encodeLegacy(RU_CSV, 'windows-1251'), false],
    ['GBK CSV', encodeLegacy(ZH_CSV, 'gb18030'), false],
    ['UTF-16LE with BOM', new Uint8Array([0xff, 0xfe, 0x61, 0x00]), false],
  ] as const)('%s → %s', (_label, bytes, binary) => {
    expect(looksBinary(bytes)).toBe(binary);
  });
});
