/**
 * Facebook links for property tests, built from the parts real ones have (hosts, path segments,
 * the query parameters the readers ask for) plus the characters URL escapes, decodes or resolves.
 */
import fc from 'fast-check';

/** The query parameters the Facebook readers ask for, and two they never do. */
export const HREF_PARAMS = ['story_fbid', 'id', 'fbid', 'v', 'comment_id', 'reply_comment_id', '__tn__', 'set'];

const scheme = fc.constantFrom('', 'https://', 'http://', 'HTTPS://', '//', 'javascript:');
const host = fc.constantFrom('www.facebook.com', 'facebook.com', 'm.facebook.com', 'WEB.Facebook.COM', 'facebook.com.evil.com', 'evil.com', '0x7f.1', 'facebook.com:443', 'face book.com');
const segment = fc.constantFrom(
  'posts',
  'permalink',
  'videos',
  'reel',
  'groups',
  'user',
  'profile.php',
  'permalink.php',
  'AcmeBakery',
  'pal.3',
  'pfbid02Kq3xYzAbCdEfGh12',
  '1234567890',
  '..',
  '.',
  '',
  'a b',
  '%41',
  'café',
  'x+y',
  'a\\b',
  'it"s',
  'a^b',
  'a|b',
  'A-B_c~d',
  'e:f@g',
  '%2e%2e',
  '%2E',
);
// Facebook's own tracking values (`__tn__=%2CO%2CP-R`), escapes URLSearchParams decodes, broken ones
// it keeps, and characters URL escapes or drops in a query (tab and newline anywhere, spaces at the end).
const value = fc.constantFrom('1234567890', 'pfbid02Kq3xYzAbCdEfGh12', 'Y29tbWVudDoxMjM0NTY3ODlfOTg3NjU0MzIx', 'a+b', '%31', '', 'R]-R', 'x=y', '%2CO%2CP-R', '123%34', 'a%20b', '%ZZ', '%C3', '+1', 'AZW1x-_y', '12 34', '1234 ', 'café', 'it"s', "it's", '<b>', 'a`b', '{1}', 'a^b', 'a|b', 'a\\b', '12\t34', '12\n34');
const name = fc.constantFrom(...HREF_PARAMS, 'ID', '', '__cft__[0]', 'comment%5Fid', 'comment_id+', 'fb%69d');
const param = fc.tuple(name, fc.option(value, { nil: undefined })).map(([key, v]) => (v === undefined ? key : `${key}=${v}`));

export const facebookHref = fc
  .tuple(fc.option(fc.tuple(scheme, host), { nil: undefined }), fc.array(segment, { maxLength: 5 }), fc.option(fc.array(param, { maxLength: 4 }), { nil: undefined }), fc.option(fc.constantFrom('#', '#top', '#a?b=1', '#%20', '#a+b', '#a b', '#é'), { nil: undefined }))
  .map(([origin, path, query, hash]) => `${origin ? origin[0] + origin[1] : ''}${path.length > 0 || origin ? '/' : ''}${path.join('/')}${query ? `?${query.join('&')}` : ''}${hash ?? ''}`);
