/** Key-order-independent JSON, for equality checks and deterministic tie-breaks. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v: unknown = Reflect.get(value, k);
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}
