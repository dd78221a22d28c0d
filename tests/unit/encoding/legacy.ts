/** Test encoders for legacy code pages, built by inverting the platform's decoders. */
function singleByte(label: string): Map<string, number> {
  const map = new Map<string, number>();
  const decoder = new TextDecoder(label);
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(new Uint8Array([b]));
    if (ch !== '\uFFFD' && !map.has(ch)) map.set(ch, b);
  }
  return map;
}

let gbk: Map<string, number[]> | undefined;
function gbkMap(): Map<string, number[]> {
  if (gbk) return gbk;
  gbk = new Map();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !gbk.has(ch)) gbk.set(ch, [lead, trail]);
    }
  }
  return gbk;
}

export function encodeLegacy(text: string, label: 'windows-1251' | 'windows-1252' | 'gb18030'): Uint8Array<ArrayBuffer> {
  const out: number[] = [];
  const single = label === 'gb18030' ? undefined : singleByte(label);
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else if (single) {
      const b = single.get(ch);
      if (b === undefined) throw new Error(`${ch} not in ${label}`);
      out.push(b);
    } else {
      const bytes = gbkMap().get(ch);
      if (!bytes) throw new Error(`${ch} not in GBK`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
