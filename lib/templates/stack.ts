/**
 * Several snippets into one reply ("greeting" + "refund steps" + "sign-off"). Joining rule:
 * if any part spans several lines it is a letter-style reply, so parts are separated by a blank
 * line; otherwise they are sentences of one short post and get a single space (none between two
 * CJK characters, where spaces are not used). A greeting repeated by a later snippet is dropped.
 */

const GREETING = /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|привет|здравствуйте|добрый (?:день|вечер)|доброе утро|您好|你好|嗨)(?=[\s,，!！.、:]|$)(?:(?:\s+[\p{L}\p{M}'’-]+){0,3}\s*[,，!！:])?\s*/iu;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

function leadingGreeting(part: string): string | null {
  const m = GREETING.exec(part);
  return m ? m[0] : null;
}

export function stackSnippets(parts: readonly string[]): string {
  const cleaned: string[] = [];
  let greeted = false;
  for (const raw of parts) {
    let part = raw.trim();
    if (part === '') continue;
    const greeting = leadingGreeting(part);
    if (greeting !== null) {
      // Only strip a later greeting when something is left; a greeting-only snippet after a
      // greeting is simply dropped.
      if (greeted) {
        const rest = part.slice(greeting.length).trim();
        // "Hello there, your refund…" loses its greeting; its first word now starts a sentence.
        part = rest.charAt(0).toLocaleUpperCase() + rest.slice(1);
      }
      greeted = true;
    }
    if (part !== '') cleaned.push(part);
  }
  if (cleaned.some((p) => p.includes('\n'))) return cleaned.join('\n\n');
  let out = '';
  for (const part of cleaned) {
    if (out === '') {
      out = part;
      continue;
    }
    const before = out.slice(-1);
    const after = part.charAt(0);
    out += CJK.test(before) && CJK.test(after) ? part : ` ${part}`;
  }
  return out;
}
