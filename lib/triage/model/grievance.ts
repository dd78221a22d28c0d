/**
 * Grievance cues: what separates a complaint to a business from mere negativity. Unresolved
 * problems and elapsed time ("still", "hasnt", "3 weeks", "до сих пор", "还没"), outages, money
 * taken wrongly ("charged twice", "списали дважды", "多扣"), things that broke, questions that
 * accuse ("why is my…", "почему", "凭什么"), broken expectations ("was told", "обещали", "说好的"),
 * sarcasm ("thanks for the surprise price rise"); and the counter-evidence: settled or negated
 * problems ("not bad at all", "没问题"), plain requests, suggestions, relayed news. Each cue is one
 * feature; most weigh what train.ts CUE_WEIGHTS sets (the data is not posts to brands). Patterns
 * run on the model's normalised text (lower case, collapsed spaces, digits kept, mentions as "@").
 * Latin and Cyrillic patterns need word boundaries, which JavaScript's \b does not give for
 * Cyrillic, hence the explicit lookarounds.
 */
export interface Cue {
  name: string;
  re: RegExp;
}

/** Which script a cue needs, from its name: the others are skipped for a post without it. */
export const scriptOf = (cue: Cue): 'latin' | 'cyrillic' | 'han' | 'any' =>
  cue.name.startsWith('en.') ? 'latin' : cue.name.startsWith('ru.') ? 'cyrillic' : cue.name.startsWith('zh.') ? 'han' : 'any';

// The text is lower-cased: a plain class is much faster than \p{L} in a lookbehind at every position.
const L = String.raw`(?<![a-z0-9а-яёà-ÿ])`;
const R = String.raw`(?![a-z0-9а-яёà-ÿ])`;
/** Whole words; `*` after a stem means "any ending", also inside a group ("не (?:пришл*|ответил*)"). */
export const words = (...alts: string[]): RegExp => new RegExp(`${L}(?:${alts.map((a) => a.replace(/\*/g, '[a-zа-яё]*')).join('|')})${R}`, 'gu');
const han = (...alts: string[]): RegExp => new RegExp(alts.join('|'), 'gu');

const NUM_EN = String.raw`(?:\d+|a|an|one|two|three|four|five|six|seven|ten|few|several|many|multiple|couple of|48|24)`;
const NUM_RU = String.raw`(?:\d+|два|две|три|четыре|пять|несколько|много|полтора)`;
/** Order and ticket states a post quotes when nothing moved ("still shows \"processing\""). */
const STATUS_EN = String.raw`(?:pending|processing|in transit|awaiting [a-z]+|on hold|unpaid|preparing|label created|not (?:shipped|dispatched|delivered|received)|under review|in review)`;
/** The same without a verb before it; "processing" alone is also a mood ("still processing that match"). */
const STATUS_BARE_EN = String.raw`(?:pending|in transit|awaiting [a-z]+|on hold|unpaid|not (?:shipped|dispatched|delivered|received)|under review)`;
/** Not followed, within a few characters, by a Chinese "but" (就是, 但, 可是, 不过, 只是, 可惜). */
const ZH_NOT_BEFORE_BUT = '(?![^。！？!?]{0,3}(?:就是|但|可是|不过|只是|可惜))';
const DATE_EN = String.raw`(?:\d+(?:st|nd|rd|th)?|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)|(?:mon|tues|wednes|thurs|fri|satur|sun)day)`;

export const CUES: readonly Cue[] = [
  // ---- English
  { name: 'en.unresolved', re: words(String.raw`still (?:not|no|waiting|broken|nothing|cant|cannot|havent|hasnt|have not|has not|dont|doesnt|didnt|isnt|unable|charging|being)`, 'not yet', 'yet to', 'nothing yet', 'no word', 'no (?:response|reply|answer|update|refund|resolution|help|one|call ?back|callback|follow ?up|email|confirmation)', 'nobody', 'no one', 'noone', String.raw`still (?:shows?|showing|says|saying|reads|listed as|marked as|stuck (?:on|at|in)|sitting (?:at|on|in))(?: as)? ["“”']?${STATUS_EN}`, `still ${STATUS_BARE_EN}`, String.raw`(?:is|are|its|been|was|sat|sitting|stuck) (?:as |on |at )?["“”']?${STATUS_BARE_EN}["“”']? (?:since|for (?:days|weeks|over|more|${NUM_EN}))`, 'still (?:getting|receiving)(?! used)', String.raw`(?:is|are|its|been) still (?:processing|preparing)`) },
  { name: 'en.still', re: words('still', 'yet', 'anymore', 'any more') },
  { name: 'en.neverDid', re: words(String.raw`(?:hasnt|havent|has not|have not|didnt|did not|never|not) (?:yet )?seen (?:the |my |any |a )?(?:refund|money|credit|payment|parcel|package|order|item|delivery|replacement)`, String.raw`(?:hasnt|havent|hasnt|havent|has not|have not|didnt|didnt|did not|never|not) (?:been )?(?:arrived|received|receive|got|get|gotten|came|come|showed|shown|delivered|refunded|replied|responded|heard|answered|fixed|resolved|shipped|credited|processed|returned|called|contacted|updated|sent|apply|applied|work|worked|load|loaded|go through|went through|show up|turn up|turned up)`, String.raw`(?:isnt|arent|wasnt|werent|is not|are not|not) (?:showing|appearing|loading|arriving|updating|coming through|going through)`) },
  { name: 'en.time', re: words(String.raw`${NUM_EN} (?:min|mins|minutes?|hrs?|hours?|days?|weeks?|wks?|months?|years?|times?|calls?|emails?)`, String.raw`since (?:yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|last|early|the|this morning|\d+|\d{1,2}(?::\d\d)? ?(?:am|pm))`, 'for (?:ages|days|weeks|months|hours|an hour|a week|a month)', 'on hold', 'all day', 'all week', 'every time', 'each time', String.raw`(?:from|since) (?:last|the other) (?:week|month|year|(?:mon|tues|wednes|thurs|fri|satur|sun)day)`, String.raw`(?:placed|ordered|paid|booked|returned|submitted|requested|reported|sent|shipped|went) (?:[a-z]+ ){0,4}?(?:on|back on|back in) (?:the )?${DATE_EN}`,
    // "my tv went in for repair on nov 2nd. its now jan 9th"
    String.raw`(?:its|it is) now (?:the )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d`) },
  { name: 'en.again', re: words('again', 'yet again', 'over and over', 'keeps?', 'kept', 'constantly', 'repeatedly', 'always', 'every single',
    // "third time asking", "2nd email about this", "asked twice already"
    String.raw`(?:second|third|fourth|fifth|sixth|umpteenth|nth|\d+(?:nd|rd|th)) (?:time|attempt|call|email|message|request|chat|complaint)`, String.raw`(?:asked|told you|called|emailed|messaged|chased|reported) (?:you |this |it )?(?:twice|before|already|three times|multiple times)`) },
  { name: 'en.money', re: words('refund*', 'charg*', 'overcharg*', 'bill', 'billed', 'billing', 'fee', 'fees', 'payment', 'paid', 'pay', 'money', 'credit', 'debit', 'invoice', 'compensat*', 'reimburs*', 'price', 'cost', 'dollars?', 'rs', 'rupees?', '\\$\\d+') },
  { name: 'en.billing', re: words(String.raw`(?:charged|billed|debited|taken) (?:me )?(?:twice|double|two times|again|extra|wrong)`, 'double charged', 'dont recogni[sz]e', 'do not recogni[sz]e', 'unauthori[sz]ed', 'without (?:my )?(?:permission|consent|authori[sz]ation)', 'non ?refundable', String.raw`(?:price|fee|bill|premium|rate|subscription|payment|direct debit|plan)s? (?:rise|hike|increase|went up|doubled|(?:has |have |just )?(?:gone|went|jumped|shot|rose) (?:up|from))`, 'hidden (?:fee|charge)s?', String.raw`(?:rang|rung|rings|scanned|scans|came) up (?:as|at)`, String.raw`(?:shelf|label|advertised|listed) price`, 'extra (?:fee|charge)s?', 'overcharg*', 'never (?:ordered|signed up|subscribed|authori[sz]ed)') },
  { name: 'en.order', re: words('order*', 'deliver*', 'package', 'parcel', 'shipment', 'shipping', 'shipped', 'tracking', 'courier', 'return*', 'replace*', 'exchange', 'warranty', 'seller', 'product', 'item', 'purchase*', 'bought', 'receiv*', 'arriv*', 'booking', 'reservation', 'flight', 'bag', 'luggage', 'subscription', 'account', 'cancel*', 'support', 'customer service', 'agent', 'ticket', 'complain*', 'store', 'service') },
  { name: 'en.broken', re: words('broke', 'broken', 'damag*', 'defect*', 'faulty', 'missing', 'wrong', 'lost', 'stuck', 'crash*', 'error*', 'fail*', 'glitch*', 'bug', 'buggy', 'not working', 'stopped working', 'doesnt work', 'does not work', 'dont work', 'wont (?:load|open|work|start|let|turn|charge|connect)', 'cant (?:log|access|get|use|login|sign|connect|find|reach)', 'cannot', 'unable', 'down', String.raw`(?<!(?:scheduled|planned) )outage`, String.raw`(?<!open |stay |staying |until |how )late(?! (?:night|checkout|check ?out|check ?in|opening|shift))`, 'delay*', 'leak*', 'torn', String.raw`(?:came|come|comes|fell|falls|fallen|falling) (?:off|apart|out)`, 'duplicat*', 'ripped', 'cracked', 'scratch*', 'dead', 'fake', 'expired', 'spoil*', 'rotten', 'stale', 'smell*', 'dirty', 'cheap', 'poor', 'worst', 'waste') },
  { name: 'en.accuse', re: words(String.raw`why (?:is|are|am|was|were|do|does|did|would|cant|wont|isnt|hasnt|havent|dont|doesnt|didnt|the hell|on earth|would|should|has|have)`, 'how (?:is|are|can|could|do|does) (?:this|it|you|that)', 'how hard', 'whats going on', 'what is going on', 'what the', 'where (?:is|are) (?:my|our|the)', 'wheres my', 'when (?:will|are|can) (?:i|my|you|we)', 'when do i get', 'is anyone', 'anyone there', 'are you (?:kidding|serious|joking)', 'seriously', 'really', 'explain',
  // Calm accusations: "is it normal that…", "is there a reason my…", "tell me why my…", "what now?"
  String.raw`is (?:it|this|that) (?:normal|acceptable|fair|legal)(?: (?:that|to|for|now)|\?|$)`, String.raw`is there a reason (?:why )?(?:my|our|i|we|you|your)`, String.raw`(?:tell me|explain|no idea) why`, 'why (?:my|our)', 'what now', 'now what') },
  { name: 'en.expect', re: words('supposed to', 'was told', 'were told', 'told me', 'promised', 'promise', 'should have', 'shouldve', 'expected', 'expect', 'paid for', String.raw`(?<!(?:can|could|may) (?:i|we) [a-z ]{0,40})instead of`, 'only to', 'not as (?:described|advertised|shown|expected)', 'not what i',
    // "booked a sea view room, got a view of the car park": what was paid for against what came.
    String.raw`paid (?:extra|more|good money|a premium|double) for`,
    String.raw`(?:booked|ordered|reserved|paid for|asked for|requested) (?:a|an|the|my|our|two|\d+) [a-z0-9 ]{1,30}(?:,| and| but)? (?:they |you |instead )?(?:got|received|was given|were given|gave me|gave us|sent me|sent us)(?! (?:it|them|there|here|back|home|in|a (?:refund|reply|response|call|confirmation|text|email)|an email|my (?:order|refund)|a lovely|an upgrade|upgraded)${R})`, 'never again', 'last time', 'used to', String.raw`claim(?:s|ed|ing)? (?:to|that|it|its|this|they|you)`, 'guarantee*', 'advertis*', 'misleading', 'false') },
  { name: 'en.demand', re: words('fix (?:this|it|your)', 'refund me', 'i want (?:my|a)', String.raw`(?<!(?:do|does|did|would|will|should|if) )i need (?:my|a|to)`, 'give me', 'sort (?:this|it) out', 'do something', 'please help', 'pls help', 'help me', 'contact me', 'call me', 'escalat*', 'manager', 'supervisor', String.raw`(?:can|could|would|will) (?:someone|somebody|anyone|you)(?: (?:at|from) (?:@|[a-z]+)| there)? (?:please )?(?:check|look into|look at|chase|find out)(?! (?:it |this )?out)(?= ?[?!.]|$| on| into| this| it| my| why| what happened| where)`) },
  { name: 'en.mine', re: words('my (?:order|account|card|package|parcel|phone|flight|bag|bags|luggage|money|refund|item|product|booking|delivery|bill|payment|subscription|internet|service|connection|laptop|device|car)', 'your (?:service|app|company|staff|support|customer|website|site|team|product|store|people|agents?)', 'you guys', 'you people') },
  { name: 'en.outage', re: words(String.raw`(?:servers?|site|website|app|network|system|login|checkout) (?:are |is |went |been |keeps? going )?down(?! (?:the|to|for|a|my|your|our|here|there|from)${R})`, String.raw`no (?:internet|data|signal|service|power|wifi|wi fi|connection|network|coverage|sound|picture|hot water|heating|electricity|dial tone)`, String.raw`(?<!(?:scheduled|planned) )outage`, 'is down', 'are down', 'went down', 'been down', String.raw`(?<!(?:available|watch|use|play|read|download|downloaded|work|listen|save|saved|access|for|go|goes|going|it) )offline(?! (?:mode|viewing|use|access|listening|playback|maps?|too))`, 'buffering', 'out of sync', 'keeps? (?:dropping|crashing|freezing|buffering|disconnecting|logging)', 'dropped calls?', 'power cut', 'blackout') },
  // A service failing the author, in any industry: declined, cancelled, locked out, left waiting, a no-show, the app that won't let them.
  { name: 'en.failure', re: words(
    String.raw`(?:card|payment|transaction|purchase|transfer|order) (?:was |got |gets |keeps? (?:getting |being )?|is |has been |been |just )?(?:declined|rejected|refused|bounced|reversed)`,
    String.raw`(?:flight|order|booking|reservation|appointment|delivery|subscription|account|train|plan|card|installation|visit) (?:was |has been |got |been |is |just |randomly |suddenly )?(?:cancell?ed|suspended|locked|frozen|blocked|terminated|disconnected|deactivated|deleted|hacked)`,
    // Not "I cancelled my…", "lost my card on the bus" told by its loser.
    String.raw`(?<!(?:i|ive|i have|i just|we|weve|we have) )(?:cancell?ed|suspended|locked|froze|blocked|deleted|deactivated|closed|lost|ignored) (?:all (?:of )?)?(?:my|our) (?:folders?|flight|order|booking|reservation|appointment|delivery|subscription|account|card|service|train|bag|bags|luggage|parcel|package|ticket|claim|complaint|email|emails|messages?|save(?: files?)?|files?|photos|pictures|data|progress|playlists?|contacts|notes|documents?)`,
    'locked out', String.raw`kicked (?:me |us )?(?:out|off)`, String.raw`cut (?:me |us )?off`, String.raw`hung up on (?:me|us)`, 'run ?around', String.raw`transferred (?:\d+|three|four|five|multiple|several) times`,
    'been waiting', String.raw`(?:still|keep|kept) waiting`, String.raw`(?:waiting|waited) (?:for|on) (?:my|a|an|the|our) (?:refund|order|delivery|parcel|package|engineer|technician|driver|courier|call ?back|callback|response|reply|replacement|repair|money|credit|answer|update)`,
    String.raw`no (?:driver|engineer|technician|courier|show|explanation|apology|communication|contact|compensation)`, 'no ?show', 'came and went', String.raw`(?:never|didnt|did not) (?:showed?|turned?) up`,
    String.raw`(?:wont|doesnt|does not|wouldnt|isnt|not) let(?:ting)? me`, String.raw`keeps? (?:saying|telling me|asking me|rejecting|declining|failing|charging|cancell?ing|logging me out)`,
    String.raw`(?:didnt|did not|never|wont|doesnt) make it`, String.raw`(?:wasnt|isnt|werent|arent|was not|is not|not) in (?:my|the) (?:inventory|account|order|bag|box|package|parcel|delivery)`, 'missing from', String.raw`day \d+ (?:of|without|and still)`,
    'someone elses', String.raw`(?:disappeared|vanished|gone missing|went missing)`, String.raw`(?:failed|fails|failing) to`, String.raw`(?:payment|transfer|upload|update|sync|login|log in|sign in|checkout) (?:failed|fails|failing|error)`,
    // Also "can't download", "won't restart", "having issues with playback": a product not doing its
    // job (not "no longer having issues", "won't regret it", "can't recommend it enough": en.fine, en.praise).
    String.raw`(?:cant|cannot|unable to|couldnt) (?:pay|check ?out|book|cancel|get through|get hold|log ?in|sign ?in|access|receive|send|hear|download|install|update|upload|stream|watch|play|open|load|order|withdraw|transfer|top up|redeem|reset|activate|verify|unlock|track|print|scan|register)`,
    String.raw`(?<!no longer |not |stopped |never |arent |isnt |wasnt |without )(?:having|have|facing|experiencing) (?:an? |some |real |major |serious |constant |ongoing |the same |so many |lots of |a lot of )?(?:issues?|problems?|trouble)(?! (?:deciding|choosing|picking|finding the words))`,
    String.raw`wont (?!(?:stop|miss|forget|regret|be|lie|hesitate|mind|judge|complain|disappoint|let (?:you|us) down|ever|believe|need|go)${R})[a-z]+`,
    String.raw`wont stop (?:crashing|freezing|buffering|charging|calling|emailing|texting|sending|spamming|beeping|restarting)`,
    String.raw`(?:driver|staff|guard|cashier|agent|waiter|waitress|rep|engineer|courier|manager|employee|receptionist|crew)s? (?:was |were |is |are |kept |keeps |been )?(?:so |very |really |extremely |incredibly )?(?:rude|unprofessional|aggressive|condescending|dismissive|on (?:his|her|their) phone)`, 'humiliat*', String.raw`ran (?:a|the|two|several) red lights?`,
    'mou?ldy', 'food poisoning', String.raw`(?:made|making|gave|given) (?:me|us|my [a-z]+) (?:sick|ill|a rash|food poisoning|a reaction|hives|a headache)`, 'allergic reaction',
  ) },
  // Sarcasm: praise words around a failure ("thanks for the surprise price rise", "oh good, … broken again").
  { name: 'en.sarcasm', re: words('thanks? (?:@ )?(?:a lot |so much )?for (?:nothing|another|ruining|wasting|the surprise|the extra)', 'just what i needed', 'new (?:personal )?record', 'oh (?:good|great|joy|wonderful|perfect)', 'great,? another', 'love (?:it )?(?:when|how) (?:you|my|the|i)', 'gotta love', 'what a (?:joke|surprise|shock)', 'so glad i (?:paid|waited)', 'really enjoying', 'because (?:why|who) (?:not|needs)', '🙄', '😒', '🤦') },
  // ---- Russian
  { name: 'ru.unresolved', re: words('до сих пор', 'вс[её] ещ[её]', 'ещ[её] не', 'так и не', 'никто не', 'никак не', 'нет ответа', 'без ответа', 'ответа нет', 'не отвечают', 'не отвечает', 'тишина', 'ни ответа', 'не дозвониться', 'не дозвонишься') },
  { name: 'ru.neverDid', re: words('не (?:пришл*|приш[её]л|доставил*|вернул*|ответил*|работа*|могу|можем|получил*|решил*|приход*|списал*|зачисл*|перев[её]л*|поступ*|отображ*|загружа*|открыва*|отправ*|позвонил*|перезвонил*|выдал*|одобрил*|разблокир*|выполн*)',
    // A button, payment or update that fails: "кнопка не нажимается", "платёж не проходит", "не дают вернуть" (not "не прошло и часа": praise).
    'не (?:нажима*|проход*|принима*|срабатыва*|сработал*|обновля*|грузит*|пуска*|пустил*|дают)', 'не хвата(?:ет|ло)', 'недолож*', 'недовез*') },
  // Not "за 12 минут": within minutes is speed, praise (ruLexicon.ts), not waiting.
  { name: 'ru.time', re: words(`${NUM_RU} (?:дн*|час*|недел*|месяц*|раз*|год*|лет)`, `(?<!за )${NUM_RU} минут*`, '(?<!(?:за|на) )неделю', '(?<!(?:за|на) )месяц(?! до)', 'который (?:день|раз|месяц|час)', 'уже (?:неделю|месяц|год|час|\\d+|два|три|второй|третий)', 'второй день', 'третий день', 'с утра', 'со вчерашнего', 'каждый раз', 'весь день') },
  { name: 'ru.again', re: words('опять', 'снова', 'постоянно', 'вечно', 'сколько можно', 'в который раз', 'вс[её] время', 'регулярно') },
  { name: 'ru.money', re: words('деньг*', 'списа*', 'комисси*', 'возврат*', 'верн[иеу]т*', 'вернуть', 'плат[её]ж*', 'оплат*', 'счет*', 'сч[её]т*', 'карт*', 'кредит*', 'долг*', 'штраф*', 'рубл*', 'руб', 'процент*', 'ипотек*', 'вклад*', 'перевод*', 'банкомат*') },
  { name: 'ru.billing', re: words('списали (?:без|дважды|лишн*|ещ[её])', '(?:а|но) списали', 'списал[аи]? [^.,!?]{1,25} дважды', 'двойн* списани*', 'дважды списал*', 'не подключал*', 'не заказывал*', 'без моего (?:согласия|ведома)', 'навязал*', 'подняли (?:цен*|тариф*)', 'повысили (?:цен*|тариф*)', 'скрыт* комисси*', 'лишн* (?:деньг*|списани*|комисси*)') },
  { name: 'ru.order', re: words('заказ*', 'доставк*', 'посылк*', 'курьер*', 'отделени*', 'оператор*', 'поддержк*', 'горяч* лини*', 'приложени*', 'сервис*', 'обслуживани*', 'жалоб*', 'претензи*', 'очеред*', 'сотрудник*', 'менеджер*', 'договор*', 'тариф*', 'связь', 'интернет*', 'клиент*', 'банк*', 'офис*', 'услуг*', 'товар*', 'магазин*') },
  { name: 'ru.broken', re: words('не работает', 'вылета*', 'вылетел*', 'оторван*', 'оторвал*', 'поцарапан*', 'закатил[аи]? глаза', 'чуж(?:ой|ую|ие|ое) (?:заказ*|посылк*|товар*)', 'не работают', 'сломал*', 'слома*', 'глюч*', 'зависа*', 'завис*', 'ошибк*', 'сбой*', 'не могу', 'невозможно', 'обман*', 'мошенни*', 'хамств*', 'хам*', 'ужас*', 'отвратит*', 'безобрази*', 'позор*', 'кошмар*', 'издевательств*', 'беспредел*', 'развод*', 'бесит', 'достал*', 'задержк*', 'заблокир*', 'блокир*', 'потерял*', 'испорч*', 'брак*', 'отказ*', 'навязал*', 'навязыва*', 'худш*', 'отстой', 'наглост*', 'нагло') },
  // "когда будет распродажа?" asks about an offer or a new product, not after a breach.
  { name: 'ru.accuse', re: words('почему', 'какого', 'что за', 'где (?:мо[йияе]|наш*|деньги)', 'когда (?:будет(?! (?:распродаж*|акци*|скидк*|новинк*|в продаже|поступлени*|открыти*|нов(?:ый|ая|ое|ые) ))|верн*|прид*|вы)', 'вы (?:издеваетесь|серь[её]зно|там)', 'это нормально', 'доколе', 'зачем(?! я)', 'объясните') },
  // "спасибо, что списали дважды", "отличный сервис… 🙃": thanks for a failure.
  { name: 'ru.sarcasm', re: words('спасибо(?: @)?,? (?:что|за то,? что) (?:вы )?(?:[а-яё]+ )?(?:списали|потеряли|отменили|заблокировали|опоздали|испортили|сломали|обманули|забыли|не )', 'ну (?:спасибо|класс|супер|отлично|молодцы)', 'браво', '🙃', '🙄', '🤡', '🤦') },
  { name: 'ru.demand', re: words('верните', 'разберитесь', 'решите (?:проблем*|вопрос)', 'примите меры', 'требую', 'помогите', 'сделайте (?:что-нибудь|что-то)', 'жалобу') },
  { name: 'ru.expect', re: words('обеща*', 'должн*', 'хотя', 'в итоге', 'вместо', 'больше никогда', 'вроде', 'якобы', 'сказали', 'уверял*', 'заявлен*') },
  // ---- Chinese (no word boundaries: substrings)
  { name: 'zh.neverDid', re: han('没(?:有)?(?:收到|送到|送达|到账|到货|发货|来|动过?|减|退款|回复|回应|处理|解决|联系|通知|恢复|生效|显示|反应|人接|人管)', '未(?:收到|送达|到账|发货|处理|解决|回复)') },
  { name: 'zh.outage', re: han('没网', '断网', '网断', '没信号', '没有信号', '信号差', '停电', '停水', '掉线', '断线', '上不了网', '打不通', '闪退', '登录不了', '登不上', '无法登录') },
  // "这也叫大杯？" (you call this a large?): the thing falls short of its own name.
  { name: 'zh.sarcasm', re: han('这也(?:叫|算|配叫)', '这(?:叫|算)(?:什么|哪门子)', '这叫.{1,10}[？?]', '呵呵', '真行', '厉害了', '真是太好了', '谢谢你们的', '好评，.*(?:碎|坏|破|少)', '真棒.*(?:又|还)') },
  { name: 'zh.unresolved', re: han('还没', '还是没', '还未', '仍然', '依然', '至今', '到现在', '始终', '都没', '也没', '没有人', '没人', '不理', '不回', '没回复', '没有回复', '没反应', '未到', '未收到', '没收到', '没到', '迟迟', '一直没', '一直不', '还不', '没解决', '没有解决', '不处理', '没处理') },
  { name: 'zh.still', re: han('一直', '还是', '仍', '依旧', '总是', '老是') },
  { name: 'zh.time', re: han('\\d+天', '\\d+个?(?:小时|星期|礼拜|周|月)', '[几两三四五六七八九十半]+(?:天|个?(?:小时|星期|礼拜|月)|周)', '好几天', '多少天', '这么久', '很久', '太久') },
  { name: 'zh.again', re: han('又', '再次', '每次', '三番五次', '好几次', '多次', '反复', '屡次') },
  { name: 'zh.money', re: han('退款', '退钱', '扣费', '扣钱', '扣了', '话费', '账单', '收费', '乱收', '钱', '赔偿', '价格', '贵', '降价', '差价', '元', '块') },
  { name: 'zh.billing', re: han('多扣', '乱扣', '扣了两次', '重复扣', '乱收费', '莫名其妙', '没开通', '没有开通', '没订', '没有订', '不知道的', '偷偷', '涨价', '擅自') },
  { name: 'zh.order', re: han('订单', '快递', '物流', '发货', '到货', '收货', '收到', '退货', '换货', '客服', '售后', '投诉', '流量', '套餐', '宽带', '信号', '商家', '卖家', '服务', '包装', '京东', '前台', '酒店', '房间') },
  { name: 'zh.broken', re: han('坏', '断', '破', '碎', '裂', '漏', '故障', '不能用', '用不了', '打不开', '开不了', '死机', '卡顿', '太卡', '很卡', '慢', '(?<![出时相])差(?![不点])', '垃圾', '骗', '假货', '坑', '失望', '后悔', '不值', '问题', '毛病', '不行', '不好', '不满意', '一般', '不了', '不能', '错', '少了', '缺', '脏', '臭', '异味', '无法', '失灵', '黑屏', '花屏', '不稳定') },
  { name: 'zh.accuse', re: han('为什么', '凭什么', '怎么回事', '什么情况', '到底', '怎么还', '难道', '搞什么', '什么意思', '给个说法', '解释', '你们(?!家)') },
  { name: 'zh.demand', re: han('求解决', '急需解决', '请解决', '尽快(?:解决|处理|回复)', '给个说法', '给我一个说法', '求帮助', '求助', '赶紧', '还我', '退钱', '要求赔') },
  { name: 'zh.expect', re: han('说好', '承诺', '本来', '应该', '竟然', '居然', '结果', '却', '不是说', '明明', '宣传', '描述不符', '不符', '以后不', '再也不') },
  // ---- negated or settled problems: "not bad at all", "no complaints", "没问题"
  { name: 'en.fine', re: words('not (?:too |that |so |a |half |at all )?(?:bad|terrible|awful|disappointed|disappointing)', '(?:isnt|wasnt|arent|werent) (?:too |that |so |half )?bad(?: at all)?', 'no (?:complaints?|problems?|issues?|worries|regrets)', 'nothing wrong', 'cant complain', 'never disappoint*', 'without (?:a |any )?(?:problem|issue|hitch|hassle)s?', 'all good', 'problem solved', '(?:issue|problem) (?:is |was |has been )?(?:resolved|fixed|sorted)', 'works (?:great|perfectly|fine) now', 'never (?:had|lost|missed|let me down|failed)', 'still (?:going strong|works (?:great|perfectly|fine)|love|loving)', 'not (?:once|a single) (?:problem|issue|drop)',
    // A hitch excused or a service that just worked: "totally understandable", "no drama", "worth it".
    'no (?:drama|fuss|hassle|stress)', '(?:hassle|stress|trouble|fuss) ?free', 'painless(?:ly)?', 'seamless(?:ly)?', 'understandable', 'these things happen', 'not complaining', String.raw`(?<!doesnt |does not |didnt |did not |wont |nothing )(?:makes?|made) up for (?:it|that|this)`,
    '(?:not|none of (?:this|that|it)) (?:your|yours|you guys|anyones) fault', 'not on you', 'not yours', 'regret nothing', '(?:dont|do not|never) regret', String.raw`(?<!not |isnt |wasnt |arent )worth (?:it|every (?:penny|cent|minute))`) },
  { name: 'ru.fine', re: words('не ?плох*', 'вопрос (?:закрыт|решен|решён)', '(?<!не )починил[аи]?', 'без проблем', 'нет проблем', 'никаких проблем', 'вс[её] (?:пришло|работает|отлично|хорошо|в порядке)', 'не разочаров*', 'проблем[аы]? решен*', 'решили проблему', 'не жалею', 'ни одной проблем*', 'ни разу не (?:подв[её]л*|пропал*|сломал*|подвели|опоздал*)') },
  // Not before a "but" ("味道不错就是太慢了": fine, except that it was slow).
  { name: 'zh.fine', re: han(`(?:没问题|不错|不差|没毛病|挺好)${ZH_NOT_BEFORE_BUT}`, '已解决', '已经解决', '解决了', '不后悔', '从来没(?:丢|坏|出|迟)', '没出过问题', '没出问题', '没坏过') },
  // ---- praise and thanks for a service that worked: counter-evidence, as "fine" is
  { name: 'ru.praise', re: words('спасибо', 'благодар*', 'молодц*', 'молодец', 'оперативно', 'вовремя', 'приятно', 'помогли', 'помог', 'помогла', 'вс[её] (?:решили|решил*|объяснил*|настроил*|исправил*|починил*|верн*|сделал*)', 'доволен', 'довольн*', 'отличн*', 'супер', 'класс', 'круто', 'рекомендую', 'люблю', 'респект', 'огонь', 'лучш* (?:банк|оператор|сервис|доставк*|магазин|приложени*)') },
  // English praise idioms the sentiment lexicon misses ("fair play to them", "spot on", "10/10")
  { name: 'en.praise', re: words(String.raw`(?<!(?:not|never|wasnt|isnt|hardly) )(?:(?:very|so|really|seriously) )?impressed(?!,? but not)`, 'kudos', 'props to', 'fair play', 'shout ?out to', 'well done', 'great job', 'good job', 'nice one', 'top notch', 'spot on', 'nailed it', 'above and beyond', 'life ?saver', String.raw`10 ?/ ?10`, String.raw`(?:five|5) stars`, 'hats off', 'big thanks', 'cheers to', String.raw`deserves? (?:a )?(?:raise|promotion|medal|award|pay rise)`, 'never selling', String.raw`cant (?:recommend|thank|praise|rate) (?:[a-z@]+ ){0,6}(?:highly )?enough`, 'cant fault', 'cant wait', String.raw`(?:wont|cant) stop (?:talking|raving|going on|smiling|thinking) about`, String.raw`(?:i |we )?wont miss`, String.raw`(?:thanks|thank you|cheers|ty) (?:so much |again |loads |a lot )?(?:for|4) (?:sorting|fixing|helping|getting|resolving|replacing|refunding|the quick|the fast|the speedy|your help|looking after|being so)`, String.raw`saved (?:me|us) (?:from|so much|loads|hours|a fortune|the day)`,
    // "made my morning", "we'll be back", "will definitely be back"
    String.raw`made my (?:day|morning|week|night|evening|weekend|year)`, String.raw`(?:well|we will|ill|i will|will) (?:definitely |certainly |100 ?% |deffo |defo )?be (?:back|coming back|returning)`) },
  // ---- negativity about the author or another company, not this brand's service
  { name: 'en.self', re: words('my (?:own )?fault', 'my bad', 'my mistake', 'user error', 'a me problem',
    // "not @airline's fault, mine", "classic me", "burnt my tongue again bc i never learn", "forgot my pin"
    String.raw`not (?:@'?s?|your|their|the [a-z]+s?) fault`, '(?:classic|typical) me', 'i never learn', String.raw`(?:bc|because|cos|cause) i (?:was|am|forgot|overslept|didnt|did not)`,
    String.raw`i (?:burnt|burned|spilled|spilt|dropped|backed|reversed|overslept|slept through|locked myself)`, String.raw`forgot my (?:pin|password|card|keys|wallet|phone|passport|login)`, 'my pride',
    String.raw`(?:got|getting) (?:absolutely |completely |totally )?(?:destroyed|rekt|wrecked|owned|bodied|humbled) (?:in|at|on|by)`, 'retiring from', 'im (?:just |so )?(?:bad|terrible|tired|exhausted|hungover|clumsy|an idiot)', 'i (?:forgot|messed up|screwed up)', 'glad i (?:switched|moved|left|changed)', '(?:switched|moved|changed) (?:over )?to @', 'my (?:old|last|previous|former) (?:provider|bank|carrier|airline|network|company|broadband|isp|phone company)', 'if (?:@ |you )?(?:ever|one day)',
    // "I am simply bad at this", "I accidentally…", "booked the wrong dates myself", "that's on me"
    String.raw`(?:im|i am|i was) (?:just |so |simply |really |truly |too |genuinely )?(?:bad|terrible|awful|useless|hopeless|rubbish|trash|an idiot) at`, String.raw`i (?:accidentally|mistakenly|stupidly)`, 'like an idiot',
    String.raw`(?:booked|ordered|entered|typed|picked|chose|selected|bought|clicked|deleted) [a-z ]{0,30}(?:myself|by mistake|by accident)`, String.raw`(?:its|thats|this ones|totally|entirely|all) on me`,
    // another company, or fraudsters using the brand's name
    // (not "another airline", "your competitor", "back to @other": threats to leave, so complaints)
    String.raw`the other (?:[a-z]+ )?(?:bank|app|airline|provider|company|carrier|network|store|shop|service|brand|place|hotel|site)(?! (?:from|of) (?:you|yours|@))`, String.raw`(?:came|coming|come|switched|switching|moved|moving|went|going) back to you`, String.raw`pretending to be (?:you|@)`, 'impersonat*', 'phishing', String.raw`scam (?:texts?|calls?|emails?|messages?|accounts?|sites?|pages?|links?)`) },
  { name: 'ru.self', re: words('сам[аи]? виноват[аы]?', 'моя ошибка', 'по своей вине', 'переш(?:[её]л|ла|ли) (?:в|к|на)', '(?:прежний|старый|прошлый|бывший) (?:оператор|банк|провайдер)',
    // "сам дурак", "сама забыла пароль", "вы тут ни при чём", "моя вина"
    'сам[аи]? (?:дурак|дура|дураки|забыл[аи]?|перепутал[аи]?|проспал[аи]?|не (?:заметил[аи]?|посмотрел[аи]?|проверил[аи]?))', '(?:вы |тут |здесь )?ни при ч[её]м', 'моя вина', 'по моей (?:вине|глупости|невнимательности)', 'не ваша вина',
    // "ушла из старого банка", "в другом такси ждала 40 минут", "опять забыла пароль, память решето"
    '(?:уш[её]л|ушла|ушли|сбежал[аи]?) (?:из|от) (?:старого|прежнего|прошлого|бывшего|другого)', '(?:старого|прежнего|прошлого|бывшего) (?:оператора|банка|провайдера)',
    'в (?:другом|соседнем) (?:такси|банке|магазине|сервисе|приложении|кафе|операторе)', 'переезжаю к вам', 'переш(?:[её]л|ла|ли) к вам', 'переш(?:[её]л|ла|ли) (?:с|со) [а-яё]+ (?:в|к|на)', 'я (?:дура|дурак|балда|растяпа)', 'проспал[аи]?', 'случайно (?:перев[её]л*|отправил*|удалил*|нажал*|купил*|оплатил*|заказал*)', 'забыл[аи]? (?:пароль|пин|пин-код|код|логин)', 'память (?:решето|как у рыбки)') },
  // "我自己定位定错了" (I set the wrong pin myself), "怪我", "没忍住又点了": the author's own doing.
  { name: 'zh.self', re: han('我自己(?:的)?(?:问题|原因|错|粗心|不小心|没注意)', '我自己[^，。！？,.!?]{0,6}错了', '我的错', '怪我', '是我(?:自己|不小心|粗心|没看|看错|搞错|弄错|填错|选错|写错|下错|定错)', '自己(?:搞错|弄错|填错|选错|写错|看错|下错|定错|点错|输错|粗心|没看清|没注意)', '不小心(?:点|下|删|买|选|填|摔|弄)', '没忍住') },
  // "говорят, у X сбой, а у меня всё летает": a failure others report, the author's service works.
  { name: 'ru.hearsay', re: words(`(?:говорят|пишут|слышал[аи]?),? (?:что|у|в)(?= (?!(?:мо[йяеиё]|меня|мне|нас|наш[аеи]?)${R}))`, 'у меня (?:вс[её] |вроде |пока ){0,3}(?:ок|норм|работает|летает|в порядке|нормально)', 'проверил[аи]? (?:свою|свой|у себя)[^.!?]{0,12}(?:ок|норм|в порядке)') },
  // ---- plain requests: asking how, when or whether, with nothing wrong yet
  { name: 'en.request', re: words('how (?:do|can|would|should) (?:i|we)', String.raw`(?:dmd|dmed|dm sent|sent (?:u|you|a) dm|check (?:ur|your) dms?)`, 'how to', 'can (?:i|we|you tell|you help me|someone tell)', 'could you (?:tell|help|let)', 'is (?:there|it possible)', 'do you (?:have|know|sell|ship|offer|deliver|accept|open|do)', 'does (?:anyone|it come|this come)', 'what time', 'when (?:do|does|is) (?:you|the|it) (?:open|close|start|launch|come|release)', 'where can (?:i|we)', 'any (?:recommendations?|suggestions?|tips)', 'i would like to', 'id like to', 'wondering', 'looking for', 'just (?:curious|asking|checking)', '(?:im |i am )?curious (?:whether|if|about|how)') },
  { name: 'ru.request', re: words('подскажите', 'скажите пожалуйста', 'как (?:мне|можно|узнать|подключить|оформить|получить|оплатить)', 'можно ли', 'есть ли', 'хочу узнать', 'хочу (?:сменить|изменить|поменять|подключить|перейти|оформить|перенести)', 'хотел бы', 'хотела бы', 'интересует', 'во сколько') },
  { name: 'zh.request', re: han('请问', '想问', '咨询', '(?:怎么|如何|怎样)(?:办理|设置|开通|使用|购买|查询|申请|退货|换货|退款|寄回|开发票|联系|修改|取消)', '可以(?:吗|么)', '能否', '几点') },
  // ---- suggestions and wishes for a product that works
  { name: 'en.suggest', re: words('would (?:love|be (?:nice|great|cool|awesome|good|handy))', 'it would be', 'please (?:add|bring|make|consider|do more)', 'you should (?:add|make|bring|do|open|start)', 'can you (?:add|make|bring)', 'wish (?:you|there|it)', 'feature request', 'suggestion', 'any chance', 'hope (?:you|it|its|the|we)') },
  { name: 'ru.suggest', re: words('сделайте,? пожалуйста', 'добавьте', 'было бы (?:здорово|удобно|классно|круто|неплохо|хорошо|полезно)', 'полезно было бы', 'предлагаю', 'хотелось бы', 'надеюсь', 'мечтаю') },
  { name: 'zh.suggest', re: han('希望(?:能|可以|增加|加|推出|出|有)', '建议', '能不能(?:加|出|增加|推出)', '要是能', '如果能') },
  // ---- passing on news, offers and giveaways
  { name: 'x.relay', re: /^(?:rt @|rt:|转发)|抽奖|giveaway|розыгрыш|(?:^|\s)via @/gu },
  // ---- any language: shouting and repeated punctuation
  { name: 'x.bang', re: /[!！]{2,}|[?？][!！]|[!！][?？]/gu },
  { name: 'x.question', re: /[?？]/gu },
];

/** Cues that make a question a grievance ("why is my…", "still no…"), not a request for information. */
const GRIEVANCE_KINDS: ReadonlySet<string> = new Set(['unresolved', 'neverDid', 'failure', 'broken', 'accuse', 'expect', 'demand', 'again', 'time', 'bang', 'outage', 'sarcasm', 'billing']);
export const isGrievanceCue = (name: string): boolean => GRIEVANCE_KINDS.has(name.slice(name.indexOf('.') + 1));

const SENTENCE_ENDS = ['.', '!', '?', '\n'] as const;
/** Where the sentence holding index `at` starts and ends (the end: its closing mark's index, or the text's length). */
function sentenceAround(text: string, at: number): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  for (const mark of SENTENCE_ENDS) {
    start = Math.max(start, text.lastIndexOf(mark, at - 1) + 1);
    const next = text.indexOf(mark, at);
    if (next >= 0) end = Math.min(end, next);
  }
  return { start, end };
}

/** "if", "in case", "unless" or "what happens when" opening the clause a cue is in. */
const HYPOTHETICAL_WORD = String.raw`(?:^|[^a-z])(?:if|in case|incase|unless|what happens when|whenever)(?![a-z])`;
const HYPOTHETICAL_OPENING = new RegExp(HYPOTHETICAL_WORD);
/** From the hypothetical word to the end of its question. */
const HYPOTHETICAL_TAIL = new RegExp(String.raw`${HYPOTHETICAL_WORD}[^.!?
]*\?`, 'g');
/**
 * Whether the English cue at `at` is asked about, not suffered: its sentence is a question and
 * "if" (or "in case", "unless") comes before it in that sentence ("what happens if my flight is
 * cancelled?", "can I get a refund if the item arrives damaged?"). Not "my flight was cancelled,
 * what happens if I rebook?" (the failure comes first) nor a statement ("if it breaks again I'm
 * done").
 */
export function isHypothetical(text: string, at: number): boolean {
  const { start, end } = sentenceAround(text, at);
  if (text.charAt(end) !== '?') return false;
  return HYPOTHETICAL_OPENING.test(text.slice(start, at));
}

/** "говорят", "пишут, что", "слышала, что": what others report, opening the sentence part a cue is in. */
const HEARSAY_OPENING = /(?:^|[^а-яё])(?:говорят|пишут|слышал[аи]?|в новостях|по новостям)(?![а-яё])/;
/** The author in between ("говорят, что мой перевод…"): the report is about their own service. */
const AUTHOR_RU = /(?:^|[^а-яё])(?:мо[йяеиё]|моего|моей|меня|мне|нас|наш[аеи]?)(?![а-яё])/;
/**
 * Whether the Russian cue at `at` is a failure others report, not the author's: "говорят у X сбой
 * по всей москве, а у меня всё летает". The hearsay word comes before it in its sentence and no
 * "мой" / "меня" between them.
 */
export function isHearsay(text: string, at: number): boolean {
  const before = text.slice(sentenceAround(text, at).start, at);
  const opening = HEARSAY_OPENING.exec(before);
  return opening !== null && !AUTHOR_RU.test(before.slice(opening.index));
}

/** `text` without the "if …?" tail of each question (what `isHypothetical` treats as asked about). */
export function withoutHypotheticals(text: string): string {
  return text.replace(HYPOTHETICAL_TAIL, '?');
}

// A question opens the post (after any @mentions) or a clause, or ends in a question mark.
const OPENS_QUESTION = new RegExp(
  [
    String.raw`(?:^|[.!;]\s)(?:@\s?)*(?:what|whats|when|where|which|who|how|is|are|do|does|did|can|could|will|would|may|any|anyone|has|have)${R}`,
    String.raw`(?:^|[.!;]\s)(?:@\s?)*(?:подскажите|скажите|как|где|когда|во сколько|можно ли|есть ли|какие|какой|какая|сколько|будет ли)${R}`,
    '请问|想问|咨询一下',
  ].join('|'),
  'u',
);

/**
 * A question seeking information ("how do I return…?", "怎么退货？", "во сколько открывается?"),
 * with no grievance cue and no negative sentiment: the commonest non-complaint a brand receives,
 * and one the review and sentiment data barely show.
 */
export function isInfoQuestion(text: string, cuesFound: ReadonlySet<string>, sentiment: number): boolean {
  return isPlain(cuesFound, sentiment) && (/[?？]/u.test(text) || OPENS_QUESTION.test(text) || [...cuesFound].some((c) => c.endsWith('.request')));
}

/** A suggestion or wish ("would love a dark mode", "希望能加…") with nothing wrong in it. */
export const isSuggestion = (cuesFound: ReadonlySet<string>, sentiment: number): boolean =>
  isPlain(cuesFound, sentiment) && [...cuesFound].some((c) => c.endsWith('.suggest'));

/** Relayed news or offers ("RT @…", "转发抽奖") with nothing wrong in them: a retweeted complaint is still one. */
export const isRelay = (cuesFound: ReadonlySet<string>, sentiment: number): boolean =>
  cuesFound.has('x.relay') && isPlain(new Set([...cuesFound].filter((c) => !c.endsWith('.time') && !c.endsWith('.bang'))), sentiment);

/**
 * Russian news and offers about a service ("запускает 5G", "снизил ставки", "промокод на скидку",
 * "взять кредит…"): the bank tweets' commonest non-complaint, and one that posts to any operator,
 * shop or delivery service share. Not a cue: learned, it would only repeat the bank n-grams.
 */
const RU_ANNOUNCE = words(
  'запуска[ею]т', 'запустил[аио]?', 'открыва[ею]т', 'откроет', 'открыл[аио]?', 'снизил[аио]?', 'снижа[ею]т', 'представил[аио]?',
  'объявил[аио]?', 'стало известно', 'новост*', 'плановы[ех] работ*', 'млн', 'млрд',
  'акци[яиюй]', 'скидк*', 'промокод*', 'кэшб[эе]к*', 'кешб[эе]к*', 'бонус*', 'выгодн*', 'розыгрыш*', 'годовых',
  'взять (?:кредит*|ипотек*|займ*)', 'оформ(?:ить|ите|и) (?:кредит*|карт*|ипотек*|вклад*)', 'подарок',
);

/**
 * A Russian announcement with nothing wrong in it. Like a relay, a span of time ("весь месяц")
 * does not count as a grievance here: offers run for one.
 */
export function isAnnouncement(text: string, cuesFound: ReadonlySet<string>, sentiment: number): boolean {
  RU_ANNOUNCE.lastIndex = 0;
  return RU_ANNOUNCE.test(text) && isPlain(new Set([...cuesFound].filter((c) => !c.endsWith('.time') && !c.endsWith('.bang'))), sentiment);
}

function isPlain(cuesFound: ReadonlySet<string>, sentiment: number): boolean {
  if (sentiment <= -0.3) return false;
  for (const c of cuesFound) if (isGrievanceCue(c)) return false;
  return true;
}
