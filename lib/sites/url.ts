/** Resolves an href the way the page would; undefined instead of throwing on anything odd. */
export function toUrl(href: string, base: string): URL | undefined {
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}
