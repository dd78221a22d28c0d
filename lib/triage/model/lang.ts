/**
 * Which language a post is in, by script and a few English function words. Chinese characters
 * carry a word each, so they count triple against letters; a Latin-script post with several words
 * and no English function word is "other" (Spanish, German…), which the model treats as English
 * without its language-specific cues.
 */
export const LANGUAGES = ['en', 'ru', 'zh', 'other'] as const;
export type Language = (typeof LANGUAGES)[number];

const EN_FUNCTION_WORDS = new Set(
  ('the an to of and or but for in on at by with from is are was were be been am i my we our you your it its ' +
    'this that they them their he she his her not have has had do does did can will would should still just ' +
    "so why what how when where who please thanks thank hi hey don't can't won't isn't hasn't haven't didn't doesn't " +
    "i'm i've it's yet again any all get got").split(' '),
);

const NOT_TEXT = /https?:\/\/\S+|www\.\S+|[@#＃][\p{L}\p{N}_]+/gu;

export function detectLanguage(text: string): Language {
  const body = text.replace(NOT_TEXT, ' ');
  let han = 0, cyr = 0, lat = 0;
  // Code ranges, not a regex per character: this runs for every post.
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) lat++;
    else if (c >= 0x400 && c <= 0x4ff) cyr++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) han++;
  }
  if (han === 0 && cyr === 0 && lat === 0) return 'other';
  if (han * 3 >= Math.max(cyr, lat)) return 'zh';
  if (cyr >= lat) return 'ru';
  const words = body.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (words.length >= 4 && !words.some((w) => EN_FUNCTION_WORDS.has(w))) return 'other';
  return 'en';
}
