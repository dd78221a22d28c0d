/**
 * Complaint and urgency evidence in English, Russian and Chinese: phrases a customer uses when
 * something went wrong and they want the brand to act. General service vocabulary, no industry
 * words. Each entry carries a strength 0..1 (1 = unambiguous). Latin/Cyrillic phrases match on
 * word boundaries, a trailing '*' is a stem ("сломал*"); Chinese matches as a substring.
 */
export interface ComplaintPhrase {
  phrase: string;
  strength: number;
}

const p = (strength: number, ...phrases: string[]): ComplaintPhrase[] => phrases.map((phrase) => ({ phrase, strength }));

export const COMPLAINT_PHRASES: readonly ComplaintPhrase[] = [
  // English: explicit complaint phrases
  ...p(1, 'still waiting', 'still broken', 'still not', 'still no', 'still have not', "still haven't", 'worst',
    'never again', "doesn't work", 'does not work', "didn't work", "isn't working", 'not working', 'stopped working',
    "won't work", "won't let me", 'no one answers', 'nobody answers', 'no one is answering', 'no response', 'no reply',
    'no answer', 'no help', 'no one helps', 'lost my', 'lost our', 'cancelled my', 'canceled my', 'charged twice',
    'double charged', 'overcharged', 'never received', 'never arrived', 'never got', 'not received', "haven't received",
    'has not arrived', "hasn't arrived", 'where is my', "where's my", 'want my money back', 'money back', 'refund',
    'unacceptable', 'ridiculous', 'terrible', 'horrible', 'awful', 'disgusting', 'pathetic', 'useless',
    'incompetent', 'rude', 'scam', 'ripped off', 'rip off', 'fed up', 'sick of', 'tired of', 'disappointed',
    'disappointing', 'frustrated', 'frustrating', 'furious', 'angry', 'annoyed', 'fix this', 'fix it', 'fix your',
    'hung up', 'wasted', 'broken', 'faulty', 'defective', 'damaged', 'stranded', 'complaint', 'complain',
    'poor service', 'bad service', 'customer service fail', 'not happy', 'unhappy', 'not impressed', 'not acceptable',
    'not ok', 'not okay', 'not good', 'not great', 'not helpful', 'unhelpful', 'ignored', 'ignoring', 'how hard is it',
    'still nothing', 'nothing yet', 'no update', 'no updates', 'keeps crashing', 'hate', 'sucks', 'screwed', 'ruined',
    'nightmare', 'disaster', 'cancelled', 'canceled', 'delayed', 'stuck', 'failed', 'on hold'),
  // English: service failures reported without emotional words
  ...p(1, 'is down', 'site down', 'website down', 'app down', 'been trying', 'keep trying', 'please fix', 'pls fix',
    "haven't heard back", 'not heard back', 'never heard back', 'never came', 'never showed', 'never arrives',
    "didn't get", 'did not get', "didn't receive", 'did not receive', "don't work", "doesn't load", 'never loads',
    "won't load", 'not loading', 'no refund', 'not refunding', 'still no', 'no option', 'no options', 'no way to',
    'no one to', 'nobody to', 'lack of', 'what a joke', "what's the point", 'how is it', 'how is this', 'why would',
    'why is it', 'why does it', 'why do i have to', 'hold times', 'hold time', 'hung up on', 'left us', 'left me',
    'charged me', 'no communication', 'no info', 'no information', 'no explanation', 'told me', 'was told', 'were told',
    'we were', 'zero', 'not even', 'at least', 'so much for', 'thanks for nothing', 'worst'),
  ...p(0.5, 'trying to', 'still', 'help', 'help?', 'sitting', 'without', 'paid', 'twice', 'human', 'nothing',
    "won't", "wouldn't", "isn't", "wasn't", "didn't", "doesn't", "don't", "hasn't", "haven't", 'anyone', 'answer',
    'someone', 'told', 'hrs', 'hour', 'minutes', 'again', 'instead', 'supposed to'),
  // English: common in complaints but also in neutral talk; need a second hint (see complaint.ts)
  ...p(0.5, 'waited', 'waiting for', 'hours', 'late', 'delay', 'delays', 'problem', 'problems', 'issue', 'issues',
    'trouble', 'missing', 'bad', 'poor', 'worse', 'slow', "can't get", "couldn't", "can't", 'cannot', 'unable',
    'impossible', 'nobody', 'no one', 'denied', 'refused', 'again?', 'seriously', 'really?', 'joke', 'mess', 'wrong',
    'missed', 'lost', 'error', 'bug', 'glitch', 'fail', 'crashed', 'crashes', 'suck', 'why'),
  // Russian
  ...p(1, 'до сих пор', 'всё ещё жду', 'все еще жду', 'никогда больше', 'больше никогда', 'не работает',
    'не работают', 'перестал* работать', 'никто не отвечает', 'никто не отвечае*', 'не отвечает', 'не отвечают',
    'потерял*', 'потеря*', 'отмени*', 'отмен*', 'сломал*', 'сломан*', 'верните деньги', 'верните', 'возврат*',
    'списали дважды', 'не пришл*', 'не получил*', 'где мой', 'где мои', 'где моя', 'ужасн*', 'отвратит*', 'худш*',
    'безобраз*', 'позор*', 'возмут*', 'жалоб*', 'претензи*', 'обман*', 'задерж*', 'опозд*', 'ошибк*', 'проблем*',
    'невозможно', 'не могу', 'не можем', 'сколько можно', 'надоел*', 'бесит', 'кошмар*', 'хамств*', 'плох*'),
  // Chinese
  ...p(1, '投诉', '退款', '坏了', '故障', '不能用', '用不了', '没收到', '还没收到', '一直等', '等了', '没人理',
    '没人回', '不回复', '再也不', '最差', '最烂', '垃圾', '太差', '很差', '差劲', '糟糕', '失望', '生气', '骗子',
    '延误', '晚点', '取消了', '丢失', '丢了', '损坏', '破损', '问题', '错误', '崩溃', '闪退', '不好', '难用', '太慢'),
];

/** Hashtags (without '#', lower-case) that on their own mark a complaint. */
export const COMPLAINT_HASHTAGS: ReadonlySet<string> = new Set([
  'complaint', 'complaints', 'broken', 'faulty', 'refund', 'poorservice', 'badservice', 'worstservice', 'fail',
  'epicfail', 'neveragain', 'disappointed', 'customerservicefail', 'notimpressed', 'unacceptable', 'ripoff',
  'scam', 'fixit', 'shame', 'жалоба', 'позор', 'возврат', '投诉', '差评',
]);
