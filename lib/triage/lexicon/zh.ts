/**
 * Compact Chinese sentiment lexicon written for Replyline. Chinese has no spaces, so the scorer
 * scans for these entries with longest match first; compounds that carry their own negation
 * ("不错" good, "不好" bad, "没问题" fine) are entries of their own so the generic negator rule
 * does not double-flip them.
 */
import { lexicon } from './table';

/**
 * Words that hold a shorter sentiment or complaint word and mean neither: "快递" (courier) is no
 * "快" (fast), "好几天" (several days) no "好", "出差" (business trip) no "差". Both this lexicon and
 * the model's word list (lib/triage/model/zhLexicon.ts) match them first and skip them.
 */
export const ZH_NEUTRAL_COMPOUNDS: readonly string[] = [
  '快递', '快点', '快要', '赶快', '尽快', '好几', '好久', '好像', '好不容易', '只好', '充值', '值班', '慢慢', '贵宾', '依旧', '拖鞋', '出差', '时差', '相差',
  '差不多', '差点', '退出', '破费',
];

export const ZH_VALENCE: ReadonlyMap<string, number> = lexicon({
  // negative
  '不好': -2, '很差': -3, '太差': -3, '差劲': -3, '垃圾': -4, '糟糕': -3, '糟透': -4, '恶心': -3,
  '失望': -2, '生气': -3, '愤怒': -3, '气死': -4, '坑人': -3, '骗子': -4, '骗人': -3, '欺骗': -3,
  '投诉': -2, '退款': -1, '坏了': -2, '故障': -2, '损坏': -2, '破损': -2, '问题': -2,
  '错误': -2, '崩溃': -3, '卡顿': -2, '闪退': -2, '延误': -2, '延迟': -2, '晚点': -2, '取消': -1,
  '丢失': -2, '丢了': -2, '没收到': -2, '等了': -1, '一直等': -2, '没人理': -3, '没人回': -3, '不回复': -2,
  '不理': -2, '态度差': -3, '态度恶劣': -4, '太慢': -2, '很慢': -2, '麻烦': -1, '难用': -3, '烂': -3,
  '最差': -4, '最烂': -4, '无语': -2, '无法': -1, '不能用': -2, '不能': -1, '用不了': -2, '不行': -2, '差': -2,
  '坑': -2, '贵': -1, '后悔': -3, '再也不': -3, '忍无可忍': -4, '差评': -3, '太坑': -3, '讨厌': -3,
  // positive
  '不错': 2, '很好': 3, '好用': 2, '满意': 2, '喜欢': 2, '谢谢': 2, '感谢': 2, '多谢': 2, '棒': 3, '赞': 3,
  '优秀': 3, '完美': 3, '厉害': 3, '专业': 2, '及时': 2, '快速': 1, '方便': 2, '推荐': 2, '好评': 3,
  '开心': 3, '高兴': 3, '给力': 3, '靠谱': 2, '贴心': 3, '耐心': 2, '解决了': 2, '没问题': 1, '爱': 2,
  '好': 1, '牛': 2, '点赞': 3, '惊喜': 3,
  // Neither: ZH_NEUTRAL_COMPOUNDS below, matched first.
  ...Object.fromEntries(ZH_NEUTRAL_COMPOUNDS.map((w) => [w, 0])),
});

/** Single-character and short negators that flip the entry right after them. */
export const ZH_NEGATORS: readonly string[] = ['没有', '不', '没', '别', '未', '无', '非'];

export const ZH_INTENSIFIERS: ReadonlyMap<string, number> = lexicon({
  '非常': 1.4, '特别': 1.3, '十分': 1.3, '超级': 1.4, '太': 1.3, '很': 1.2, '真': 1.2, '极其': 1.5, '有点': 0.7,
});
