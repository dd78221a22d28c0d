/** English phrase lists. Matched case-insensitively on word boundaries; spaces match any whitespace. */
export const EN = {
  overPromising: [
    'guaranteed', 'guarantee', 'we guarantee', 'today for sure', 'for sure', 'never again', 'never happen again',
    'will never happen', '100%', 'we promise', 'i promise', 'promise you', 'absolutely will', 'without fail',
  ],
  apology: ['sorry', 'apologise', 'apologize', 'apologies', 'apologised', 'apologized', 'our apologies', 'we apologize', 'we apologise', 'regret'],
  empathy: [
    'understand', 'i hear you', 'we hear you', 'frustrating', 'frustration', 'disappointing', 'not the experience',
    'not what you expected', 'that must be', 'thank you for your patience', 'thanks for your patience',
    'thanks for letting us know', 'thank you for letting us know', 'appreciate your patience', 'inconvenience',
  ],
  greetings: ['hi', 'hello', 'hey', 'dear', 'good morning', 'good afternoon', 'good evening', 'greetings', 'hiya'],
  dm: [
    'dm', 'dms', 'direct message', 'direct messages', 'private message', 'message us privately', 'messenger',
    'inbox', 'privately', 'in private', 'send us a message',
  ],
} as const;
