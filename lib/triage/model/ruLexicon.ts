/**
 * General Russian praise and complaint words, written for the complaint model (not the sentiment
 * lexicon of lib/triage/lexicon, which the rules also read). The Russian training file is tweets
 * about banks whose "not" class is mostly news, so praise is rare there and a happy post reads as
 * unusual, hence complaint-like; thanks and "молодцы" are grievance.ts cues, but praise without
 * them ("космос", "всё чётко", "лучший банк", "курьер приехал быстрее, чем…") had nothing to go on.
 * The words are about any service (delivery, telecom, banks, shops, food), so they carry beyond the
 * bank tweets. A word right after a negator counts for the other side ("не доволен", "не быстро",
 * "без задержек"); words that carry their own negator ("неплохо", "недоволен") are never flipped.
 */

/** Stems: `*` is any ending. Whole words only. */
const PRAISE = [
  'отлично', 'отличн*', 'прекрасн*', 'замечательн*', 'великолепн*', 'шикарн*', 'восхитительн*', 'потрясающ*', 'идеальн*', 'безупречн*',
  'ч[её]тко', 'быстр[оаы]', 'быстрый', 'быстрая', 'быстрое', 'быстрее', 'моментально', 'мгновенно', 'оперативн*', 'вовремя', 'в срок',
  'удобн*', 'приятн*', 'вежлив*', 'внимательн*', 'профессионал*', 'компетентн*', 'аккуратн*', 'качественн*', 'надежн*', 'над[её]жн*',
  'космос', 'огонь', 'топ', 'топчик', 'кайф', 'кайфово', 'класс', 'классн*', 'круто', 'крут[ао]я', 'крутой', 'супер', 'шик', 'бомба', 'пушка',
  'лучш(?:ий|ая|ее|ие|его|ей|ему|им|их)', 'нравится', 'нравятся', 'понравил*', 'обожаю', 'люблю', 'рекомендую', 'советую', 'доволен', 'довольн[аы]',
  'рад', 'рада', 'рады', 'радует', 'порадовал*', 'восторг*', 'в восторге', 'на высоте', 'на уровне', 'без нареканий', 'как часы', 'выручил*', 'спасли',
  'вкусн*', 'свеж(?:ий|ая|ее|ие|ую)', 'горяч(?:ий|ая|ее|ие|ую)(?! лини)', 'т[её]пл(?:ый|ая|ое|ые|ую)', 'в целости', 'неплох*', 'неплохо',
  // Speed: "за 12 минут", "за секунду", "минута в минуту", "в два клика".
  String.raw`за (?:\d+|пару|пять|десять|пятнадцать|двадцать|несколько|считанные) минут[уы]?`, 'за (?:минуту|секунду|секунды|пару секунд|полчаса)', 'минута в минуту', 'в (?:два|пару|один|три) клик[аов]*',
  'норм', 'нормально', 'вс[её] (?:ок|окей|норм|чётко|четко|супер|хорошо|отлично|круто)', 'хорош(?:ий|ая|ее|ие|о)', 'хороший',
  // "раф на кокосовом это любовь", "ничего так обновились", and the emoji that say the same
  'это любовь', 'ничего так', 'вот это я понимаю', '🔥', '😍', '🥰', '❤', '👍',
];
const COMPLAINT = [
  'ужасн*', 'отвратит*', 'кошмар*', 'безобрази*', 'позор*', 'хамств*', 'хамят', 'нахамил*', 'грубо', 'груб(?:ый|ая|ые|ит|ят)', 'обман*', 'развод*',
  'мошенни*', 'отстой*', 'худш*', 'разочаров*', 'недоволен', 'недовольн*', 'жалоб*', 'претензи*', 'бардак', 'бесит', 'бесят', 'достал*', 'издевательств*',
  'холодн(?:ый|ая|ое|ые|ую)', 'остыл*', 'ледян*', 'невкусн*', 'испорч*', 'просроч*', 'тухл*', 'гнил*', 'сломан*', 'разбит*', 'мят(?:ый|ая|ое|ые|ую)',
  'порван*', 'протек*', 'пролил*', 'разлил*', 'перепутал*', 'опоздал*', 'опаздыва*', 'задерж*', 'долго', 'медленн*', 'дорого', 'переплат*',
  'плох*', 'хуже', 'ерунд*', 'фигня', 'треш', 'жесть', 'косяк*', 'накосячил*', 'напортачил*', 'игнор*', 'кинули', 'верните', 'грабеж*', 'грабёж*',
  'никогда больше', 'больше никогда', 'ни ногой', 'не советую', 'не рекомендую',
];

const L = String.raw`(?<![a-z0-9а-яё])`;
const R = String.raw`(?![a-z0-9а-яё])`;
const stem = (w: string): string => w.replace(/\*/g, '[а-яё]*');
const POLARITY: readonly (readonly [RegExp, 1 | -1])[] = [
  ...COMPLAINT.map((w): [RegExp, 1 | -1] => [new RegExp(`^${stem(w)}$`, 'u'), 1]),
  ...PRAISE.map((w): [RegExp, 1 | -1] => [new RegExp(`^${stem(w)}$`, 'u'), -1]),
];
/** Complaint words first: a word in both lists ("плохо"/"неплохо" are distinct) takes the complaint side. */
const WORD_RE = new RegExp(`${L}(?:${[...COMPLAINT, ...PRAISE].map(stem).join('|')})${R}`, 'gu');
/** A negator, perhaps with a softener ("не очень", "не слишком", "не так уж"), just before a word. */
const NEGATED_BEFORE = /(?:^|[^а-яё])(?:не|ни|без)\s+(?:(?:очень|слишком|особо|особенно|так|сильно|совсем|самый|самая|самое|уж|то)\s+)*$/u;
/** Words that carry their own negation ("не советую", "неплохо", "недоволен", "ни ногой") are never flipped again. */
const OWN_NEGATOR = /^(?:не|ни|без)/u;

export interface RuLexiconHits {
  complaint: (readonly [number, number])[];
  praise: (readonly [number, number])[];
}

/** Spans [start, end) of complaint and praise words in lower-cased text. */
export function ruLexiconHits(text: string): RuLexiconHits {
  const out: RuLexiconHits = { complaint: [], praise: [] };
  for (const m of text.matchAll(WORD_RE)) {
    let p = POLARITY.find(([re]) => re.test(m[0]))?.[1] ?? 1;
    if (!OWN_NEGATOR.test(m[0]) && NEGATED_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index))) p = p === 1 ? -1 : 1;
    (p === 1 ? out.complaint : out.praise).push([m.index, m.index + m[0].length]);
  }
  return out;
}
