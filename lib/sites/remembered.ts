/**
 * A pure parser of link hrefs, remembering its last few answers: reading one post asks about the
 * same link a few times in a row (is it a profile link, which ids does it carry; then its mention),
 * and each parse splits the link. Only the last `size` hrefs are kept, compared by value. A Map of
 * thousands cost more than the parses it saved: nearly every Facebook link is new and carries a long
 * tracking token, so each one was hashed whole and its parts held (DEVELOPERS.md, Performance).
 */
export function rememberedByHref<T>(parse: (href: string) => T | undefined, size = 16): (href: string) => T | undefined {
  const hrefs: string[] = [];
  const answers: (T | undefined)[] = [];
  let next = 0;
  return (href) => {
    for (let i = 0; i < hrefs.length; i++) if (hrefs[i] === href) return answers[i];
    const answer = parse(href);
    hrefs[next] = href;
    answers[next] = answer;
    next = (next + 1) % size;
    return answer;
  };
}
