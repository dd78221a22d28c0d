/**
 * A pure parser of link hrefs, remembering its answers: every read of a post asks about the same
 * few links again (its key, then its mention, then its brand replies), and each parse builds a URL.
 * Bounded: past `limit` hrefs it starts over, so a long session holds only recent ones.
 */
export function rememberedByHref<T>(parse: (href: string) => T | undefined, limit = 2000): (href: string) => T | undefined {
  const answers = new Map<string, T | undefined>();
  return (href) => {
    if (answers.has(href)) return answers.get(href);
    if (answers.size >= limit) answers.clear();
    const answer = parse(href);
    answers.set(href, answer);
    return answer;
  };
}
