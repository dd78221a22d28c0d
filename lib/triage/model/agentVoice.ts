/**
 * A company's support agent speaking (English and Russian): "sorry to hear that, please DM us your
 * order number", "we apologise for the inconvenience", "приносим извинения". Their replies name the
 * very failures a complaint names (the order, the delay, the crash) and read as complaints to a
 * model taught by sentiment data. In the extension a brand's own replies are filtered by author
 * (the ownPost rule); bare text (`npm run triage`, the evaluation files) has no author, and a
 * labelled set of tweets about brands holds the brands' replies too. Only what a customer does not
 * say: "I sent you a DM" or "let us know when it's fixed" is a customer's, "DM us" is the company's.
 */
import { words } from './grievance';

/** English, matched on normalizeForModel's text: lower case, apostrophes inside words dropped ("were" = "we're"). */
const AGENT_VOICE = words(
  // Sympathy and apology in the company's name.
  'sorry to (?:hear|see|read|learn)',
  // "were" is also "we're" here: not after someone else ("they were sorry").
  String.raw`(?<!(?:they|you|he|she|it|who|people|staff|crew|everyone) )(?:we|were|we are) (?:so |very |really |truly |terribly )?sorry`,
  'we (?:sincerely |do |truly )?apologi[sz]e',
  String.raw`(?:apologi[sz]e|apologies|sorry) (?:for|about) (?:the|any|this|your) (?:inconvenience|trouble|frustration|confusion|hassle|wait|delay|disappointment|experience)`,
  String.raw`(?:thats|that is|this is|this isnt|thats not|that isnt) (?:not )?the (?:experience|service|standard) we`,
  'that sounds (?:frustrating|annoying|stressful|upsetting)', 'we hear you',
  String.raw`lets get (?:this|that|it|you) sorted`,
  // Asking the customer in.
  String.raw`(?:please |kindly |could you |can you |feel free to )?(?:dm|pm|direct message|private message) us`,
  String.raw`send us (?:a|your) (?:dm|pm|direct message|private message)`,
  String.raw`(?:please|kindly|pls) (?:dm|send (?:us )?(?:a|your) (?:dm|direct message|private message))(?! me(?![a-z]))`,
  String.raw`(?:reply|let us know|get in touch|message us) (?:in|via|by|through) (?:a )?(?:dm|direct message|private message)`,
  String.raw`i understand (?:how (?:frustrating|annoying|upsetting|you)|this is (?:a |so )?frustrating|your frustration)`,
  String.raw`(?:follow|follow back) (?:and|&) (?:dm|message)`,
  String.raw`(?:reach out to|contact) us (?:via|by|through|in) (?:dm|direct message|private message)`,
  String.raw`(?:wed|we would|wed love|we would love) (?:like |love )?to (?:help|look into|take a look|assist|get (?:this|that|it) sorted|make (?:this|it) right)`,
  String.raw`(?:well|we will|we can) (?:look into|take a look|get (?:this|that|it) sorted|be happy to|make (?:this|it) right|follow up)`,
  'happy to (?:help|assist)', 'how can we help', 'here to help', '(?:were|we are) here for you', 'keep us posted',
  String.raw`(?:were|we are) (?:aware of|looking into|investigating|working on (?:it|this|a fix|the issue))`,
  // Thanks for coming to the company.
  String.raw`(?:thanks|thank you) (?:so much )?for (?:reaching out|contacting us|getting in touch|your patience|bringing this to our attention|the heads up|flagging this)`,
  String.raw`(?:weve|we have) (?:passed|shared|forwarded|escalated|flagged|raised) (?:this|that|it|your)`,
  String.raw`(?:has|have) been (?:passed|forwarded|escalated) (?:on )?to (?:the|our)`,
  String.raw`(?:weve|we have|we) (?:sent|dropped) you a (?:dm|direct message|private message|message)`,
  // An agent's initials signing off: "… ^RR", "… /ay", "… -AD".
  // (\x2a is "*": words() reads a bare one as "any ending".)
  String.raw`(?:\^ ?|/|\x2a|-)(?!(?:lol|lmao|ha|hah|thx|ty|omg|wtf|smh|ugh|fml|wow|yes|no|ok|not|and|or)$)[a-z]{2,3}$`,
);

/** The same in Russian: "приносим извинения", "напишите нам в личные сообщения", "спасибо за обращение". */
const AGENT_VOICE_RU = words(
  'приносим (?:свои |наши )?извинения', 'просим (?:прощения|извинить)', String.raw`извините за (?:доставленные )?неудобства`, String.raw`сожалеем,? (?:что|о|об)`, String.raw`нам (?:очень |искренне )?жаль`,
  String.raw`понимаем (?:ваше (?:недовольство|возмущение|разочарование)|вас)`,
  String.raw`уточните,? (?:пожалуйста,? )?(?:номер|ваш|ваши|данные|в личн|в лс)`,
  String.raw`(?:напишите|пишите|направьте) (?:нам|номер|данные)`, String.raw`(?:напишите|пишите) в (?:лс|личку|личные сообщения|директ)`,
  String.raw`(?:спасибо|благодарим) за (?:обращение|ожидание|терпение|обратную связь|ваш отзыв)`,
  String.raw`наши специалисты`, String.raw`мы (?:уже )?передали`, String.raw`передали (?:информацию|вашу|ваше|ваш|коллегам)`,
  String.raw`разбер[её]мся`, String.raw`(?:постараемся|готовы|рады) помочь`,
);

/**
 * How many of an agent's phrases a post in `language` holds, at most 2: an agent's reply nearly
 * always has more than one ("sorry to hear that … please DM us … we'll look into it"), and it names
 * the failure it answers ("your order hasn't arrived"), which alone outweighs one.
 */
export function agentPhrases(text: string, language: 'en' | 'ru'): number {
  const voice = language === 'ru' ? AGENT_VOICE_RU : AGENT_VOICE;
  let found = 0;
  voice.lastIndex = 0;
  for (let m = voice.exec(text); m && found < 2; m = voice.exec(text)) {
    if (!reported(text, m.index)) found += 1;
  }
  return found;
}

/** Text in quotation marks (a quote opens after a space or at the start, so "we're" is none). */
const QUOTED = /(?:^|(?<=[\s(:]))(?:"[^"]*"|'[^']*'|“[^”]*”|‘[^’]*’|«[^»]*»|„[^“]*“)/g;
/** A customer reporting what the company said: "your agent said we're looking into it". */
const REPORTING = /(?:said|says|saying|told (?:me|us)|tells (?:me|us)|reply (?:was|is)|replied|response (?:was|is)|all (?:i|we) (?:ever )?get is|keep getting|kept getting|ответили|отвечают|пишут|написали|сказали|говорят|обещали)[\s,:]*$/;

/**
 * Whether the phrase at `at` is the customer's report of the company's words: inside quotation
 * marks ("all I get is 'sorry for the inconvenience'"), or right after "said", "told me", "all I
 * get is". Customers quote agents' boilerplate in complaints all the time.
 */
function reported(text: string, at: number): boolean {
  QUOTED.lastIndex = 0;
  for (const q of text.matchAll(QUOTED)) {
    if (q.index > at) break;
    if (at < q.index + q[0].length) return true;
  }
  return REPORTING.test(text.slice(Math.max(0, at - 30), at));
}
