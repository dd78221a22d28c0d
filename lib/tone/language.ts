/** Which phrase lists apply, by script: Han → zh, Cyrillic → ru, Latin → en. Majority of letters wins. */
export type ReplyLanguage = 'en' | 'ru' | 'zh' | 'other';

export function detectLanguage(text: string): ReplyLanguage {
  let han = 0;
  let cyrillic = 0;
  let latin = 0;
  let other = 0;
  for (const ch of text) {
    if (/\p{Script=Han}/u.test(ch)) han++;
    else if (/\p{Script=Cyrillic}/u.test(ch)) cyrillic++;
    else if (/\p{Script=Latin}/u.test(ch)) latin++;
    else if (/\p{L}/u.test(ch)) other++;
  }
  // A Han character carries about a word's worth of meaning, so weigh it like ~3 letters:
  // "您好 John" is Chinese, not English.
  const scores: Array<[ReplyLanguage, number]> = [
    ['zh', han * 3],
    ['ru', cyrillic],
    ['en', latin],
    ['other', other],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  const best = scores[0];
  return best && best[1] > 0 ? best[0] : 'other';
}
