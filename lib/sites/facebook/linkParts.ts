/**
 * The parts of a Facebook link the id and profile readers look at. A URL object costs microseconds
 * to build and each of its parts is one more call, for every new link of every post read: plain
 * links (printable ASCII, nothing a URL would escape, decode or resolve) are split by hand, anything
 * else goes through URL. Both give the same parts (tests/unit/sites/linkParts.test.ts checks it).
 */
import { toUrl } from '../url';
import { rememberedByHref } from '../remembered';

/** Where a link without a host points, as the page resolves it. */
const BASE_HOST = 'www.facebook.com';

export interface LinkParts {
  /** Lower case, as URL gives it. */
  hostname: string;
  pathname: string;
  /** The path's non-empty segments, split once for the id and the profile readers alike. */
  segments: readonly string[];
  /** The first value of a query parameter, as URLSearchParams.get answers. */
  param(name: string): string | null;
}

/**
 * Absolute http(s) with a plain host, or a path from the root (the part before any query or hash).
 * No character URL would escape or decode before the query (space, quotes, <>`{}^|, %, +,
 * backslash, non-ASCII), no dot segment to resolve, no port, no "//" that would name a host; the
 * host's last label is letters (a number would make it IPv4).
 */
const PLAIN_BEFORE_QUERY = /^(?:https?:\/\/((?:[a-z0-9-]+\.)*[a-z]+))?(\/.*)?$/i;
/**
 * A character outside printable ASCII less `"'<>`{}^|%+\`, as one negated class: one test per
 * character, where an alternation of two classes cost several times more on a 300-character link.
 */
const NOT_PLAIN = /[^\x21\x23-\x24\x26\x28-\x2a\x2c-\x3b\x3d\x3f-\x5b\x5d\x5f\x61-\x7a\x7e]/;
/**
 * The same after the path, less `%` and `+`: URL keeps a query as written (Facebook's tracking
 * parameters, `__tn__=%2CO%2CP-R`, are on nearly every link) and only a parameter read decodes.
 */
const NOT_PLAIN_AFTER_PATH = /[^\x21\x23-\x26\x28-\x3b\x3d\x3f-\x5b\x5d\x5f\x61-\x7a\x7e]/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;
/** A parameter name URLSearchParams would decode ("+" is a space, "%5F" an underscore). */
const ENCODED_NAME = /(?:^|&)[^=&]*[%+]/;
const ENCODED_VALUE = /[%+]/;
const IDN_LABEL = /xn--/i;
const AMPERSAND = 0x26;
const EQUALS = 0x3d;
const QUESTION_MARK = 0x3f;

function segmentsOf(pathname: string): readonly string[] {
  return pathname.split('/').filter(Boolean);
}

/** Where the path ends: the first `?` or `#`, else -1. */
function pathEndOf(href: string): number {
  const query = href.indexOf('?');
  const hash = href.indexOf('#');
  return query < 0 ? hash : hash < 0 ? query : Math.min(query, hash);
}

/**
 * The raw value of the first `name` parameter of `query` ('' for a name without "="), else null:
 * found with `indexOf` where a pair starts, without splitting the query (its tracking token is
 * most of a link's length).
 */
function rawParam(query: string, name: string): string | null {
  for (let at = query.indexOf(name); at >= 0; at = query.indexOf(name, at + 1)) {
    if (at > 0 && query.charCodeAt(at - 1) !== AMPERSAND) continue;
    const end = at + name.length;
    const next = end < query.length ? query.charCodeAt(end) : AMPERSAND;
    if (next === AMPERSAND) return '';
    if (next !== EQUALS) continue;
    const stop = query.indexOf('&', end + 1);
    return query.slice(end + 1, stop < 0 ? undefined : stop);
  }
  return null;
}

export function splitPlainLink(href: string): LinkParts | undefined {
  const pathEnd = pathEndOf(href);
  const beforeQuery = pathEnd < 0 ? href : href.slice(0, pathEnd);
  // An IDN label (xn--) is checked and converted by URL; a numeric last label makes an IPv4 address.
  if (NOT_PLAIN.test(beforeQuery) || IDN_LABEL.test(beforeQuery)) return undefined;
  if (pathEnd >= 0 && NOT_PLAIN_AFTER_PATH.test(href.slice(pathEnd))) return undefined;
  const match = PLAIN_BEFORE_QUERY.exec(beforeQuery);
  if (!match) return undefined;
  const [, host, path] = match;
  // "//host/…" names a host, not a path; dot segments resolve away.
  if (path !== undefined && (DOT_SEGMENT.test(path) || (host === undefined && path.startsWith('//')))) return undefined;
  // The query runs from the first "?" before any "#" to the "#".
  let query = '';
  if (pathEnd >= 0 && href.charCodeAt(pathEnd) === QUESTION_MARK) {
    const hash = href.indexOf('#', pathEnd + 1);
    query = href.slice(pathEnd + 1, hash < 0 ? undefined : hash);
  }
  // Decoded as URL would, only when a name or the value asked for needs it (rarely an id).
  let decoded: URLSearchParams | undefined;
  const decodedParam = (name: string) => (decoded ??= new URLSearchParams(query)).get(name);
  const namesEncoded = ENCODED_NAME.test(query);
  const pathname = path ?? '/';
  return {
    hostname: host === undefined ? BASE_HOST : host.toLowerCase(),
    pathname,
    segments: segmentsOf(pathname),
    param: (name) => {
      if (namesEncoded) return decodedParam(name);
      const value = rawParam(query, name);
      return value !== null && ENCODED_VALUE.test(value) ? decodedParam(name) : value;
    },
  };
}

export function urlLinkParts(href: string): LinkParts | undefined {
  const url = toUrl(href, `https://${BASE_HOST}`);
  if (!url) return undefined;
  const params = url.search ? url.searchParams : undefined;
  return { hostname: url.hostname, pathname: url.pathname, segments: segmentsOf(url.pathname), param: (name) => params?.get(name) ?? null };
}

/** A link's parts, remembered per href: the id parser and the profile parser both ask about it. */
export const linkParts: (href: string) => LinkParts | undefined = rememberedByHref((href: string) => splitPlainLink(href) ?? urlLinkParts(href));
