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
  /** The first value of a query parameter, as URLSearchParams.get answers. */
  param(name: string): string | null;
}

/**
 * Absolute http(s) with a plain host, or a path from the root. No character URL would escape or
 * decode before the query (space, quotes, <>`{}^|, %, +, backslash, non-ASCII), no dot segment to
 * resolve, no port, no "//" that would name a host; the host's last label is letters (a number
 * would make it IPv4).
 */
const PLAIN = /^(?:https?:\/\/((?:[a-z0-9-]+\.)*[a-z]+))?(\/[^?#]*)?(?:\?([^#]*))?(?:#.*)?$/i;
const NOT_PLAIN = /[^\x21-\x7e]|["'<>`{}^|%+\\]/;
/**
 * The same after the path, less `%` and `+`: URL keeps a query as written (Facebook's tracking
 * parameters, `__tn__=%2CO%2CP-R`, are on nearly every link) and only a parameter read decodes.
 */
const NOT_PLAIN_AFTER_PATH = /[^\x21-\x7e]|["'<>`{}^|\\]/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;
/** A parameter name URLSearchParams would decode ("+" is a space, "%5F" an underscore). */
const ENCODED_NAME = /(?:^|&)[^=&]*[%+]/;
const ENCODED_VALUE = /[%+]/;
const QUERY_OR_HASH = /[?#]/;
const IDN_LABEL = /xn--/i;

export function splitPlainLink(href: string): LinkParts | undefined {
  const pathEnd = href.search(QUERY_OR_HASH);
  const beforeQuery = pathEnd < 0 ? href : href.slice(0, pathEnd);
  // An IDN label (xn--) is checked and converted by URL; a numeric last label makes an IPv4 address.
  if (NOT_PLAIN.test(beforeQuery) || IDN_LABEL.test(beforeQuery)) return undefined;
  if (pathEnd >= 0 && NOT_PLAIN_AFTER_PATH.test(href.slice(pathEnd))) return undefined;
  const match = PLAIN.exec(href);
  if (!match) return undefined;
  const [, host, path, query] = match;
  // "//host/…" names a host, not a path; dot segments resolve away.
  if (path !== undefined && (DOT_SEGMENT.test(path) || (host === undefined && path.startsWith('//')))) return undefined;
  const pairs = query ? query.split('&') : [];
  // Decoded as URL would, only when a name or the value asked for needs it (rarely an id).
  let decoded: URLSearchParams | undefined;
  const decodedParam = (name: string) => (decoded ??= new URLSearchParams(query)).get(name);
  const namesEncoded = query !== undefined && ENCODED_NAME.test(query);
  return {
    hostname: host === undefined ? BASE_HOST : host.toLowerCase(),
    pathname: path ?? '/',
    param: (name) => {
      if (namesEncoded) return decodedParam(name);
      for (const pair of pairs) {
        if (pair === '') continue;
        const at = pair.indexOf('=');
        if ((at < 0 ? pair : pair.slice(0, at)) !== name) continue;
        const value = at < 0 ? '' : pair.slice(at + 1);
        return ENCODED_VALUE.test(value) ? decodedParam(name) : value;
      }
      return null;
    },
  };
}

export function urlLinkParts(href: string): LinkParts | undefined {
  const url = toUrl(href, `https://${BASE_HOST}`);
  if (!url) return undefined;
  const params = url.search ? url.searchParams : undefined;
  return { hostname: url.hostname, pathname: url.pathname, param: (name) => params?.get(name) ?? null };
}

/** A link's parts, remembered per href: the id parser and the profile parser both ask about it. */
export const linkParts: (href: string) => LinkParts | undefined = rememberedByHref((href: string) => splitPlainLink(href) ?? urlLinkParts(href));
